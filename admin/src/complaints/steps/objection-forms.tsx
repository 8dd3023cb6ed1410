import { BooleanInput, RadioButtonGroupInput, TextInput, maxLength, minLength, required } from 'react-admin';
import { DateInput } from '../../layout/DateInputs';
import { OBJECTION_CHANNELS, enumChoices, mayListStaff } from '../choices';
import { amsterdamDay, formatDay, nextWorkingMorning, notLaterThanToday } from '../format';
import { ChairInput, StaffWithRoleInput } from '../staff-inputs';
import type { ComplaintRecord, HearingRow } from '../types';
import { ExternalPartyInput, FutureMomentInput, HEARING_FORMS, LongText, MomentInput, isDirector, subjectsOf, type StepForms } from './step-inputs';
import { LENGTH } from '../../lengths';

const scheduledHearing = (record: ComplaintRecord): HearingRow | undefined => record.hearings?.find((hearing) => hearing.status === 'SCHEDULED');

const heldHearing = (record: ComplaintRecord): HearingRow | undefined => [...(record.hearings ?? [])].reverse().find((hearing) => hearing.status === 'HELD');

/** The objection window, when the policy has one and it has passed. */
const objectionWindowClosed = (record: ComplaintRecord): string | undefined => {
  const window = record.deadlines?.find((deadline) => deadline.kind === 'OBJECTION_WINDOW');
  return window && new Date(window.dueAt).getTime() < Date.now() ? window.dueDate : undefined;
};

/**
 * The further options open to the complainant after the final decision (DOMAIN.md step 9), by
 * where the complaint's policy refers to; the director edits it as needed. This is the decision's own text, for the
 * complainant: in Dutch, as the organisation's letters are, whatever language the panel speaks.
 */
export const furtherOptionsText = (referral: string | null | undefined): string => {
  const intro = 'Bent u het niet eens met deze beslissing, dan kunt u';
  switch (referral) {
    case 'MEDIATOR':
      return `${intro} de klacht voorleggen aan een onafhankelijke, bij de MfN geregistreerde mediator. Zijn of haar uitspraak is bindend voor alle partijen.`;
    case 'OMBUDSMAN':
      return `${intro} uw klacht voorleggen aan de Nationale ombudsman (www.nationaleombudsman.nl).`;
    case 'EXTERNAL_PARTY':
      return `${intro} uw klacht laten beoordelen door een onafhankelijke externe partij. Wij verwijzen u daarvoor door.`;
    default:
      return `${intro} zich wenden tot een andere bevoegde instantie.`;
  }
};

const objectionChannelOf = (record: ComplaintRecord): string => (record.channel === 'WEB_FORM' ? 'WEB_FORM' : record.complainant?.email ? 'EMAIL' : 'LETTER');

/** The dialogs of the objection, the hearing, the final decision and the referral. */
export const OBJECTION_FORMS = {
  FILE_OBJECTION: {
    intro: (record) => {
      const closed = objectionWindowClosed(record);
      return closed ? { key: 'app.steps.intro.FILE_OBJECTION_LATE', args: { closed: formatDay(closed) } } : 'app.steps.intro.FILE_OBJECTION';
    },
    names: ['receivedAt', 'channel', 'grounds', 'acceptLateReason'],
    defaults: (record) => ({ receivedAt: new Date().toISOString(), channel: objectionChannelOf(record) }),
    fields: (_record, { permissions, errorCodes }) => (
      <>
        <MomentInput source="receivedAt" label="app.steps.fields.receivedAt" />
        <RadioButtonGroupInput
          source="channel"
          label="app.steps.fields.inWritingVia"
          choices={enumChoices('Channel', OBJECTION_CHANNELS)}
          validate={required()}
        />
        <LongText source="grounds" label="app.steps.fields.grounds" isRequired />
        {isDirector(permissions) || errorCodes.includes('OBJECTION_LATE') ? (
          <TextInput
            source="acceptLateReason"
            label="app.steps.fields.acceptLateReason"
            multiline
            minRows={2}
            validate={[...(errorCodes.includes('OBJECTION_LATE') ? [required()] : []), maxLength(LENGTH.text)]}
            helperText={isDirector(permissions) ? 'app.steps.fields.acceptLateHelp' : 'app.steps.lateOnlyDirector'}
          />
        ) : null}
      </>
    ),
  },
  SCHEDULE_HEARING: {
    intro: 'app.steps.intro.SCHEDULE_HEARING',
    names: ['scheduledAt', 'form', 'location', 'chairId', 'handlerAttends', 'subjectEmployeeAttends', 'complainantConsents', 'employeeConsents'],
    defaults: () => ({
      scheduledAt: nextWorkingMorning().toISOString(),
      form: 'PHONE',
      handlerAttends: true,
      subjectEmployeeAttends: false,
      complainantConsents: false,
      employeeConsents: false,
    }),
    fields: (record) => (
      <>
        <FutureMomentInput source="scheduledAt" label="app.steps.fields.scheduledAt" />
        <RadioButtonGroupInput source="form" label="app.steps.fields.form" choices={HEARING_FORMS} validate={required()} />
        <TextInput source="location" label="app.steps.fields.location" validate={maxLength(LENGTH.location)} />
        <ChairInput excludeIds={subjectsOf(record)} />
        <BooleanInput source="handlerAttends" label="app.steps.fields.handlerAttends" />
        {subjectsOf(record).length > 0 ? (
          <>
            <BooleanInput source="complainantConsents" label="app.steps.fields.complainantConsents" />
            <BooleanInput source="employeeConsents" label="app.steps.fields.employeeConsents" />
            <BooleanInput source="subjectEmployeeAttends" label="app.steps.fields.subjectEmployeeAttends" helperText="app.steps.fields.bothConsent" />
          </>
        ) : null}
      </>
    ),
  },
  RESCHEDULE_HEARING: {
    intro: 'app.steps.intro.RESCHEDULE_HEARING',
    names: ['scheduledAt', 'form', 'location', 'reason'],
    defaults: (record) => {
      const hearing = scheduledHearing(record);
      return { form: hearing?.form, location: hearing?.location ?? '' };
    },
    fields: () => (
      <>
        <FutureMomentInput source="scheduledAt" label="app.steps.fields.newScheduledAt" />
        <RadioButtonGroupInput source="form" label="app.steps.fields.form" choices={HEARING_FORMS} />
        <TextInput source="location" label="app.steps.fields.location" validate={maxLength(LENGTH.location)} />
        <LongText source="reason" label="app.steps.fields.reason" isRequired />
      </>
    ),
  },
  RECORD_HEARING: {
    intro: 'app.steps.intro.RECORD_HEARING',
    names: ['heldAt', 'heldForm', 'minutes', 'proposal'],
    defaults: (record) => ({ heldAt: new Date().toISOString(), heldForm: scheduledHearing(record)?.form }),
    fields: () => (
      <>
        <MomentInput source="heldAt" label="app.steps.fields.heldAt" />
        <RadioButtonGroupInput source="heldForm" label="app.steps.fields.form" choices={HEARING_FORMS} validate={required()} />
        <TextInput source="minutes" label="app.steps.fields.minutes" multiline minRows={4} validate={[required(), maxLength(LENGTH.longText)]} />
        <LongText source="proposal" label="app.steps.fields.proposal" />
      </>
    ),
  },
  RECORD_SETTLEMENT: {
    intro: 'app.steps.intro.RECORD_SETTLEMENT',
    names: ['terms', 'complainantAgreed', 'complainantAgreedAt', 'organisationAgreed', 'organisationAgreedById'],
    defaults: (record) => ({
      terms: heldHearing(record)?.proposal ?? '',
      complainantAgreed: false,
      complainantAgreedAt: new Date().toISOString(),
      organisationAgreed: false,
    }),
    fields: (_record, { permissions }) => (
      <>
        <LongText source="terms" label="app.steps.fields.terms" isRequired />
        <BooleanInput source="complainantAgreed" label="app.steps.fields.complainantAgreed" />
        <MomentInput source="complainantAgreedAt" label="app.steps.fields.complainantAgreedAt" />
        <BooleanInput source="organisationAgreed" label="app.steps.fields.organisationAgreed" />
        {mayListStaff(permissions) ? (
          <StaffWithRoleInput
            source="organisationAgreedById"
            label="app.steps.fields.organisationAgreedBy"
            roles={['HANDLER', 'QUALITY_MANAGER', 'DIRECTOR']}
            isRequired={false}
            helperText="app.steps.fields.organisationAgreedByHelp"
          />
        ) : null}
      </>
    ),
  },
  WAIVE_HEARING: {
    intro: 'app.steps.intro.WAIVE_HEARING',
    names: ['waivedAt', 'note'],
    defaults: () => ({ waivedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <MomentInput source="waivedAt" label="app.steps.fields.waivedAt" />
        <LongText source="note" label="app.steps.fields.note" />
      </>
    ),
  },
  DECIDE_OBJECTION: {
    intro: 'app.steps.intro.DECIDE_OBJECTION',
    names: ['outcome', 'reasoning', 'furtherOptions'],
    defaults: (record) => ({ furtherOptions: furtherOptionsText(record.policy?.referral) }),
    fields: () => (
      <>
        <RadioButtonGroupInput
          source="outcome"
          label="app.steps.fields.decision"
          choices={enumChoices('ObjectionOutcome', ['UPHELD', 'PARTLY_UPHELD', 'REJECTED'])}
          validate={required()}
        />
        <TextInput
          source="reasoning"
          label="app.steps.fields.reasoning"
          multiline
          minRows={4}
          validate={[required(), minLength(10), maxLength(LENGTH.longText)]}
        />
        <TextInput
          source="furtherOptions"
          label="app.steps.fields.furtherOptions"
          multiline
          minRows={3}
          validate={[required(), minLength(5), maxLength(LENGTH.text)]}
        />
      </>
    ),
  },
  REFER: {
    intro: 'app.steps.intro.REFER',
    names: ['partyId', 'reason', 'whatSent', 'referredAt'],
    defaults: () => ({ referredAt: new Date().toISOString() }),
    fields: () => (
      <>
        <ExternalPartyInput />
        <LongText source="reason" label="app.steps.fields.reason" isRequired />
        <LongText source="whatSent" label="app.steps.fields.whatSent" isRequired />
        <MomentInput source="referredAt" label="app.steps.fields.referredAt" />
      </>
    ),
  },
  RECORD_REFERRAL_OUTCOME: {
    intro: 'app.steps.intro.RECORD_REFERRAL_OUTCOME',
    names: ['outcome', 'outcomeDate'],
    defaults: () => ({ outcomeDate: amsterdamDay() }),
    fields: () => (
      <>
        <LongText source="outcome" label="app.steps.fields.outcome" isRequired max={LENGTH.longText} />
        <DateInput source="outcomeDate" label="app.steps.fields.outcomeDate" validate={[required(), notLaterThanToday]} disableFuture />
      </>
    ),
  },
} satisfies StepForms;
