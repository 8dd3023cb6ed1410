import { BooleanInput, DateInput, FormDataConsumer, NumberInput, SelectInput, maxValue, minValue, required } from 'react-admin';
import { enumChoices } from '../choices';
import { amsterdamDay, formatDay } from '../format';
import type { ComplaintRecord } from '../types';
import { CONTACT_CHANNELS, LongText, MomentInput, contactChannelOf, contactForm, type StepForms } from './step-inputs';

/** The open request for information, if the clock stands still. */
const openPause = (record: ComplaintRecord) => record.pauses?.find((pause) => !pause.resumedAt);

/** "4 weken", "10 werkdagen": a policy's term in words. */
const termText = (term: { amount: number; unit: string } | null | undefined): string => {
  if (!term) return '';
  const words: Record<string, [string, string]> = {
    WEEKS: ['week', 'weken'],
    CALENDAR_DAYS: ['dag', 'dagen'],
    WORKING_DAYS: ['werkdag', 'werkdagen'],
    HOURS: ['uur', 'uur'],
  };
  const [one, many] = words[term.unit] ?? ['', ''];
  return `${term.amount} ${term.amount === 1 ? one : many}`;
};

/** Not before tomorrow (Amsterdam): the complainant needs time to answer. */
const afterToday = (value: unknown) => (typeof value === 'string' && value && value <= amsterdamDay() ? 'Kies een datum na vandaag' : undefined);

/** The dialogs that stop, restart and extend the clock (DOMAIN.md, Pausing and extending). */
export const CLOCK_FORMS = {
  REQUEST_INFORMATION: {
    intro: (record) =>
      `De klager wordt om aanvullende informatie gevraagd. Tot het antwoord er is staan de termijnen van de organisatie stil; ` +
      `daarna schuiven ze op met de tijd dat ze stilstonden. De regeling wacht hooguit ${termText(record.policy?.maxPause)}.`,
    names: ['question', 'channel', 'requestedAt', 'answerBy'],
    defaults: (record) => ({ channel: contactChannelOf(record), requestedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <LongText source="question" label="Wat wordt gevraagd" isRequired />
        <SelectInput source="channel" label="Kanaal" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
        <MomentInput source="requestedAt" label="Gevraagd op" />
        <DateInput source="answerBy" label="Antwoord graag vóór" validate={afterToday} helperText="Leeg: de langste wachttijd van de regeling" />
      </>
    ),
  },
  RESUME: {
    intro: (record) => {
      const pause = openPause(record);
      return pause
        ? `Gevraagd op ${formatDay(pause.requestedAt)}, antwoord uiterlijk ${formatDay(pause.answerBy)}. De termijnen lopen weer vanaf het moment hieronder, verschoven met de tijd dat ze stilstonden.`
        : 'De termijnen lopen weer, verschoven met de tijd dat ze stilstonden.';
    },
    names: ['answered', 'answer', 'reason', 'channel', 'at'],
    defaults: (record) => ({ answered: true, at: new Date().toISOString(), channel: openPause(record)?.channel }),
    fields: () => (
      <>
        <BooleanInput source="answered" label="De klager heeft geantwoord" />
        <FormDataConsumer>
          {({ formData }) =>
            formData.answered ? (
              <>
                <LongText source="answer" label="Het antwoord (samenvatting)" isRequired />
                <SelectInput source="channel" label="Ontvangen via" choices={enumChoices('Channel')} />
              </>
            ) : (
              <LongText source="reason" label="Waarom verder zonder antwoord" isRequired />
            )
          }
        </FormDataConsumer>
        <MomentInput source="at" label="Antwoord ontvangen (of hervat) op" />
      </>
    ),
  },
  CLOSE_UNANSWERED: {
    intro: 'Het verzoek om informatie is onbeantwoord verlopen. De klacht wordt gesloten wegens het uitblijven van een reactie; geef de redenen.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Redenen" isRequired />,
  },
  EXTEND: {
    intro: (record) =>
      `Het antwoord wordt eenmalig uitgesteld (verdaging, Awb 9:11), met ten hoogste ${record.policy?.extensionWeeks ?? 4} weken. ` +
      'De klager moet het vóór de oorspronkelijke datum schriftelijk horen; daarvoor komt een termijn.',
    names: ['weeks', 'reason'],
    defaults: (record) => ({ weeks: record.policy?.extensionWeeks ?? 4 }),
    fields: (record) => (
      <>
        <NumberInput
          source="weeks"
          label="Weken"
          min={1}
          max={record.policy?.extensionWeeks ?? 4}
          validate={[required(), minValue(1), maxValue(record.policy?.extensionWeeks ?? 4)]}
        />
        <LongText source="reason" label="Reden (zo krijgt de klager die te lezen)" isRequired />
      </>
    ),
  },
  SEND_EXTENSION_NOTICE: contactForm('De klager laten weten dat het antwoord later komt, tot wanneer, en waarom.'),
} satisfies StepForms;
