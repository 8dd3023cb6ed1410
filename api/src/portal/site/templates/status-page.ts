/**
 * The status page (GET /klacht/status/<token>), and the confirmation right after a submission (the same page, opened
 * by the submission's own link): where the complaint stands, what comes next and by when, the objection window, the
 * hearing, the letters, the survey — and a form for exactly each action the API offers now. Only what
 * PublicComplaintStatus gives is shown (the handler's name only where the policy lets the API give it).
 */
export const STATUS_PAGE = `{{#if confirmation}}<h1>Uw klacht is ontvangen</h1>
<p class="lead">Dank u wel. Wij hebben uw klacht goed ontvangen.</p>
<dl class="code-box">
<dt>Uw kenmerk</dt>
<dd id="kenmerk">{{reference}}</dd>
<dt>Uw code</dt>
<dd id="code">{{code}}</dd>
</dl>
<h2>Bewaar het kenmerk en de code</h2>
<p>Schrijf ze op, maak een foto of druk deze pagina af. Met het kenmerk en de code ziet u later hoe het met uw klacht staat, en kunt u reageren als wij u iets vragen of als u het niet eens bent met ons antwoord.</p>
<p>De code is geheim: samen met het kenmerk geeft hij toegang tot uw klacht. Deel hem met niemand. Gaf u een e-mailadres op, dan staat hij ook in de ontvangstbevestiging die wij u sturen. Bent u de code kwijt? Vraag ons dan om een nieuwe.</p>
<p>Later kijken? Ga naar <a href="{{base}}/status">Status van uw klacht bekijken</a> en vul daar het kenmerk en de code in.</p>
{{else}}<h1>Uw klacht <span class="nowrap">{{reference}}</span></h1>
{{/if}}
{{#if done}}<div class="notice" role="status"><p>{{done}}</p></div>{{/if}}
{{> errorSummary}}
<h2>Waar staat uw klacht?</h2>
<p><strong>{{stage.title}}.</strong> {{stage.sentence}}</p>
<dl class="facts">
<dt>Ontvangen op</dt><dd>{{receivedOn}}</dd>
{{#if handlerName}}<dt>Uw klacht wordt behandeld door</dt><dd>{{handlerName}}</dd>{{/if}}
{{#if nextStep}}<dt>Wat u van ons kunt verwachten</dt><dd>{{nextStep}}</dd>{{/if}}
{{#if answeredOn}}<dt>Beantwoord op</dt><dd>{{answeredOn}}</dd>{{/if}}
{{#if objectionUntil}}<dt>Bezwaar maken kan tot en met</dt><dd>{{objectionUntil}}</dd>{{/if}}
{{#if objectionFiledOn}}<dt>Uw bezwaar is ontvangen op</dt><dd>{{objectionFiledOn}}</dd>{{/if}}
{{#if closedOn}}<dt>Afgerond op</dt><dd>{{closedOn}}</dd>{{/if}}
</dl>
{{#if hearing}}<h2>De hoorzitting</h2>
<dl class="facts">
<dt>Wanneer</dt><dd>{{hearing.when}}</dd>
<dt>Hoe</dt><dd>{{hearing.form}}</dd>
{{#if hearing.location}}<dt>Waar of hoe u deelneemt</dt><dd>{{hearing.location}}</dd>{{/if}}
</dl>
{{#if hearing.accepted}}<p>U hebt laten weten dat u komt.</p>{{/if}}
{{/if}}
{{#if forms.informatie}}<h2 id="informatie">Wij vragen u om informatie</h2>
<p>Onze vraag aan u:</p>
<p class="quote">{{forms.informatie.question}}</p>
{{#if forms.informatie.answerBy}}<p>Graag uiterlijk {{forms.informatie.answerBy}}.</p>{{/if}}
<form method="post" action="{{link}}/informatie" enctype="multipart/form-data" novalidate>
{{#each forms.informatie.keptUploads}}<input type="hidden" name="bijlage" value="{{this}}">
{{/each}}
{{> textarea forms.informatie.fields.antwoord}}
{{#if forms.informatie.fields.bijlagen}}{{> files forms.informatie.fields.bijlagen}}{{/if}}
<button type="submit">Antwoord versturen</button>
</form>
{{/if}}
{{#if forms.bezwaar}}<h2 id="bezwaar">Bezwaar maken</h2>
<p>Bent u het niet eens met ons antwoord? Dan kunt u tot en met {{objectionUntil}} bezwaar maken. Een bezwaar via deze pagina telt als een schriftelijk bezwaar.</p>
<form method="post" action="{{link}}/bezwaar" enctype="multipart/form-data" novalidate>
{{#each forms.bezwaar.keptUploads}}<input type="hidden" name="bijlage" value="{{this}}">
{{/each}}
{{> textarea forms.bezwaar.fields.gronden}}
{{#if forms.bezwaar.fields.bijlagen}}{{> files forms.bezwaar.fields.bijlagen}}{{/if}}
<button type="submit">Bezwaar versturen</button>
</form>
{{/if}}
{{#if forms.hoorzitting}}<h2 id="hoorzitting">{{#if forms.hoorzitting.canAccept}}Komt u naar de hoorzitting?{{else}}Wilt u een hoorzitting?{{/if}}</h2>
<p>{{#if forms.hoorzitting.canAccept}}Laat ons weten of u komt. {{/if}}Op een hoorzitting licht u uw bezwaar toe. Wilt u geen hoorzitting, dan beslist de directie zonder hoorzitting.</p>
<form method="post" action="{{link}}/hoorzitting" novalidate>
{{> textarea forms.hoorzitting.fields.toelichting}}
{{#if forms.hoorzitting.canAccept}}<button type="submit" name="komt" value="ja">Ik kom naar de hoorzitting</button>{{/if}}
{{#if forms.hoorzitting.canWaive}}<button type="submit" name="komt" value="nee" class="secondary">Ik wil geen hoorzitting</button>{{/if}}
</form>
{{/if}}
{{#if forms.tevredenheid}}<h2 id="tevredenheid">Hoe tevreden bent u?</h2>
<p>Wij willen graag weten wat u van de behandeling van uw klacht vindt. Het invullen duurt een minuut.</p>
<form method="post" action="{{link}}/tevredenheid" novalidate>
{{> radios forms.tevredenheid.fields.afhandeling}}
{{> radios forms.tevredenheid.fields.uitkomst}}
{{> textarea forms.tevredenheid.fields.opmerking}}
{{#if forms.tevredenheid.reopenPossible}}<div class="choice field"><input type="checkbox" id="tevredenheid-opnieuw" name="opnieuw" value="ja"{{#if forms.tevredenheid.reopen}} checked{{/if}}><label for="tevredenheid-opnieuw">Ik ben niet tevreden: behandel mijn klacht opnieuw</label></div>{{/if}}
<button type="submit">Antwoorden versturen</button>
</form>
{{/if}}
{{#if survey}}<h2>Uw antwoord op de tevredenheidsvragen</h2>
<p>Over de afhandeling: {{survey.handling}}. Over de uitkomst: {{survey.outcome}}.</p>
{{#if survey.reopen}}<p>{{survey.reopen}}</p>{{/if}}
{{#if survey.declinedReason}}<p class="quote">{{survey.declinedReason}}</p>{{/if}}
{{/if}}
{{#if letters.length}}<h2>Brieven</h2>
<ul>
{{#each letters}}<li><a href="{{url}}">{{subject}} (PDF)</a>, verstuurd op {{sentOn}}</li>
{{/each}}</ul>
<p class="hint">De links naar de brieven werken een uur.</p>
{{/if}}
<h2>Later verder?</h2>
<p>Deze pagina werkt {{minutes}} minuten. Daarna vraagt u de status opnieuw op met uw kenmerk en code via <a href="{{base}}/status">Status van uw klacht bekijken</a>.</p>
`;
