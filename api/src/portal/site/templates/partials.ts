/**
 * The site's partials (Handlebars, auto-escaped): the page frame, the error summary and one partial per kind of
 * field. A field's model (site-fields.ts) carries its ids: the hint's and the error's, joined in describedBy, so every
 * message is tied to its field. Optional fields say so; required ones carry `required` (the forms are `novalidate`:
 * the server's Dutch messages speak, not the browser's).
 */

export const LAYOUT = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{#if noindex}}<meta name="robots" content="noindex, nofollow">
{{/if}}
<title>{{#if hasErrors}}Fout: {{/if}}{{title}} – {{organisation}}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{{cssUrl}}}">
</head>
<body>
<a class="skip" href="#inhoud">Direct naar de inhoud</a>
<header class="site"><div class="wrap">{{#if logo}}<img class="logo" src="{{base}}/logo" alt="">{{/if}}<span class="org">{{organisation}}</span></div></header>
<main class="wrap" id="inhoud" tabindex="-1">
{{{content}}}
</main>
<footer class="site"><nav class="wrap" aria-label="Klachtenloket"><ul>
<li><a href="{{base}}/">Klacht indienen</a></li>
<li><a href="{{base}}/status">Status van uw klacht bekijken</a></li>
</ul></nav></footer>
</body>
</html>
`;

export const ERROR_SUMMARY = `{{#if summary.length}}
<div class="error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1" id="fouten">
<h2 id="fouten-titel">{{#if summaryTitle}}{{summaryTitle}}{{else}}Controleer het volgende{{/if}}</h2>
<ul>
{{#each summary}}<li>{{#if href}}<a href="{{href}}">{{message}}</a>{{else}}{{message}}{{/if}}</li>
{{/each}}</ul>
</div>
{{/if}}`;

const LABEL = `<label for="{{id}}">{{label}}{{#if optional}} <span class="optional">(niet verplicht)</span>{{/if}}</label>`;
const HINT_AND_ERROR = `{{#if hint}}<p class="hint" id="{{hintId}}">{{hint}}</p>{{/if}}
{{#if error}}<p class="error" id="{{errorId}}"><span class="visually-hidden">Fout:</span> {{error}}</p>{{/if}}`;
const ARIA = `{{#if describedBy}} aria-describedby="{{describedBy}}"{{/if}}{{#if error}} aria-invalid="true"{{/if}}{{#if required}} required{{/if}}`;

export const INPUT = `<div class="field{{#if error}} has-error{{/if}}">
${LABEL}
${HINT_AND_ERROR}
<input type="{{type}}" id="{{id}}" name="{{name}}" value="{{value}}"{{#if autocomplete}} autocomplete="{{autocomplete}}"{{/if}}{{#if inputmode}} inputmode="{{inputmode}}"{{/if}}{{#if literal}} spellcheck="false" autocapitalize="characters"{{/if}}${ARIA}>
</div>
`;

export const TEXTAREA = `<div class="field{{#if error}} has-error{{/if}}">
${LABEL}
${HINT_AND_ERROR}
<textarea id="{{id}}" name="{{name}}" rows="{{rows}}"{{#if autocomplete}} autocomplete="{{autocomplete}}"{{/if}}${ARIA}>{{value}}</textarea>
</div>
`;

export const SELECT = `<div class="field{{#if error}} has-error{{/if}}">
${LABEL}
${HINT_AND_ERROR}
<select id="{{id}}" name="{{name}}"${ARIA}>
{{#each options}}<option value="{{value}}"{{#if selected}} selected{{/if}}>{{label}}</option>
{{/each}}</select>
</div>
`;

export const FILES = `<div class="field{{#if error}} has-error{{/if}}">
${LABEL}
{{#if kept.length}}<div id="{{id}}-al"><p class="hint">Al toegevoegd (u hoeft ze niet opnieuw te kiezen):</p>
<ul>{{#each kept}}<li>{{this}}</li>{{/each}}</ul></div>{{/if}}
${HINT_AND_ERROR}
<input type="file" id="{{id}}" name="{{name}}" multiple accept="{{accept}}"${ARIA}>
</div>
`;

/** A group of radio buttons (the survey's scale): the legend is the question; the group's error is tied to the fieldset. */
export const RADIOS = `<fieldset class="scale field{{#if error}} has-error{{/if}}"{{#if describedBy}} aria-describedby="{{describedBy}}"{{/if}}>
<legend>{{label}}</legend>
${HINT_AND_ERROR}
{{#each options}}<div class="choice"><input type="radio" id="{{id}}" name="{{../name}}" value="{{value}}"{{#if checked}} checked{{/if}}{{#if ../error}} aria-invalid="true"{{/if}} required><label for="{{id}}">{{label}}</label></div>
{{/each}}</fieldset>
`;
