import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Show, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime } from '../complaints/format';
import { pageSx, Reference, usePhone } from '../complaints/list-layout';
import { errorCodeOf, errorMessage } from '../providers/error-mapping';
import { fetchFile, saveBlob } from '../providers/file-transfer';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { DossiersPanel, refusalText, removable } from './DossiersPanel';
import { PrivacyKindChip, PrivacyStatusChip, isLate } from './PrivacyRequestList';
import { CARRY_OUT_ERASURE, type PrivacyRequestRecord } from './privacy-api';

/** "Verwijderen uitvoeren", after a confirmation that says how many dossiers go and how many stay. */
const CarryOutErasureButton = ({ request }: { request: PrivacyRequestRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const dossiers = request.dossiers ?? [];
  const removed = dossiers.filter(removable).length;
  const kept = dossiers.length - removed;
  const carryOut = async () => {
    setBusy(true);
    try {
      const { carryOutErasure } = await dataProvider.graphql({ document: CARRY_OUT_ERASURE, variables: { id: request.id, version: request.version } });
      const done = carryOutErasure.dossiers.filter((dossier) => dossier.keep.length === 0).length;
      notify('app.privacy.erasureDone', {
        type: 'success',
        messageArgs: {
          removed: translate('app.privacy.dossierCount', { smart_count: done }),
          kept: translate('app.privacy.dossierCount', { smart_count: carryOutErasure.dossiers.length - done }),
        },
      });
      setOpen(false);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'CONFLICT' || code === 'STALE_VERSION') {
        // carried out, or its dossiers changed, meanwhile: the page shows what it is now, to be confirmed again
        notify(refusalText(error), { type: 'warning', autoHideDuration: 10_000 });
        setOpen(false);
      } else {
        notify(refusalText(error), { type: 'error' });
      }
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <>
      <Button variant="contained" color="error" size="small" onClick={() => setOpen(true)} disabled={dossiers.length === 0}>
        {translate('app.privacy.carryOut')}
      </Button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm" fullScreen={phone}>
          <DialogTitle id={titleId}>{translate('app.privacy.carryOut')}</DialogTitle>
          <DialogContent>
            <DialogContentText component="div">
              <p>
                {removed === 0 ? translate('app.privacy.noneRemovable') : translate('app.privacy.willAnonymise', { smart_count: removed })}
                {kept ? `; ${translate('app.privacy.willKeep', { smart_count: kept })}` : '.'}
              </p>
              <p>{translate('app.privacy.irreversible')}</p>
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" color="error" onClick={carryOut} disabled={busy}>
              {translate('app.privacy.carryOut')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </>
  );
};

/** "Download inzage (ZIP)": the export of every dossier, fetched with the token; the first download carries the request out. */
const DownloadExportButton = ({ request, reference }: { request: PrivacyRequestRecord; reference: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!request.exportPath) return null;
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(request.exportPath ?? '', 'application/zip'), `${translate('app.privacy.exportFile')}-${reference || request.id}.zip`);
      if (request.status !== 'CARRIED_OUT') refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="contained" size="small" onClick={download} disabled={busy}>
      {translate('app.privacy.downloadExport')}
    </Button>
  );
};

const PrivacyRequestPage = () => {
  const request = useRecordContext<PrivacyRequestRecord>();
  const label = useEnumLabel();
  const translate = useTranslate();
  if (!request) return null;
  const through = request.dossiers?.find((dossier) => dossier.complaintId === request.complaintId);
  const erasure = request.kind === 'ERASURE';
  const carriedOut = request.status === 'CARRIED_OUT';
  const late = isLate(request);
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2, ...pageSx }}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1 }}>
            <Typography variant="h5" component="h1">
              {translate(erasure ? 'app.privacy.erasureRequest' : 'app.privacy.accessRequest')}
              {through ? (
                <>
                  {' — '}
                  <Reference>{through.reference}</Reference>
                </>
              ) : null}
            </Typography>
            <PrivacyKindChip kind={request.kind} />
            <PrivacyStatusChip status={request.status} />
            {late ? <Chip size="small" color="error" label={translate('app.common.late')} data-late="true" /> : null}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.privacy.received', { at: formatDateTime(request.receivedAt) })}
            {request.recordedBy ? translate('app.privacy.recordedByText', { name: request.recordedBy.name }) : ''}
            {carriedOut ? `; ${label('PrivacyRequestStatus', request.status).toLowerCase()} ${formatDateTime(request.carriedOutAt)}` : ''}
            {carriedOut && request.carriedOutBy ? ` ${translate('app.common.by', { name: request.carriedOutBy.name })}` : ''}
          </Typography>
          <Typography variant="body2" color={late ? 'error' : 'text.secondary'} sx={{ mt: -1.5, mb: 2 }} data-due={late ? 'late' : 'in-time'}>
            {translate('app.privacy.answerBy', { at: formatDateTime(request.dueAt) })}
            {late ? ` — ${translate('app.privacy.monthPassed')}` : ''}
            {carriedOut && request.carriedOutAt && new Date(request.carriedOutAt) > new Date(request.dueAt) ? ` ${translate('app.privacy.afterDeadline')}` : ''}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {erasure && !carriedOut ? <CarryOutErasureButton request={request} /> : null}
            {!erasure ? <DownloadExportButton request={request} reference={through?.reference ?? ''} /> : null}
          </Stack>
          {erasure && !carriedOut ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              {translate('app.privacy.nothingRemovedYet')}
            </Alert>
          ) : null}
          {!erasure ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              {translate('app.privacy.exportExplained')}
              {carriedOut ? '' : ` ${translate('app.privacy.firstDownload')}`}
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <DossiersPanel request={request} />
    </Stack>
  );
};

const PrivacyRequestTitle = () => {
  const request = useRecordContext<PrivacyRequestRecord>();
  const label = useEnumLabel();
  const translate = useTranslate();
  return (
    <>
      {request ? translate('app.privacy.pageTitle', { kind: label('PrivacyRequestKind', request.kind).toLowerCase() }) : translate('app.privacy.pageTitleNone')}
    </>
  );
};

/** A request: the complainant's dossiers, what an erasure removes or keeps (and why); carrying it out or downloading the export. */
export const PrivacyRequestShow = () => (
  <Show title={<PrivacyRequestTitle />} actions={false} component="div">
    <PrivacyRequestPage />
  </Show>
);
