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
import type { ButtonProps } from '@mui/material/Button';
import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Form, HttpError, SaveButton, useDataProvider, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import type { ApiErrorBody } from '../providers/error-mapping';
import { useEnumLabel } from './chips';
import { isStaffAction, type StaffAction } from './steps/staff-actions';
import type { ComplaintDataProvider } from './steps/complaint-steps';
import { STEP_MUTATIONS } from './steps/step-mutations';
import { arrangeSteps, isDestructive } from './steps/step-order';
import { usePhone } from './list-layout';
import type { ComplaintRecord } from './types';
import { ACTION_FORMS, type Values } from './steps/action-forms';
import type { Intro } from './steps/step-inputs';
import { errorMessage } from '../providers/error-mapping';

const errorBodyOf = (error: unknown): ApiErrorBody | undefined =>
  error instanceof HttpError && typeof error.body === 'object' && error.body !== null ? (error.body as ApiErrorBody) : undefined;

/**
 * What the toast says a step did, naming the complaint: "Klacht KL-2026-000012 doorgestuurd aan Dirk Directeur",
 * "… toegewezen aan …"; any other step by its name ("Ontvangst bevestigen: opgeslagen bij klacht KL-…").
 */
const savedMessage = (action: StaffAction, label: string, complaint: ComplaintRecord): [string, Record<string, unknown>] => {
  const reference = complaint.reference;
  if (action === 'FORWARD' && complaint.forwardedTo) return ['app.steps.forwarded', { reference, name: complaint.forwardedTo.name }];
  if (action === 'ASSIGN_HANDLER' && complaint.handler) return ['app.steps.assigned', { reference, name: complaint.handler.name }];
  return ['app.steps.saved', { reference, step: label }];
};

/** A dialog's sentence above its inputs, in the panel's language. */
const useIntro = () => {
  const translate = useTranslate();
  return (intro: Intro | undefined): string | undefined =>
    intro === undefined ? undefined : typeof intro === 'string' ? translate(intro) : translate(intro.key, intro.args);
};

/** The dialog of one step: its inputs, sent with the version the user saw; API field errors under their inputs. */
export const ActionDialog = ({
  action,
  label,
  record,
  onClose,
}: {
  action: StaffAction;
  label: string;
  record: ComplaintRecord;
  /** After a step: the complaint's new version, or undefined when the dialog is just closed. */
  onClose: (savedVersion?: number) => void;
}) => {
  const dataProvider = useDataProvider<ComplaintDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const introText = useIntro();
  const titleId = useId();
  const form = ACTION_FORMS[action];
  // the optimistic lock: the version the user saw when opening the dialog
  const [version] = useState(record.version);
  const [errorCodes, setErrorCodes] = useState<string[]>([]);
  // the form's starting values, fixed when the dialog opens: a new object on a re-render (after
  // an API error) would make react-admin reset what the user typed
  const [initialValues] = useState(() => ({ id: record.id, ...form.defaults?.(record) }));
  const intro = introText(typeof form.intro === 'function' ? form.intro(record, translate) : form.intro);
  const phone = usePhone();
  // a step that cannot be taken back says so plainly, and is confirmed by a button in the error colour that names it
  const destructive = isDestructive(action);

  const submit = async (values: Values) => {
    try {
      const { data } = await dataProvider.complaintStep({
        action,
        id: record.id,
        version,
        values,
        formFields: form.names,
      });
      const [message, messageArgs] = savedMessage(action, label, data);
      notify(message, { type: 'success', messageArgs });
      onClose(data.version);
      refresh();
      return undefined;
    } catch (error) {
      const body = errorBodyOf(error);
      const message = errorMessage(error);
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
        notify('app.steps.lateOnlyDirector', { type: 'error' });
        return undefined;
      }
      notify(message, { type: 'error' });
      return undefined;
    }
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm" fullScreen={phone}>
      {/* the dialog's own record: the complaint's fields (respondedAt: null, ...) must not
                override the defaults, as they would from the page's record context */}
      <Form onSubmit={submit} record={initialValues} noValidate>
        <DialogTitle id={titleId}>
          {label} — {record.reference}
        </DialogTitle>
        <DialogContent>
          {destructive ? (
            <Alert severity="warning" sx={{ mb: 2 }} data-cannot-undo={action}>
              {translate(`app.steps.cannotUndo.${action}`)}
            </Alert>
          ) : null}
          {intro ? (
            <Typography variant="body2" sx={{ mb: 2 }}>
              {intro}
            </Typography>
          ) : null}
          {errorCodes.includes('OBJECTION_LATE') ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('app.steps.lateObjection')}
            </Alert>
          ) : null}
          <Stack>{form.fields(record, { permissions, errorCodes })}</Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()}>{translate('ra.action.cancel')}</Button>
          {destructive ? (
            <SaveButton label={translate('app.steps.confirm', { step: label.toLowerCase() })} color="error" icon={null} alwaysEnable />
          ) : (
            <SaveButton label="ra.action.save" alwaysEnable />
          )}
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** Steps taken in their own section of the page: an attachment is uploaded in Bijlagen (AttachmentsPanel). */
const PANEL_ACTIONS: readonly StaffAction[] = ['ADD_ATTACHMENT'];

/** One step's button (disabled, with the reason, for a step the panel cannot take). */
const StepButton = ({
  action,
  variant,
  color,
  onOpen,
}: {
  action: StaffAction;
  variant: ButtonProps['variant'];
  color?: ButtonProps['color'];
  onOpen: () => void;
}) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  return action in STEP_MUTATIONS ? (
    <Button variant={variant} color={color} size="small" onClick={onOpen} data-action={action}>
      {label('ComplaintAction', action)}
    </Button>
  ) : (
    <Tooltip title={translate('app.steps.notInPanel')}>
      <span>
        <Button variant="outlined" size="small" disabled data-action={action}>
          {label('ComplaintAction', action)}
        </Button>
      </span>
    </Tooltip>
  );
};

/**
 * One button per step in `availableActions` (exactly those: the API decides who may do what when), each opening a
 * dialog with what its mutation needs: the next step of the procedure as the one primary button, the other steps
 * outlined beside it, and the steps that cannot be taken back apart at the end, in the error colour
 * (steps/step-order.ts).
 */
export const ComplaintActions = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  // "Mijn werk" opens the page with the step that meets a deadline (`?stap=ACKNOWLEDGE`): its dialog, when it may be taken
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('stap');
  const [open, setOpen] = useState<StaffAction | null>(() =>
    asked && (record.availableActions ?? []).includes(asked as StaffAction) && isStaffAction(asked as StaffAction) ? (asked as StaffAction) : null,
  );
  useEffect(() => {
    if (asked) setSearchParams((params) => (params.delete('stap'), params), { replace: true });
  }, [asked, setSearchParams]);
  // after a step, the buttons of the old state are hidden until the page has the new one
  const [awaitedVersion, setAwaitedVersion] = useState<number | null>(null);
  if (awaitedVersion !== null && record.version < awaitedVersion) {
    return <LinearProgress sx={{ my: 2 }} aria-label={translate('app.steps.updating')} />;
  }
  const actions = (record.availableActions ?? []).filter(isStaffAction).filter((action) => !PANEL_ACTIONS.includes(action));
  if (actions.length === 0) return null;
  const { next, others, destructive } = arrangeSteps(actions, record);
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }} role="group" aria-label={translate('app.steps.group')}>
      {next ? <StepButton action={next} variant="contained" onOpen={() => setOpen(next)} /> : null}
      {others.map((action) => (
        <StepButton key={action} action={action} variant="outlined" onOpen={() => setOpen(action)} />
      ))}
      {destructive.length > 0 ? (
        <Stack
          direction="row"
          role="group"
          aria-label={translate('app.steps.destructiveGroup')}
          data-steps="destructive"
          // apart: on a line of its own on a phone, at the far end of the row (after a rule) on a wider screen
          sx={{
            flexWrap: 'wrap',
            gap: 1,
            flexBasis: { xs: '100%', sm: 'auto' },
            ml: { sm: 'auto' },
            pl: { sm: 1.5 },
            borderLeft: { sm: 1 },
            borderColor: { sm: 'divider' },
          }}
        >
          {destructive.map((action) => (
            <StepButton key={action} action={action} variant="outlined" color="error" onOpen={() => setOpen(action)} />
          ))}
        </Stack>
      ) : null}
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
