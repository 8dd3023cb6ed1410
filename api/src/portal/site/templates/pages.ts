/**
 * The pages of the site but the status page (status-page.ts): the complaint form, the status lookup, a message.
 *
 * The complaint form (GET and POST /klacht/). The hidden fields come first — the idempotency key, the signed form
 * token, the honeypot and the uploads already made — so that they arrive before any file: a form refused for them
 * stores none. The honeypot is an ordinary text field no person sees or reaches (off-screen, aria-hidden, out of
 * the tab order, not autofilled, its label saying to leave it empty).
 */
export const COMPLAINT_FORM = `<h1>Klacht indienen</h1>
<p class="lead">Bent u niet tevreden over ons? Vertel het ons. Wij nemen uw klacht serieus en laten u weten wat wij ermee doen.</p>
{{> errorSummary}}
<form method="post" action="{{base}}/" enctype="multipart/form-data" novalidate>
<input type="hidden" name="sleutel" value="{{idempotencyKey}}">
<input type="hidden" name="formulier" value="{{formToken}}">
<div class="hp" aria-hidden="true">
<label for="aanvulling">Niet invullen: laat dit veld leeg</label>
<input type="text" id="aanvulling" name="aanvulling" value="" tabindex="-1" autocomplete="off">
</div>
{{#each keptUploads}}<input type="hidden" name="bijlage" value="{{this}}">
{{/each}}
<fieldset>
<legend>Uw gegevens</legend>
{{> input fields.naam}}
<fieldset aria-describedby="bereikbaar-hint">
<legend class="sub">Hoe kunnen wij u bereiken?</legend>
<p class="hint" id="bereikbaar-hint">Vul ten minste één in: uw e-mailadres, telefoonnummer of postadres.</p>
{{> input fields.email}}
{{> input fields.telefoon}}
{{> textarea fields.postadres}}
</fieldset>
{{> select fields.relatie}}
{{> input fields.namens}}
{{> input fields.organisatie}}
</fieldset>
<fieldset>
<legend>Uw klacht</legend>
{{> textarea fields.omschrijving}}
{{#if fields.eenheid}}{{> select fields.eenheid}}{{/if}}
{{#if fields.categorie}}{{> select fields.categorie}}{{/if}}
{{#if fields.bijlagen}}{{> files fields.bijlagen}}{{/if}}
</fieldset>
<p>Wij gebruiken uw gegevens alleen om uw klacht te behandelen.</p>
<button type="submit">Klacht versturen</button>
</form>
`;

/** GET /klacht/status: reference and code, as in the confirmation. */
export const STATUS_LOOKUP = `<h1>Status van uw klacht</h1>
<p class="lead">Vul het kenmerk en de code in die u kreeg toen u uw klacht indiende. U vindt ze ook in onze brieven.</p>
{{> errorSummary}}
<form method="post" action="{{base}}/status" novalidate>
{{> input fields.kenmerk}}
{{> input fields.code}}
<button type="submit">Status bekijken</button>
</form>
<h2>Code kwijt?</h2>
<p>Neem contact met ons op en noem het kenmerk van uw klacht. U krijgt dan een nieuwe code; de oude werkt daarna niet meer.</p>
`;

/** A page that says one thing: a link that no longer works, a page that does not exist, an error with its id. */
export const MESSAGE_PAGE = `<h1>{{heading}}</h1>
{{#each paragraphs}}<p>{{this}}</p>
{{/each}}
{{#if errorId}}<p>Noemt u dit nummer als u contact met ons opneemt: <strong>{{errorId}}</strong></p>{{/if}}
{{#if keptText}}<h2>Uw tekst is niet verstuurd</h2>
<p>Kopieer hem voordat u verdergaat, zodat u hem niet opnieuw hoeft te typen.</p>
<div class="field"><label for="bewaard">Uw tekst</label><textarea id="bewaard" rows="8" readonly>{{keptText}}</textarea></div>{{/if}}
{{#if links.length}}<ul>{{#each links}}<li><a href="{{href}}">{{label}}</a></li>{{/each}}</ul>{{/if}}
`;
