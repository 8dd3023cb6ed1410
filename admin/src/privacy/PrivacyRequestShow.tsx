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
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Show, required, useDataProvider, useNotify, useRecordContext, useRefresh, type Validator } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { formatDate, formatDateTime } from '../complaints/format';
import { Empty, Panel, SmallTable } from '../complaints/panel';
import { apiMessages } from '../i18n/api-codes';
import { FormDialog } from '../layout/FormDialog';
import { ComplaintLink } from '../layout/list-parts';
import { errorCodeOf, errorText } from '../providers/error-mapping';
import { fetchFile, saveBlob } from '../providers/file-transfer';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { ComplaintPicker } from './PrivacyRequestCreate';
import { PrivacyKindChip, PrivacyStatusChip, isLate } from './PrivacyRequestList';
import { CARRY_OUT_ERASURE, SET_PRIVACY_REQUEST_DOSSIERS, type DossierRow, type PrivacyRequestRecord } from './privacy-api';

/** "1 brief", "3 brieven". */
const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** What a dossier holds of the complainant: its letters, files and contact moments. */
const contents = (dossier: DossierRow): string =>
  [
    counted(dossier.letters, 'brief', 'brieven'),
    counted(dossier.attachments, 'bijlage', 'bijlagen'),
    counted(dossier.contactMoments, 'contactmoment', 'contactmomenten'),
  ].join(', ');

const removable = (dossier: DossierRow): boolean => dossier.keep.length === 0;

/** A refusal of a step on this page in Dutch, by its code (i18n/api-codes.ts `privacyRequest`, else the general one). */
const refusalText = (error: unknown): string => {
  const code = errorCodeOf(error);
  const own = code ? (apiMessages.privacyRequest as Record<string, string>)[code] : undefined;
  return own ?? errorText(error);
};

/**
 * setPrivacyRequestDossiers with the request's current version: the complaints given become the ones it covers (the
 * API keeps the one it was made through); the page is refreshed either way. Resolves whether it went through.
 */
const useSetDossiers = (request: PrivacyRequestRecord) => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (complaintIds: string[], done: string): Promise<boolean> => {
    try {
      await dataProvider.graphql({ document: SET_PRIVACY_REQUEST_DOSSIERS, variables: { id: request.id, version: request.version, complaintIds } });
      notify(done, { type: 'success' });
      return true;
    } catch (error) {
      const code = errorCodeOf(error);
      notify(refusalText(error), { type: code === 'STALE_VERSION' || code === 'CONFLICT' ? 'warning' : 'error', autoHideDuration: 10_000 });
      return false;
    } finally {
      refresh();
    }
  };
};

/** "Uit verzoek halen": the request no longer covers this dossier (never the one it was made through). */
const RemoveDossierButton = ({ request, dossier }: { request: PrivacyRequestRecord; dossier: DossierRow }) => {
  const setDossiers = useSetDossiers(request);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    await setDossiers(
      request.complaintIds.filter((id) => id !== dossier.complaintId),
      `${dossier.reference} valt niet meer onder dit verzoek`,
    );
    setBusy(false);
  };
  return (
    <Button size="small" onClick={remove} disabled={busy} aria-label={`${dossier.reference} uit het verzoek halen`}>
      Uit verzoek halen
    </Button>
  );
};

/** "Klacht toevoegen": a complaint of the same complainant the identity did not find, searched like on the create form. */
const AddDossierButton = ({ request }: { request: PrivacyRequestRecord }) => {
  const setDossiers = useSetDossiers(request);
  const [open, setOpen] = useState(false);
  const notYetCovered: Validator = (value: unknown) =>
    typeof value === 'string' && request.complaintIds.includes(value) ? 'Deze klacht valt al onder dit verzoek' : undefined;
  return (
    <>
      <Button size="small" sx={{ mt: 1 }} onClick={() => setOpen(true)}>
        Klacht toevoegen
      </Button>
      {open ? (
        <FormDialog
          title="Klacht toevoegen aan het verzoek"
          submitLabel="Toevoegen"
          intro="Een klacht van deze klager die bij het vastleggen niet werd gevonden, bijvoorbeeld onder een ander e-mailadres. Voeg alleen klachten van deze persoon zelf toe: niet die van iemand anders met hetzelfde (gedeelde) e-mailadres of dezelfde vertegenwoordiger."
          onClose={() => setOpen(false)}
          onSubmit={async (values) => {
            const complaintId = String(values.complaintId);
            // a refusal is told (and the page refreshed) by useSetDossiers; the dialog closes either way
            await setDossiers([...request.complaintIds, complaintId], 'Klacht toegevoegd aan het verzoek');
          }}
        >
          <ComplaintPicker label="Klacht" validate={[required(), notYetCovered]} />
        </FormDialog>
      ) : null}
    </>
  );
};

/** Per dossier, for an erasure: what it removes, or why the dossier stays (and, once done, when it went). */
const useErasureText = () => {
  const label = useEnumLabel();
  return (dossier: DossierRow, carriedOut: boolean): string => {
    if (dossier.anonymisedAt) return `Geanonimiseerd op ${formatDate(dossier.anonymisedAt)}`;
    if (!removable(dossier)) return `Blijft bewaard: ${dossier.keep.map((reason) => label('KeepReason', reason)).join(', ')}`;
    return carriedOut
      ? 'Niet verwijderd'
      : `Wordt verwijderd: de gegevens van de klager, ${contents(dossier)}; ${counted(dossier.events, 'gebeurtenis blijft', 'gebeurtenissen blijven')} zonder persoonsgegevens`;
  };
};

const DossiersPanel = ({ request }: { request: PrivacyRequestRecord }) => {
  const erasureText = useErasureText();
  const erasure = request.kind === 'ERASURE';
  const carriedOut = request.status === 'CARRIED_OUT';
  // what the request covers can be corrected until it is carried out
  const editable = request.status === 'RECORDED';
  const dossiers = request.dossiers ?? [];
  const columns = ['Kenmerk', 'Status', 'Ontvangen op', erasure ? (carriedOut ? 'Uitkomst' : 'Bij verwijdering') : 'In de inzage', ...(editable ? [''] : [])];
  return (
    <Panel title="Dossiers in dit verzoek">
      {editable ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 820 }}>
          Voorgesteld bij het vastleggen: de klachten met hetzelfde e-mailadres, hetzelfde telefoonnummer of dezelfde naam op hetzelfde adres (nooit via een
          vertegenwoordiger). Klopt dat niet, haal dan een dossier uit het verzoek of voeg een klacht toe.
        </Typography>
      ) : null}
      {dossiers.length === 0 ? (
        <Empty>Geen dossiers gevonden.</Empty>
      ) : (
        <SmallTable label="Dossiers" columns={columns}>
          {dossiers.map((dossier) => (
            <TableRow key={dossier.complaintId} data-complaint={dossier.reference} data-keep={dossier.keep.join(' ') || 'none'}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <ComplaintLink complaint={{ id: dossier.complaintId, reference: dossier.reference }} />
                {dossier.complaintId === request.complaintId ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    het verzoek kwam via deze klacht
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>
                <ComplaintStatusChip status={dossier.status} />
              </TableCell>
              <TableCell>{formatDateTime(dossier.receivedAt)}</TableCell>
              <TableCell>
                {erasure
                  ? erasureText(dossier, carriedOut)
                  : dossier.anonymisedAt
                    ? `Geanonimiseerd op ${formatDate(dossier.anonymisedAt)}: alleen wat er nog is`
                    : `${contents(dossier)}, ${counted(dossier.events, 'gebeurtenis', 'gebeurtenissen')}`}
              </TableCell>
              {editable ? (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {dossier.complaintId === request.complaintId ? null : <RemoveDossierButton request={request} dossier={dossier} />}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </SmallTable>
      )}
      {editable ? <AddDossierButton request={request} /> : null}
    </Panel>
  );
};

/** "Verwijderen uitvoeren", after a confirmation that says how many dossiers go and how many stay. */
const CarryOutErasureButton = ({ request }: { request: PrivacyRequestRecord }) => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
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
      notify(
        `Verwijdering uitgevoerd: ${counted(done, 'dossier', 'dossiers')} geanonimiseerd, ${counted(carryOutErasure.dossiers.length - done, 'dossier', 'dossiers')} bewaard`,
        {
          type: 'success',
        },
      );
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
        Verwijderen uitvoeren
      </Button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
          <DialogTitle id={titleId}>Verwijderen uitvoeren</DialogTitle>
          <DialogContent>
            <DialogContentText component="div">
              <p>
                {removed === 0
                  ? 'Geen van de dossiers kan nu worden verwijderd'
                  : `${counted(removed, 'dossier wordt', 'dossiers worden')} geanonimiseerd: de gegevens van de klager, de brieven, de bijlagen en de contactmomenten gaan weg; het kenmerk en de stappen blijven voor de cijfers`}
                {kept ? `; ${counted(kept, 'dossier blijft', 'dossiers blijven')} bewaard (zie de reden per dossier).` : '.'}
              </p>
              <p>Dit kan niet ongedaan worden gemaakt. Elke verwijdering komt in het verwijderlogboek.</p>
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Annuleren</Button>
            <Button variant="contained" color="error" onClick={carryOut} disabled={busy}>
              Verwijderen uitvoeren
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </>
  );
};

/** "Download inzage (ZIP)": the export of every dossier, fetched with the token; the first download carries the request out. */
const DownloadExportButton = ({ request, reference }: { request: PrivacyRequestRecord; reference: string }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!request.exportPath) return null;
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(request.exportPath ?? '', 'application/zip'), `inzage-${reference || request.id}.zip`);
      if (request.status !== 'CARRIED_OUT') refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="contained" size="small" onClick={download} disabled={busy}>
      Download inzage (ZIP)
    </Button>
  );
};

const PrivacyRequestPage = () => {
  const request = useRecordContext<PrivacyRequestRecord>();
  const label = useEnumLabel();
  if (!request) return null;
  const through = request.dossiers?.find((dossier) => dossier.complaintId === request.complaintId);
  const erasure = request.kind === 'ERASURE';
  const carriedOut = request.status === 'CARRIED_OUT';
  const late = isLate(request);
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1 }}>
            <Typography variant="h5" component="h1">
              {erasure ? 'Verzoek tot verwijdering' : 'Verzoek om inzage'}
              {through ? ` — ${through.reference}` : ''}
            </Typography>
            <PrivacyKindChip kind={request.kind} />
            <PrivacyStatusChip status={request.status} />
            {late ? <Chip size="small" color="error" label="te laat" data-late="true" /> : null}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Ontvangen {formatDateTime(request.receivedAt)}
            {request.recordedBy ? `, vastgelegd door ${request.recordedBy.name}` : ''}
            {carriedOut ? `; ${label('PrivacyRequestStatus', request.status).toLowerCase()} ${formatDateTime(request.carriedOutAt)}` : ''}
            {carriedOut && request.carriedOutBy ? ` door ${request.carriedOutBy.name}` : ''}
          </Typography>
          <Typography variant="body2" color={late ? 'error' : 'text.secondary'} sx={{ mt: -1.5, mb: 2 }} data-due={late ? 'late' : 'in-time'}>
            Uiterlijk beantwoorden: {formatDateTime(request.dueAt)}
            {late ? ' — de termijn van een maand (AVG art. 12 lid 3) is verstreken' : ''}
            {carriedOut && request.carriedOutAt && new Date(request.carriedOutAt) > new Date(request.dueAt) ? ' (na de termijn uitgevoerd)' : ''}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {erasure && !carriedOut ? <CarryOutErasureButton request={request} /> : null}
            {!erasure ? <DownloadExportButton request={request} reference={through?.reference ?? ''} /> : null}
          </Stack>
          {erasure && !carriedOut ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              Er is nog niets verwijderd. Hieronder staat per dossier wat een verwijdering weghaalt, of waarom het (nog) bewaard blijft.
            </Alert>
          ) : null}
          {!erasure ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              De inzage is één ZIP met alle dossiers van de klager: de gegevens, de stappen, de brieven (pdf) en de bijlagen.
              {carriedOut ? '' : ' Met de eerste download is het verzoek uitgevoerd.'}
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
  return <>{request ? `Privacyverzoek: ${label('PrivacyRequestKind', request.kind).toLowerCase()}` : 'Privacyverzoek'}</>;
};

/** A request: the complainant's dossiers, what an erasure removes or keeps (and why); carrying it out or downloading the export. */
export const PrivacyRequestShow = () => (
  <Show title={<PrivacyRequestTitle />} actions={false} component="div">
    <PrivacyRequestPage />
  </Show>
);
