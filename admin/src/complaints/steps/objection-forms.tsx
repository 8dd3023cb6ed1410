import { BooleanInput, DateInput, RadioButtonGroupInput, TextInput, maxLength, minLength, required } from 'react-admin';
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
 * where the complaint's policy refers to; the director edits it as needed.
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
      return closed
        ? `De bezwaartermijn is verlopen op ${formatDay(closed)}. Een te laat bezwaar kan alleen een directeur aanvaarden, met een reden.`
        : 'Het schriftelijke bezwaar van de klager tegen het antwoord, aan de directeur van de eenheid.';
    },
    names: ['receivedAt', 'channel', 'grounds', 'acceptLateReason'],
    defaults: (record) => ({ receivedAt: new Date().toISOString(), channel: objectionChannelOf(record) }),
    fields: (_record, { permissions, errorCodes }) => (
      <>
        <MomentInput source="receivedAt" label="Ontvangen op" />
        <RadioButtonGroupInput source="channel" label="Schriftelijk via" choices={enumChoices('Channel', OBJECTION_CHANNELS)} validate={required()} />
        <LongText source="grounds" label="Gronden van het bezwaar" isRequired />
        {isDirector(permissions) || errorCodes.includes('OBJECTION_LATE') ? (
          <TextInput
            source="acceptLateReason"
            label="Te laat bezwaar aanvaarden, omdat"
            multiline
            minRows={2}
            validate={[...(errorCodes.includes('OBJECTION_LATE') ? [required()] : []), maxLength(LENGTH.text)]}
            helperText={
              isDirector(permissions)
                ? 'Alleen nodig als het bezwaar na de bezwaartermijn is ontvangen'
                : 'Alleen een directeur kan een te laat bezwaar aanvaarden'
            }
          />
        ) : null}
      </>
    ),
  },
  SCHEDULE_HEARING: {
    intro: 'De klager krijgt een mondelinge toelichting aangeboden (hoor en wederhoor), telefonisch, op kantoor of per video.',
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
        <FutureMomentInput source="scheduledAt" label="Datum en tijd" />
        <RadioButtonGroupInput source="form" label="Vorm" choices={HEARING_FORMS} validate={required()} />
        <TextInput source="location" label="Locatie, telefoonnummer of videolink" validate={maxLength(LENGTH.location)} />
        <ChairInput excludeIds={subjectsOf(record)} />
        <BooleanInput source="handlerAttends" label="De klachtbehandelaar is aanwezig" />
        {subjectsOf(record).length > 0 ? (
          <>
            <BooleanInput source="complainantConsents" label="De klager stemt in met aanwezigheid van de medewerker" />
            <BooleanInput source="employeeConsents" label="De medewerker stemt in met aanwezigheid" />
            <BooleanInput
              source="subjectEmployeeAttends"
              label="De medewerker over wie de klacht gaat is aanwezig"
              helperText="Alleen als beide partijen daarmee instemmen"
            />
          </>
        ) : null}
      </>
    ),
  },
  RESCHEDULE_HEARING: {
    intro: 'De geplande hoorzitting wordt verzet; de oude blijft in het dossier staan.',
    names: ['scheduledAt', 'form', 'location', 'reason'],
    defaults: (record) => {
      const hearing = scheduledHearing(record);
      return { form: hearing?.form, location: hearing?.location ?? '' };
    },
    fields: () => (
      <>
        <FutureMomentInput source="scheduledAt" label="Nieuwe datum en tijd" />
        <RadioButtonGroupInput source="form" label="Vorm" choices={HEARING_FORMS} />
        <TextInput source="location" label="Locatie, telefoonnummer of videolink" validate={maxLength(LENGTH.location)} />
        <LongText source="reason" label="Reden" isRequired />
      </>
    ),
  },
  RECORD_HEARING: {
    intro: 'Dat de hoorzitting heeft plaatsgevonden, in welke vorm, en wat er is besproken.',
    names: ['heldAt', 'heldForm', 'minutes', 'proposal'],
    defaults: (record) => ({ heldAt: new Date().toISOString(), heldForm: scheduledHearing(record)?.form }),
    fields: () => (
      <>
        <MomentInput source="heldAt" label="Gehouden op" />
        <RadioButtonGroupInput source="heldForm" label="Vorm" choices={HEARING_FORMS} validate={required()} />
        <TextInput source="minutes" label="Verslag" multiline minRows={4} validate={[required(), maxLength(LENGTH.longText)]} />
        <LongText source="proposal" label="Voorstel" />
      </>
    ),
  },
  RECORD_SETTLEMENT: {
    intro: 'Een schikking uit de hoorzitting, schriftelijk vastgelegd en door beide partijen aanvaard. Dit sluit de klacht.',
    names: ['terms', 'complainantAgreed', 'complainantAgreedAt', 'organisationAgreed', 'organisationAgreedById'],
    defaults: (record) => ({
      terms: heldHearing(record)?.proposal ?? '',
      complainantAgreed: false,
      complainantAgreedAt: new Date().toISOString(),
      organisationAgreed: false,
    }),
    fields: (_record, { permissions }) => (
      <>
        <LongText source="terms" label="Afspraken" isRequired />
        <BooleanInput source="complainantAgreed" label="De klager is akkoord" />
        <MomentInput source="complainantAgreedAt" label="Klager akkoord op" />
        <BooleanInput source="organisationAgreed" label="De organisatie is akkoord" />
        {mayListStaff(permissions) ? (
          <StaffWithRoleInput
            source="organisationAgreedById"
            label="Akkoord namens de organisatie"
            roles={['HANDLER', 'QUALITY_MANAGER', 'DIRECTOR']}
            isRequired={false}
            helperText="Leeg: uzelf"
          />
        ) : null}
      </>
    ),
  },
  WAIVE_HEARING: {
    intro: 'De klager ziet af van de hoorzitting; de eindbeslissing volgt binnen de termijn van de regeling.',
    names: ['waivedAt', 'note'],
    defaults: () => ({ waivedAt: new Date().toISOString() }),
    fields: () => (
      <>
        <MomentInput source="waivedAt" label="Afgezien op" />
        <LongText source="note" label="Notitie" />
      </>
    ),
  },
  DECIDE_OBJECTION: {
    intro: 'De met redenen omklede eindbeslissing van de directeur. Dit sluit de klacht.',
    names: ['outcome', 'reasoning', 'furtherOptions'],
    defaults: (record) => ({ furtherOptions: furtherOptionsText(record.policy?.referral) }),
    fields: () => (
      <>
        <RadioButtonGroupInput
          source="outcome"
          label="Beslissing"
          choices={enumChoices('ObjectionOutcome', ['UPHELD', 'PARTLY_UPHELD', 'REJECTED'])}
          validate={required()}
        />
        <TextInput source="reasoning" label="Motivering" multiline minRows={4} validate={[required(), minLength(10), maxLength(LENGTH.longText)]} />
        <TextInput
          source="furtherOptions"
          label="Verdere mogelijkheden voor de klager"
          multiline
          minRows={3}
          validate={[required(), minLength(5), maxLength(LENGTH.text)]}
        />
      </>
    ),
  },
  REFER: {
    intro: 'De klacht gaat naar een externe partij: een mediator, de Nationale ombudsman of een andere instantie.',
    names: ['partyId', 'reason', 'whatSent', 'referredAt'],
    defaults: () => ({ referredAt: new Date().toISOString() }),
    fields: () => (
      <>
        <ExternalPartyInput />
        <LongText source="reason" label="Reden" isRequired />
        <LongText source="whatSent" label="Wat is meegestuurd" isRequired />
        <MomentInput source="referredAt" label="Verwezen op" />
      </>
    ),
  },
  RECORD_REFERRAL_OUTCOME: {
    intro: 'De uitkomst van de externe partij (uitspraak, rapport, advies). Dit sluit de klacht.',
    names: ['outcome', 'outcomeDate'],
    defaults: () => ({ outcomeDate: amsterdamDay() }),
    fields: () => (
      <>
        <LongText source="outcome" label="Uitkomst" isRequired max={LENGTH.longText} />
        <DateInput source="outcomeDate" label="Datum van de uitkomst" validate={[required(), notLaterThanToday]} />
      </>
    ),
  },
} satisfies StepForms;
