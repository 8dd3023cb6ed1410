import { BooleanInput, FormDataConsumer, NumberInput, SelectInput, maxValue, minValue, required, type TranslateFunction } from 'react-admin';
import { DateInput } from '../../layout/DateInputs';
import { enumChoices } from '../choices';
import { amsterdamDay, formatDay } from '../format';
import type { ComplaintRecord } from '../types';
import { amountText } from '../amounts';
import { CONTACT_CHANNELS, LongText, MomentInput, contactChannelOf, contactForm, type StepForms } from './step-inputs';

/** The open request for information, if the clock stands still. */
const openPause = (record: ComplaintRecord) => record.pauses?.find((pause) => !pause.resumedAt);

/** "4 weken", "10 werkdagen": a policy's term in words. */
const termText = (term: { amount: number; unit: string } | null | undefined, translate: TranslateFunction): string =>
  term ? amountText(term.unit, term.amount, translate) : '';

/** Not before tomorrow (Amsterdam): the complainant needs time to answer. */
const afterToday = (value: unknown) => (typeof value === 'string' && value && value <= amsterdamDay() ? 'app.validation.afterToday' : undefined);

/** The dialogs that stop, restart and extend the clock (DOMAIN.md, Pausing and extending). */
export const CLOCK_FORMS = {
  REQUEST_INFORMATION: {
    intro: (record, translate) => ({ key: 'app.steps.intro.REQUEST_INFORMATION', args: { longest: termText(record.policy?.maxPause, translate) } }),
    names: ['question', 'channel', 'requestedAt', 'answerBy'],
    defaults: (record) => ({ channel: contactChannelOf(record), requestedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <LongText source="question" label="app.steps.fields.question" isRequired />
        <SelectInput source="channel" label="app.steps.fields.channel" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
        <MomentInput source="requestedAt" label="app.steps.fields.requestedAt" />
        <DateInput source="answerBy" label="app.steps.fields.answerBy" validate={afterToday} helperText="app.steps.fields.answerByHelp" disablePast />
      </>
    ),
  },
  RESUME: {
    intro: (record) => {
      const pause = openPause(record);
      return pause
        ? { key: 'app.steps.intro.RESUME_PAUSED', args: { requested: formatDay(pause.requestedAt), answerBy: formatDay(pause.answerBy) } }
        : 'app.steps.intro.RESUME';
    },
    names: ['answered', 'answer', 'reason', 'channel', 'at'],
    defaults: (record) => ({ answered: true, at: new Date().toISOString(), channel: openPause(record)?.channel }),
    fields: () => (
      <>
        <BooleanInput source="answered" label="app.steps.fields.answered" />
        <FormDataConsumer>
          {({ formData }) =>
            formData.answered ? (
              <>
                <LongText source="answer" label="app.steps.fields.answer" isRequired />
                <SelectInput source="channel" label="app.steps.fields.receivedVia" choices={enumChoices('Channel')} />
              </>
            ) : (
              <LongText source="reason" label="app.steps.fields.whyWithoutAnswer" isRequired />
            )
          }
        </FormDataConsumer>
        <MomentInput source="at" label="app.steps.fields.resumedAt" />
      </>
    ),
  },
  CLOSE_UNANSWERED: {
    intro: 'app.steps.intro.CLOSE_UNANSWERED',
    names: ['reason'],
    fields: () => <LongText source="reason" label="app.steps.fields.reasons" isRequired />,
  },
  EXTEND: {
    intro: (record) => ({ key: 'app.steps.intro.EXTEND', args: { smart_count: record.policy?.extensionWeeks ?? 4 } }),
    names: ['weeks', 'reason'],
    defaults: (record) => ({ weeks: record.policy?.extensionWeeks ?? 4 }),
    fields: (record) => (
      <>
        <NumberInput
          source="weeks"
          label="app.steps.fields.weeks"
          min={1}
          max={record.policy?.extensionWeeks ?? 4}
          validate={[required(), minValue(1), maxValue(record.policy?.extensionWeeks ?? 4)]}
        />
        <LongText source="reason" label="app.steps.fields.extensionReason" isRequired />
      </>
    ),
  },
  SEND_EXTENSION_NOTICE: contactForm('app.steps.intro.SEND_EXTENSION_NOTICE'),
} satisfies StepForms;
