import { BooleanInput, CheckboxGroupInput, NumberInput, RadioButtonGroupInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
import { enumChoices, mayListStaff } from '../choices';
import { ForwardTargetInput, HandlerInput } from '../staff-inputs';
import { CONTACT_CHANNELS, LongText, MomentInput, contactChannelOf, contactForm, subjectsOf, type StepForms } from './step-inputs';
import { LENGTH } from '../../lengths';

/** The dialogs of the complaint's own steps, from forwarding to archiving (see complaint-api.ts for the mutations behind them). */
export const COMPLAINT_FORMS = {
  FORWARD: {
    intro: 'app.steps.intro.FORWARD',
    names: ['toId', 'note'],
    fields: (record, { permissions }) => (
      <>
        {mayListStaff(permissions) ? <ForwardTargetInput excludeIds={subjectsOf(record)} /> : null}
        <LongText source="note" label="app.steps.fields.note" />
      </>
    ),
  },
  ACKNOWLEDGE: contactForm('app.steps.intro.ACKNOWLEDGE'),
  SEND_PROGRESS_UPDATE: contactForm('app.steps.intro.SEND_PROGRESS_UPDATE'),
  RECORD_CONTACT: contactForm('app.steps.intro.RECORD_CONTACT'),
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
        <RadioButtonGroupInput source="verdict" label="app.steps.fields.verdict" choices={enumChoices('Verdict')} validate={required()} />
        <LongText source="cause" label="app.steps.fields.cause" isRequired max={LENGTH.assessment} />
        <LongText source="solution" label="app.steps.fields.solution" max={LENGTH.assessment} />
        <CheckboxGroupInput source="offer" label="app.steps.fields.offer" choices={enumChoices('Offer')} />
        <LongText source="preventiveMeasure" label="app.steps.fields.preventiveMeasure" max={LENGTH.assessment} />
      </>
    ),
  },
  RESPOND: {
    intro: 'app.steps.intro.RESPOND',
    names: ['summary', 'channel', 'respondedAt'],
    defaults: (record) => ({ channel: contactChannelOf(record), respondedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <LongText source="summary" label="app.steps.fields.answerSummary" isRequired />
        <SelectInput source="channel" label="app.steps.fields.channel" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
        <MomentInput source="respondedAt" label="app.steps.fields.respondedAt" />
      </>
    ),
  },
  RECORD_OUTCOME: {
    names: ['customerAgreed', 'satisfaction', 'note'],
    defaults: () => ({ customerAgreed: false }),
    fields: () => (
      <>
        <BooleanInput source="customerAgreed" label="app.steps.fields.customerAgreed" />
        <SelectInput
          source="satisfaction"
          label="app.steps.fields.satisfaction"
          choices={[1, 2, 3, 4, 5].map((score) => ({ id: score, name: String(score) }))}
          translateChoice={false}
          emptyText="app.steps.fields.notMeasured"
        />
        <LongText source="note" label="app.steps.fields.note" />
      </>
    ),
  },
  CLOSE: {
    intro: 'app.steps.intro.CLOSE',
    names: ['note'],
    fields: () => <LongText source="note" label="app.steps.fields.note" />,
  },
  ARCHIVE: {
    intro: 'app.steps.intro.ARCHIVE',
    names: [],
    fields: () => null,
  },
  PICK_UP: {
    intro: 'app.steps.intro.PICK_UP',
    names: [],
    fields: () => null,
  },
  WITHDRAW: {
    intro: 'app.steps.intro.WITHDRAW',
    names: ['reason'],
    fields: () => <LongText source="reason" label="app.steps.fields.reason" isRequired />,
  },
  REOPEN: {
    intro: (record) => (record.reopenRequestedAt ? 'app.steps.intro.REOPEN_REQUESTED' : 'app.steps.intro.REOPEN'),
    names: ['reason'],
    fields: () => <LongText source="reason" label="app.steps.fields.reason" isRequired />,
  },
  DECLINE_REOPEN_REQUEST: {
    intro: 'app.steps.intro.DECLINE_REOPEN_REQUEST',
    names: ['reason'],
    fields: () => <LongText source="reason" label="app.steps.fields.reasonForComplainant" isRequired />,
  },
  ADD_NOTE: {
    intro: 'app.steps.intro.ADD_NOTE',
    names: ['text'],
    fields: () => <LongText source="text" label="app.steps.fields.note" isRequired />,
  },
  ADD_ATTACHMENT: {
    intro: 'app.steps.intro.ADD_ATTACHMENT',
    names: ['fileName', 'contentType', 'sizeBytes', 'storageKey'],
    defaults: () => ({ contentType: 'application/pdf' }),
    fields: () => (
      <>
        <TextInput source="fileName" label="app.steps.fields.fileName" validate={[required(), maxLength(LENGTH.fileName)]} fullWidth />
        <TextInput source="contentType" label="app.steps.fields.contentType" validate={[required(), maxLength(LENGTH.contentType)]} fullWidth />
        <NumberInput source="sizeBytes" label="app.steps.fields.sizeBytes" validate={required()} min={0} />
        <TextInput source="storageKey" label="app.steps.fields.storageKey" validate={maxLength(LENGTH.storageKey)} fullWidth />
      </>
    ),
  },
  SET_LEGAL_HOLD: {
    intro: 'app.steps.intro.SET_LEGAL_HOLD',
    names: ['reason'],
    fields: () => <LongText source="reason" label="app.steps.fields.reason" isRequired />,
  },
  LIFT_LEGAL_HOLD: {
    intro: 'app.steps.intro.LIFT_LEGAL_HOLD',
    names: ['reason'],
    fields: () => <LongText source="reason" label="app.steps.fields.reason" isRequired />,
  },
  RESOLVE_DIRECTLY: {
    intro: 'app.steps.intro.RESOLVE_DIRECTLY',
    names: ['cause', 'solution', 'customerAgreed', 'resolvedAt'],
    defaults: () => ({ customerAgreed: false, resolvedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <LongText source="cause" label="app.steps.fields.cause" isRequired max={LENGTH.assessment} />
        <LongText source="solution" label="app.steps.fields.solution" isRequired max={LENGTH.assessment} />
        <BooleanInput
          source="customerAgreed"
          label="app.steps.fields.customerAgreesSolution"
          validate={(value: unknown) => (value === true ? undefined : 'app.steps.fields.customerMustAgree')}
        />
        <MomentInput source="resolvedAt" label="app.steps.fields.resolvedAt" />
      </>
    ),
  },
  RECORD_STATEMENT: {
    intro: 'app.steps.intro.RECORD_STATEMENT',
    names: ['text'],
    fields: () => <LongText source="text" label="app.steps.fields.statement" isRequired />,
  },
} satisfies StepForms;
