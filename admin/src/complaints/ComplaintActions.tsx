import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import LinearProgress from '@mui/material/LinearProgress';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  DateTimeInput,
  Form,
  HttpError,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  TextInput,
  AutocompleteInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useGetList,
  useNotify,
  usePermissions,
  useRefresh,
} from 'react-admin';
import type { ApiErrorBody } from '../providers/error-mapping';
import { useEnumLabel } from './chips';
import { OBJECTION_CHANNELS, enumChoices, mayListStaff } from './choices';
import { STEP_MUTATIONS, type ComplaintAction, type ComplaintDataProvider } from './complaint-api';
import { amsterdamDay, formatDay, inTheFuture, nextWorkingMorning, notInTheFuture, notLaterThanToday, toIsoDateTime } from './format';
import { ChairInput, HandlerInput, StaffInput, StaffWithRoleInput } from './staff-inputs';
import type { ComplaintRecord, HearingRow } from './types';

type Values = Record<string, unknown>;

/** Contact with the complainant goes by any channel but the web form. */
const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'LETTER', 'IN_PERSON'] as const;

const contactChannelOf = (record: ComplaintRecord): string =>
  record.channel === 'WEB_FORM' ? (record.complainant?.email ? 'EMAIL' : 'PHONE') : record.channel;

const MomentInput = ({ source, label }: { source: string; label: string }) => (
  <DateTimeInput source={source} label={label} parse={toIsoDateTime} validate={[required(), notInTheFuture]} />
);

const LongText = ({ source, label, isRequired = false }: { source: string; label: string; isRequired?: boolean }) => (
  <TextInput source={source} label={label} multiline minRows={3} validate={isRequired ? [required(), maxLength(5_000)] : maxLength(5_000)} />
);

const FutureMomentInput = ({ source, label, isRequired = true }: { source: string; label: string; isRequired?: boolean }) => (
  <DateTimeInput source={source} label={label} parse={toIsoDateTime} validate={isRequired ? [required(), inTheFuture] : inTheFuture} />
);

/** What a dialog's inputs may depend on besides the complaint. */
interface FormContext {
  permissions: unknown;
  /** The `extensions.code`s of the API's refusals in this dialog so far. */
  errorCodes: string[];
}

interface ActionForm {
  /** The form's inputs. */
  fields: (record: ComplaintRecord, context: FormContext) => ReactNode;
  /** Their names: API field errors for these are shown under them. */
  names: string[];
  defaults?: (record: ComplaintRecord) => Values;
  /** A sentence above the inputs. */
  intro?: string | ((record: ComplaintRecord) => string);
}

const scheduledHearing = (record: ComplaintRecord): HearingRow | undefined => record.hearings?.find((hearing) => hearing.status === 'SCHEDULED');

const heldHearing = (record: ComplaintRecord): HearingRow | undefined => [...(record.hearings ?? [])].reverse().find((hearing) => hearing.status === 'HELD');

const isDirector = (permissions: unknown): boolean => Array.isArray(permissions) && permissions.map(String).includes('DIRECTOR');

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

/** The staff members a complaint is about: they may not chair or handle it. */
const subjectsOf = (record: ComplaintRecord): string[] => record.subjectStaffIds ?? [];

/** Active external parties, with their kind and whether their ruling binds. */
const ExternalPartyInput = () => {
  const label = useEnumLabel();
  const { data, isPending } = useGetList('ExternalParty', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { active: true },
  });
  const choices = (data ?? []).map((party) => ({
    id: String(party.id),
    name: `${String(party.name)} (${label('ExternalPartyKind', String(party.kind)).toLowerCase()}${party.binding ? ', bindend' : ''})`,
  }));
  return (
    <AutocompleteInput
      source="partyId"
      label="Externe partij"
      choices={choices}
      isPending={isPending}
      validate={required()}
      helperText="Het oordeel van een bindende partij sluit de klacht met die uitkomst"
    />
  );
};

const HEARING_FORMS = enumChoices('HearingForm', ['PHONE', 'OFFICE', 'VIDEO']);

const contactForm = (intro: string): ActionForm => ({
  intro,
  names: ['channel', 'contactedAt', 'summary'],
  defaults: (record) => ({ channel: contactChannelOf(record), contactedAt: new Date().toISOString() }),
  fields: () => (
    <>
      <SelectInput source="channel" label="Kanaal" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
      <MomentInput source="contactedAt" label="Contact op" />
      <LongText source="summary" label="Samenvatting" />
    </>
  ),
});

const objectionChannelOf = (record: ComplaintRecord): string => (record.channel === 'WEB_FORM' ? 'WEB_FORM' : record.complainant?.email ? 'EMAIL' : 'LETTER');

/** Per step: the inputs of its dialog (see complaint-api.ts for the mutation behind it). */
const ACTION_FORMS: Record<ComplaintAction, ActionForm> = {
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
        <LongText source="cause" label="Oorzaak" isRequired />
        <LongText source="solution" label="Oplossing" />
        <CheckboxGroupInput source="offer" label="Aanbod" choices={enumChoices('Offer')} />
        <LongText source="preventiveMeasure" label="Preventieve maatregel" />
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
  WITHDRAW: {
    intro: 'De klager trekt de klacht in; de open termijnen vervallen.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Reden" isRequired />,
  },
  REOPEN: {
    intro: 'De klacht wordt heropend, met een nieuwe antwoordtermijn vanaf nu.',
    names: ['reason'],
    fields: () => <LongText source="reason" label="Reden" isRequired />,
  },
  ADD_NOTE: {
    intro: 'Een interne notitie in de geschiedenis (nooit zichtbaar voor de klager).',
    names: ['text'],
    fields: () => <LongText source="text" label="Notitie" isRequired />,
  },
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
            validate={[...(errorCodes.includes('OBJECTION_LATE') ? [required()] : []), maxLength(2_000)]}
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
        <TextInput source="location" label="Locatie, telefoonnummer of videolink" validate={maxLength(500)} />
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
        <TextInput source="location" label="Locatie, telefoonnummer of videolink" validate={maxLength(500)} />
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
        <TextInput source="minutes" label="Verslag" multiline minRows={4} validate={[required(), maxLength(20_000)]} />
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
        <TextInput source="reasoning" label="Motivering" multiline minRows={4} validate={[required(), minLength(10), maxLength(20_000)]} />
        <TextInput
          source="furtherOptions"
          label="Verdere mogelijkheden voor de klager"
          multiline
          minRows={3}
          validate={[required(), minLength(5), maxLength(5_000)]}
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
  ADD_ATTACHMENT: {
    intro: 'De gegevens van een bijlage; het document zelf staat in het documentsysteem.',
    names: ['fileName', 'contentType', 'sizeBytes', 'storageKey'],
    defaults: () => ({ contentType: 'application/pdf' }),
    fields: () => (
      <>
        <TextInput source="fileName" label="Bestandsnaam" validate={[required(), maxLength(255)]} fullWidth />
        <TextInput source="contentType" label="Soort (MIME-type)" validate={required()} fullWidth />
        <NumberInput source="sizeBytes" label="Grootte (bytes)" validate={required()} min={0} />
        <TextInput source="storageKey" label="Vindplaats in het documentsysteem" validate={maxLength(500)} fullWidth />
      </>
    ),
  },
  RECORD_REFERRAL_OUTCOME: {
    intro: 'De uitkomst van de externe partij (uitspraak, rapport, advies). Dit sluit de klacht.',
    names: ['outcome', 'outcomeDate'],
    defaults: () => ({ outcomeDate: amsterdamDay() }),
    fields: () => (
      <>
        <LongText source="outcome" label="Uitkomst" isRequired />
        <DateInput source="outcomeDate" label="Datum van de uitkomst" validate={[required(), notLaterThanToday]} />
      </>
    ),
  },
};

const errorBodyOf = (error: unknown): ApiErrorBody | undefined =>
  error instanceof HttpError && typeof error.body === 'object' && error.body !== null ? (error.body as ApiErrorBody) : undefined;

const ActionDialog = ({
  action,
  label,
  record,
  onClose,
}: {
  action: ComplaintAction;
  label: string;
  record: ComplaintRecord;
  /** After a step: the complaint's new version, or undefined when the dialog is just closed. */
  onClose: (savedVersion?: number) => void;
}) => {
  const dataProvider = useDataProvider<ComplaintDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions();
  const titleId = useId();
  const form = ACTION_FORMS[action];
  // the optimistic lock: the version the user saw when opening the dialog
  const [version] = useState(record.version);
  const [errorCodes, setErrorCodes] = useState<string[]>([]);
  // the form's starting values, fixed when the dialog opens: a new object on a re-render (after
  // an API error) would make react-admin reset what the user typed
  const [initialValues] = useState(() => ({ id: record.id, ...form.defaults?.(record) }));
  const intro = typeof form.intro === 'function' ? form.intro(record) : form.intro;

  const submit = async (values: Values) => {
    try {
      const { data } = await dataProvider.complaintStep({
        action,
        id: record.id,
        version,
        values,
        formFields: form.names,
      });
      notify(`${label}: opgeslagen`, { type: 'success' });
      onClose(data.version);
      refresh();
      return undefined;
    } catch (error) {
      const body = errorBodyOf(error);
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      if (body?.code) setErrorCodes((codes) => (codes.includes(body.code) ? codes : [...codes, body.code]));
      if (body?.code === 'STALE_VERSION') {
        // someone else moved the complaint on: show the news, and what it is now
        notify(message, { type: 'warning', autoHideDuration: 10_000 });
        onClose();
        refresh();
        return undefined;
      }
      if (body?.errors && Object.keys(body.errors).length > 0) return body.errors;
      if (body?.code === 'FORBIDDEN' && action === 'FILE_OBJECTION' && values.acceptLateReason) {
        notify('Alleen een directeur kan een te laat bezwaar aanvaarden.', { type: 'error' });
        return undefined;
      }
      notify(message, { type: 'error' });
      return undefined;
    }
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      {/* the dialog's own record: the complaint's fields (respondedAt: null, ...) must not
                override the defaults, as they would from the page's record context */}
      <Form onSubmit={submit} record={initialValues}>
        <DialogTitle id={titleId}>
          {label} — {record.reference}
        </DialogTitle>
        <DialogContent>
          {intro ? (
            <Typography variant="body2" sx={{ mb: 2 }}>
              {intro}
            </Typography>
          ) : null}
          {errorCodes.includes('OBJECTION_LATE') ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              Dit bezwaar is na de bezwaartermijn ontvangen. Een directeur kan het toch in behandeling nemen door hieronder de reden te geven.
            </Alert>
          ) : null}
          <Stack>{form.fields(record, { permissions, errorCodes })}</Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()}>Annuleren</Button>
          <SaveButton label="Opslaan" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/**
 * One button per step in `availableActions` (exactly those: the API decides who may do what
 * when), each opening a dialog with what its mutation needs.
 */
export const ComplaintActions = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const [open, setOpen] = useState<ComplaintAction | null>(null);
  // after a step, the buttons of the old state are hidden until the page has the new one
  const [awaitedVersion, setAwaitedVersion] = useState<number | null>(null);
  if (awaitedVersion !== null && record.version < awaitedVersion) {
    return <LinearProgress sx={{ my: 2 }} aria-label="Bijwerken" />;
  }
  const actions = record.availableActions ?? [];
  if (actions.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} role="group" aria-label="Stappen">
      {actions.map((action) =>
        action in STEP_MUTATIONS ? (
          <Button key={action} variant={action === 'ADD_NOTE' ? 'outlined' : 'contained'} size="small" onClick={() => setOpen(action)} data-action={action}>
            {label('ComplaintAction', action)}
          </Button>
        ) : (
          <Tooltip key={action} title="Deze stap kan (nog) niet vanuit het beheerscherm">
            <span>
              <Button variant="outlined" size="small" disabled data-action={action}>
                {label('ComplaintAction', action)}
              </Button>
            </span>
          </Tooltip>
        ),
      )}
      {open ? (
        <ActionDialog
          key={open}
          action={open}
          label={label('ComplaintAction', open)}
          record={record}
          onClose={(savedVersion) => {
            setOpen(null);
            if (savedVersion !== undefined) setAwaitedVersion(savedVersion);
          }}
        />
      ) : null}
    </Stack>
  );
};
