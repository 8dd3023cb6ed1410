import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useId, type ReactNode } from 'react';
import { Form, HttpError, SaveButton, useNotify, useTranslate } from 'react-admin';
import type { ApiErrorBody } from '../providers/error-mapping';
import { errorMessage } from '../providers/error-mapping';

type Values = Record<string, unknown>;

/**
 * A dialog with a form whose submit calls the API (the pattern of the complaint steps, for the
 * reviews, measures and API tokens): field errors of the API are shown under their inputs,
 * anything else as a notification. `onSubmit` resolves when done; the dialog then closes. The title, a text intro
 * and the submit label are i18n keys (or plain text, shown as it is).
 */
export const FormDialog = ({
  title,
  intro,
  defaultValues,
  onSubmit,
  onClose,
  submitLabel = 'ra.action.save',
  children,
}: {
  title: string;
  intro?: ReactNode;
  defaultValues?: Values;
  onSubmit: (values: Values) => Promise<void>;
  onClose: () => void;
  submitLabel?: string;
  children: ReactNode;
}) => {
  const notify = useNotify();
  const translate = useTranslate();
  const text = (value: string) => translate(value, { _: value });
  const titleId = useId();
  // the whole screen on a phone (below `sm`)
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const submit = async (values: Values) => {
    try {
      await onSubmit(values);
      onClose();
      return undefined;
    } catch (error) {
      const body = error instanceof HttpError && typeof error.body === 'object' && error.body !== null ? (error.body as ApiErrorBody) : undefined;
      if (body?.errors && Object.keys(body.errors).length > 0) return body.errors;
      notify(errorMessage(error), { type: 'error' });
      return undefined;
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm" fullScreen={phone}>
      <Form onSubmit={submit} record={{ id: titleId, ...defaultValues }} noValidate>
        <DialogTitle id={titleId}>{text(title)}</DialogTitle>
        <DialogContent>
          {intro ? (
            <Typography variant="body2" component="div" sx={{ mb: 2 }}>
              {typeof intro === 'string' ? text(intro) : intro}
            </Typography>
          ) : null}
          <Stack>{children}</Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label={submitLabel} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
