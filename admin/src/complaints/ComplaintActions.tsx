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
    DateTimeInput,
    Form,
    HttpError,
    RadioButtonGroupInput,
    SaveButton,
    SelectInput,
    TextInput,
    maxLength,
    required,
    useDataProvider,
    useNotify,
    usePermissions,
    useRefresh,
} from 'react-admin';
import type { ApiErrorBody } from '../providers/error-mapping';
import { useEnumLabel } from './chips';
import { enumChoices, mayListStaff } from './choices';
import { isKnownAction, type ComplaintAction, type ComplaintDataProvider } from './complaint-api';
import { notInTheFuture, toIsoDateTime } from './format';
import { HandlerInput, StaffInput } from './staff-inputs';
import type { ComplaintRecord } from './types';

type Values = Record<string, unknown>;

/** Contact with the complainant goes by any channel but the web form. */
const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'LETTER', 'IN_PERSON'] as const;

const contactChannelOf = (record: ComplaintRecord): string =>
    record.channel === 'WEB_FORM' ? (record.complainant?.email ? 'EMAIL' : 'PHONE') : record.channel;

const MomentInput = ({ source, label }: { source: string; label: string }) => (
    <DateTimeInput source={source} label={label} parse={toIsoDateTime} validate={[required(), notInTheFuture]} />
);

const LongText = ({ source, label, isRequired = false }: { source: string; label: string; isRequired?: boolean }) => (
    <TextInput
        source={source}
        label={label}
        multiline
        minRows={3}
        validate={isRequired ? [required(), maxLength(5_000)] : maxLength(5_000)}
    />
);

interface ActionForm {
    /** The form's inputs. */
    fields: (record: ComplaintRecord, permissions: unknown) => ReactNode;
    /** Their names: API field errors for these are shown under them. */
    names: string[];
    defaults?: (record: ComplaintRecord) => Values;
    /** A sentence above the inputs. */
    intro?: string;
}

const contactForm = (intro: string): ActionForm => ({
    intro,
    names: ['channel', 'contactedAt', 'summary'],
    defaults: record => ({ channel: contactChannelOf(record), contactedAt: new Date().toISOString() }),
    fields: () => (
        <>
            <SelectInput source="channel" label="Kanaal" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
            <MomentInput source="contactedAt" label="Contact op" />
            <LongText source="summary" label="Samenvatting" />
        </>
    ),
});

/** Per step: the inputs of its dialog (see complaint-api.ts for the mutation behind it). */
const ACTION_FORMS: Record<ComplaintAction, ActionForm> = {
    FORWARD: {
        intro: 'Naar de leidinggevende of directeur. Leeg laten: wie de klachtenregeling aanwijst.',
        names: ['toId', 'note'],
        fields: (_record, permissions) => (
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
        fields: record => <HandlerInput excludeIds={record.subjectStaffIds ?? []} />,
    },
    RECORD_ASSESSMENT: {
        names: ['verdict', 'cause', 'solution', 'offer', 'preventiveMeasure'],
        defaults: record => ({
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
        defaults: record => ({ channel: contactChannelOf(record), respondedAt: new Date().toISOString() }),
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
                    choices={[1, 2, 3, 4, 5].map(score => ({ id: score, name: String(score) }))}
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
};

const errorBodyOf = (error: unknown): ApiErrorBody | undefined =>
    error instanceof HttpError && typeof error.body === 'object' && error.body !== null
        ? (error.body as ApiErrorBody)
        : undefined;

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
            if (body?.code === 'STALE_VERSION') {
                // someone else moved the complaint on: show the news, and what it is now
                notify(message, { type: 'warning', autoHideDuration: 10_000 });
                onClose();
                refresh();
                return undefined;
            }
            if (body?.errors && Object.keys(body.errors).length > 0) return body.errors;
            notify(message, { type: 'error' });
            return undefined;
        }
    };

    return (
        <Dialog open onClose={() => onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
            {/* the dialog's own record: the complaint's fields (respondedAt: null, ...) must not
                override the defaults, as they would from the page's record context */}
            <Form onSubmit={submit} record={{ id: record.id, ...form.defaults?.(record) }}>
                <DialogTitle id={titleId}>
                    {label} — {record.reference}
                </DialogTitle>
                <DialogContent>
                    {form.intro ? (
                        <Typography variant="body2" sx={{ mb: 2 }}>
                            {form.intro}
                        </Typography>
                    ) : null}
                    <Stack>{form.fields(record, permissions)}</Stack>
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
            {actions.map(action =>
                isKnownAction(action) ? (
                    <Button
                        key={action}
                        variant={action === 'ADD_NOTE' ? 'outlined' : 'contained'}
                        size="small"
                        onClick={() => setOpen(action)}
                        data-action={action}
                    >
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
                    onClose={savedVersion => {
                        setOpen(null);
                        if (savedVersion !== undefined) setAwaitedVersion(savedVersion);
                    }}
                />
            ) : null}
        </Stack>
    );
};
