import { LetterKind } from './letter-kinds';

/**
 * The shipped wording, from the seeds' own words (shared/seeds); an ADMIN saves a new version per kind
 * (and per policy where it wants its own). What no letter may lack — the reference, the dates, the further
 * procedure and the external body — the product adds itself (letter-content.ts), whatever the template says.
 */
export const DEFAULT_TEMPLATES: Record<LetterKind, { subject: string; body: string }> = {
  [LetterKind.ACKNOWLEDGEMENT]: {
    subject: 'Ontvangstbevestiging van uw klacht {{reference}}',
    body: `Beste {{complainant.name}},

Op {{receivedDate}} hebben wij uw klacht ontvangen. Met deze brief bevestigen wij de ontvangst en informeren wij u over de verdere procedure.

Uw klacht wordt vertrouwelijk behandeld en alleen gebruikt voor de afhandeling ervan. Een klachtbehandelaar neemt contact met u op en onderzoekt uw klacht; u krijgt uiterlijk {{expectedDate}} schriftelijk antwoord.

{{freeText}}`,
  },
  [LetterKind.PROGRESS_UPDATE]: {
    subject: 'Voortgang van uw klacht {{reference}}',
    body: `Beste {{complainant.name}},

Wij laten u weten hoe het staat met uw klacht van {{receivedDate}}. {{freeText}}

Wij verwachten u uiterlijk {{expectedDate}} ons antwoord te sturen.`,
  },
  [LetterKind.INFORMATION_REQUEST]: {
    subject: 'Verzoek om aanvullende informatie over uw klacht {{reference}}',
    body: `Beste {{complainant.name}},

Om uw klacht goed te kunnen behandelen hebben wij aanvullende informatie van u nodig:

{{information.question}}

Wilt u ons die uiterlijk {{information.answerBy}} sturen? Zolang wij op uw antwoord wachten, staat de termijn voor ons antwoord stil.

{{freeText}}`,
  },
  [LetterKind.EXTENSION_NOTICE]: {
    subject: 'Uw klacht {{reference}}: ons antwoord komt later',
    body: `Beste {{complainant.name}},

Wij kunnen uw klacht niet binnen de gebruikelijke termijn afhandelen. De reden: {{extension.reason}}

Wij verdagen ons antwoord daarom met {{extension.weeks}} weken. U krijgt uiterlijk {{extension.newDate}} ons antwoord.

{{freeText}}`,
  },
  [LetterKind.RESPONSE]: {
    subject: 'Antwoord op uw klacht {{reference}}',
    body: `Beste {{complainant.name}},

U diende op {{receivedDate}} een klacht bij ons in. Uw klacht luidde:

{{description}}

Wij hebben uw klacht onderzocht. {{freeText}}

{{#if solution}}De oplossing of maatregel: {{solution}}{{/if}}`,
  },
  [LetterKind.HEARING_INVITATION]: {
    subject: 'Uitnodiging voor de hoorzitting over uw klacht {{reference}}',
    body: `Beste {{complainant.name}},

Naar aanleiding van uw bezwaar nodigen wij u uit voor een hoorzitting, waarin u en de betrokkenen worden gehoord. In de bijlage vindt u een agenda-uitnodiging.

{{freeText}}`,
  },
  [LetterKind.FINAL_DECISION]: {
    subject: 'Beslissing op uw bezwaar, klacht {{reference}}',
    body: `Beste {{complainant.name}},

De directie heeft uw bezwaar beoordeeld en het volgende besloten: {{decision.outcome}}.

{{decision.reasoning}}

{{freeText}}`,
  },
  [LetterKind.REFERRAL]: {
    subject: 'Uw klacht {{reference}} is doorverwezen',
    body: `Beste {{complainant.name}},

Zoals besproken hebben wij uw klacht voorgelegd aan {{externalBody.name}}. Zij nemen contact met u op over de verdere behandeling.

{{freeText}}`,
  },
  [LetterKind.INFORMATION_REMINDER]: {
    subject: 'Herinnering: wij wachten op uw informatie over klacht {{reference}}',
    body: `Beste {{complainant.name}},

Wij vroegen u om aanvullende informatie over uw klacht:

{{information.question}}

Wij hebben uw antwoord nog niet ontvangen. Wilt u het ons uiterlijk {{information.answerBy}} sturen?

{{freeText}}`,
  },
  [LetterKind.OFFER_CONFIRMATION]: {
    subject: 'Bevestiging van ons aanbod, klacht {{reference}}',
    body: `Beste {{complainant.name}},

Zoals telefonisch besproken bevestigen wij hierbij ons aanbod: {{offer}}.

{{#if solution}}{{solution}}{{/if}}

{{freeText}}`,
  },
  [LetterKind.HEARING_RECORD]: {
    subject: 'Verslag van de hoorzitting over uw klacht {{reference}}',
    body: `Beste {{complainant.name}},

Op {{hearing.date}} heeft de hoorzitting over uw bezwaar plaatsgevonden, {{hearing.form}}. U en de betrokkenen zijn gehoord.

{{freeText}}`,
  },
  [LetterKind.SETTLEMENT]: {
    subject: 'Vastlegging van de schikking, klacht {{reference}}',
    body: `Beste {{complainant.name}},

Op {{settlement.date}} zijn u en wij het volgende overeengekomen:

{{settlement.terms}}

Hiermee is uw klacht afgehandeld. {{freeText}}`,
  },
  [LetterKind.SATISFACTION_SURVEY]: {
    subject: 'Hoe tevreden bent u over de afhandeling van uw klacht {{reference}}?',
    body: `Beste {{complainant.name}},

Wij willen graag weten hoe tevreden u bent: over de manier waarop wij uw klacht hebben behandeld, en over de uitkomst. Wilt u ons beide laten weten met een cijfer van 1 (zeer ontevreden) tot 5 (zeer tevreden)?

{{freeText}}`,
  },
};
