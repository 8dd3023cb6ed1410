import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { graphql } from '../../gql';
import { apiMessage } from '../../i18n/api-codes';
import { errorCodeOf, errorText } from '../../providers/error-mapping';
import type { GraphQLDataProvider } from '../../providers/graphql-call';
import type { ComplaintRecord } from '../types';
import { usePhone } from '../list-layout';

/**
 * A new status code for the complainant (not a step of the procedure, so not in STEP_MUTATIONS): the answer's
 * `code` is shown once; the complaint's new version comes with the refresh when the dialog is closed.
 */
export const ISSUE_STATUS_CODE = graphql(`
  mutation IssueStatusCode($id: ID!, $version: Int!) {
    issueStatusCode(id: $id, version: $version) {
      code
      complaint {
        id
        version
        statusCodeIssuedAt
      }
    }
  }
`);

/** A refusal in the panel's language, by its code (i18n/api-codes.ts `statusCode`, else the general one). */
const refusalText = (error: unknown): string => {
  const code = errorCodeOf(error);
  const own = code ? apiMessage('statusCode', code) : undefined;
  return own ?? errorText(error);
};

/** Refusals after which the page no longer shows the complaint as it is: told, closed and refreshed. */
const OUTDATED = ['STALE_VERSION', 'CONFLICT', 'NOT_FOUND'];

/** The code, large and monospace, with a copy button (the text stays selectable where there is no clipboard). */
const IssuedCode = ({ code }: { code: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // no clipboard (insecure context): the code stays selectable
      setCopied(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
      <Box
        component="output"
        aria-label={translate('app.statusCode.code')}
        data-testid="status-code"
        sx={{
          px: 2,
          py: 1.5,
          bgcolor: 'action.hover',
          borderRadius: 1,
          fontFamily: 'monospace',
          fontSize: '1.75rem',
          fontWeight: 600,
          letterSpacing: '0.08em',
          userSelect: 'all',
          wordBreak: 'break-all',
        }}
      >
        {code}
      </Box>
      <Button onClick={copy} variant="outlined">
        {translate(copied ? 'app.statusCode.copied' : 'app.statusCode.copy')}
      </Button>
    </Box>
  );
};

/**
 * "Nieuwe statuscode": first what it does (the old code stops working), then, once issued, the new code with what
 * to do with it. Sent with the version the user saw when opening it; closing it after the code was issued
 * refreshes the complaint (its version changed).
 */
export const StatusCodeDialog = ({ record, onClose }: { record: ComplaintRecord; onClose: () => void }) => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const phone = usePhone();
  const translate = useTranslate();
  const titleId = useId();
  // the optimistic lock: the version the user saw when opening the dialog
  const [version] = useState(record.version);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);

  const issue = async () => {
    setBusy(true);
    try {
      const { issueStatusCode } = await dataProvider.graphql({ document: ISSUE_STATUS_CODE, variables: { id: record.id, version } });
      setCode(issueStatusCode.code);
    } catch (error) {
      if (OUTDATED.includes(errorCodeOf(error) ?? '')) {
        // someone else moved the complaint on (or it was anonymised): show the news, and what it is now
        notify(refusalText(error), { type: 'warning', autoHideDuration: 10_000 });
        onClose();
        refresh();
        return;
      }
      notify(refusalText(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    onClose();
    if (code) refresh();
  };

  return (
    <Dialog
      open
      // not while the code is being issued (it would be lost), nor by a click beside a code that is never shown again
      onClose={(_event, reason) => (busy || (code && reason === 'backdropClick') ? undefined : close())}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
      fullScreen={phone}
    >
      {code ? (
        <>
          <DialogTitle id={titleId}>{translate('app.statusCode.issuedTitle', { reference: record.reference })}</DialogTitle>
          <DialogContent>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('app.statusCode.shownOnce')}
            </Alert>
            <IssuedCode code={code} />
            <Typography variant="body2" sx={{ mt: 2 }}>
              {translate('app.statusCode.passOn', { reference: record.reference })}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} variant="contained">
              {translate('app.statusCode.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <>
          <DialogTitle id={titleId}>
            {translate('app.statusCode.action')} — {record.reference}
          </DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('app.statusCode.confirmIntro')}
            </Typography>
            <Alert severity="warning">{translate('app.statusCode.confirmWarning')}</Alert>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              {translate('app.statusCode.cancel')}
            </Button>
            <Button onClick={issue} variant="contained" disabled={busy}>
              {translate('app.statusCode.confirm')}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
};
