import { BooleanInput, CheckboxGroupInput, NumberInput, RadioButtonGroupInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
import { enumChoices, mayListStaff } from '../choices';
import { HandlerInput, StaffInput } from '../staff-inputs';
import { CONTACT_CHANNELS, LongText, MomentInput, contactChannelOf, contactForm, subjectsOf, type StepForms } from './step-inputs';
import { LENGTH } from '../../lengths';

/** The dialogs of the complaint's own steps, from forwarding to archiving (see complaint-api.ts for the mutations behind them). */
export const COMPLAINT_FORMS = {
  FORWARD: {
    intro: 'Naar de leidinggevende of directeur. Leeg laten: wie de klachtenregeling aanwijst.',
    names: ['toId', 'note'],
    fields: (_record, { permissions }) => (
      <>
        {mayListStaff(permissions) ? <StaffInput source="toId" label="Doorsturen naar" /> : null}
        <LongText source="note" label="Notitie" />
      </>
    ),
  },
  ACKNOWLEDGE: contactForm('Het eerste contact met de klager: de ontvangstbevestiging.'),
  SEND_PROGRESS_UPDATE: contactForm('De klager laten weten hoe het ervoor staat en wanneer het antwoord komt.'),
  RECORD_CONTACT: contactForm('Een ander contact met de klager.'),
  ASSIGN_HANDLER: {
    names: ['handlerId'],
    fields: (record) => <HandlerInput excludeIds={subjectsOf(record)} />,
  },
  RECORD_ASSESSMENT: {
    names: ['verdict', 'cause', 'solution', 'offer', 'preventiveMeasure'],
    defaults: (record) => ({
      verdict: record.verdict ?? undefined,
      cause: record.cause ?? '',
      solution: record.solution ?? '',
      offer: record.offer ?? [],
      preventiveMeasure: record.preventiveMeasure ?? '',
    }),
    fields: () => (
      <>
        <RadioButtonGroupInput source="verdict" label="Oordeel" choices={enumChoices('Verdict')} validate={required()} />
        <LongText source="cause" label="Oorzaak" isRequired max={LENGTH.assessment} />
        <LongText source="solution" label="Oplossing" max={LENGTH.assessment} />
        <CheckboxGroupInput source="offer" label="Aanbod" choices={enumChoices('Offer')} />
        <LongText source="preventiveMeasure" label="Preventieve maatregel" max={LENGTH.assessment} />
      </>
    ),
  },
  RESPOND: {
    intro: 'Het antwoord aan de klager: de klacht, de oplossing of maatregelen, en de verdere procedure.',
    names: ['summary', 'channel', 'respondedAt'],
    defaults: (record) => ({ channel: contactChannelOf(record), respondedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <LongText source="summary" label="Antwoord (samenvatting)" isRequired />
        <SelectInput source="channel" label="Kanaal" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
        <MomentInput source="respondedAt" label="Beantwoord op" />
      </>
    ),
  },
  RECORD_OUTCOME: {
    names: ['customerAgreed', 'satisfaction', 'note'],
    defaults: () => ({ customerAgreed: false }),
    fields: () => (
      <>
        <BooleanInput source="customerAgreed" label="Klant is akkoord met de afhandeling" />
        <SelectInput
          source="satisfaction"
          label="Tevredenheid (1–5)"
          choices={[1, 2, 3, 4, 5].map((score) => ({ id: score, name: String(score) }))}
          translateChoice={false}
          emptyText="Niet gepeild"
        />
        <LongText source="note" label="Notitie" />
      </>
    ),
  },
  CLOSE: {
    intro: 'De klacht is afgehandeld.',
    names: ['note'],
    fields: () => <LongText source="note" label="Notitie" />,
  },
  ARCHIVE: {
    intro: 'Het dossier wordt gearchiveerd. Daarna kan er niets meer aan veranderen, behalve notities.',
    names: [],
    fields: () => null,
  },
  PICK_UP: {
    intro: 'U neemt deze klacht uit de wachtrij van uw eenheid op, als behandelaar. Daarna ziet u haar bij Mijn werk.',
    names: [],
    fields: () => null,
  },
  WITHDRAW: {
    intro: 'De klager trekt de klacht in; de open termijnen vervallen.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Reden" isRequired />,
  },
  REOPEN: {
    intro: (record) =>
      record.reopenRequestedAt
        ? 'De klager vroeg om heropening: de klacht wordt heropend, met een nieuwe antwoordtermijn vanaf nu, en het verzoek is daarmee ingewilligd.'
        : 'De klacht wordt heropend, met een nieuwe antwoordtermijn vanaf nu.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Reden" isRequired />,
  },
  DECLINE_REOPEN_REQUEST: {
    intro:
      'De klager vraagt om heropening. Wijs het verzoek af met een reden: de klager leest die op de statuspagina. Wilt u het verzoek inwilligen, kies dan Heropenen.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Reden voor de klager" isRequired />,
  },
  ADD_NOTE: {
    intro: 'Een interne notitie in de geschiedenis (nooit zichtbaar voor de klager).',
    names: ['text'],
    fields: () => <LongText source="text" label="Notitie" isRequired />,
  },
  ADD_ATTACHMENT: {
    intro: 'De gegevens van een bijlage; het document zelf staat in het documentsysteem.',
    names: ['fileName', 'contentType', 'sizeBytes', 'storageKey'],
    defaults: () => ({ contentType: 'application/pdf' }),
    fields: () => (
      <>
        <TextInput source="fileName" label="Bestandsnaam" validate={[required(), maxLength(LENGTH.fileName)]} fullWidth />
        <TextInput source="contentType" label="Soort (MIME-type)" validate={[required(), maxLength(LENGTH.contentType)]} fullWidth />
        <NumberInput source="sizeBytes" label="Grootte (bytes)" validate={required()} min={0} />
        <TextInput source="storageKey" label="Vindplaats in het documentsysteem" validate={maxLength(LENGTH.storageKey)} fullWidth />
      </>
    ),
  },
  SET_LEGAL_HOLD: {
    intro:
      'Een bewaarplicht (een rechtszaak, een onderzoek, een verzoek van de toezichthouder): het dossier wordt niet geanonimiseerd, ook niet na de bewaartermijn of op verzoek van de klager, tot de bewaarplicht is opgeheven.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Reden" isRequired />,
  },
  LIFT_LEGAL_HOLD: {
    intro: 'De bewaarplicht vervalt. Is de bewaartermijn al verstreken, dan wordt het dossier bij de volgende nachtelijke ronde geanonimiseerd.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Reden" isRequired />,
  },
  RESOLVE_DIRECTLY: {
    intro:
      'U lost de klacht meteen op, samen met de klant (de regeling staat dat de ontvanger toe). Leg de oorzaak, de oplossing en het akkoord vast; dit sluit de klacht.',
    names: ['cause', 'solution', 'customerAgreed', 'resolvedAt'],
    defaults: () => ({ customerAgreed: false, resolvedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <LongText source="cause" label="Oorzaak" isRequired max={LENGTH.assessment} />
        <LongText source="solution" label="Oplossing" isRequired max={LENGTH.assessment} />
        <BooleanInput
          source="customerAgreed"
          label="De klant is akkoord met de oplossing"
          validate={(value: unknown) => (value === true ? undefined : 'Zonder akkoord van de klant: doorsturen naar de directeur')}
        />
        <MomentInput source="resolvedAt" label="Opgelost op" />
      </>
    ),
  },
  RECORD_STATEMENT: {
    intro: 'Uw kant van het verhaal over deze klacht (hoor en wederhoor). Het wordt deel van het dossier en van de voorbereiding van een hoorzitting.',
    names: ['text'],
    fields: () => <LongText source="text" label="Uw kant van het verhaal" isRequired />,
  },
} satisfies StepForms;
