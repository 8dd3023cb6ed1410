import Button from '@mui/material/Button';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { required, useDataProvider, useNotify, useRefresh, useTranslate, type TranslateFunction, type Validator } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { formatDate, formatDateTime } from '../complaints/format';
import { Empty, Panel, SmallTable } from '../complaints/panel';
import { apiMessage } from '../i18n/api-codes';
import { FormDialog } from '../layout/FormDialog';
import { ComplaintLink } from '../layout/list-parts';
import { errorCodeOf, errorText } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { ComplaintPicker } from './PrivacyRequestCreate';
import { SET_PRIVACY_REQUEST_DOSSIERS, type DossierRow, type PrivacyRequestRecord } from './privacy-api';

/**
 * "Dossiers in dit verzoek" on a privacy request's page: the complaints it covers, each with what an erasure removes
 * or why it is kept; while the request is open, a dossier taken out or a complaint added (setPrivacyRequestDossiers).
 */

/** What a dossier holds of the complainant: its letters, files and contact moments ("1 brief, 3 bijlagen, …"). */
const contents = (dossier: DossierRow, translate: TranslateFunction): string =>
  [
    translate('app.privacy.letters', { smart_count: dossier.letters }),
    translate('app.privacy.attachments', { smart_count: dossier.attachments }),
    translate('app.privacy.contactMoments', { smart_count: dossier.contactMoments }),
  ].join(', ');

export const removable = (dossier: DossierRow): boolean => dossier.keep.length === 0;

/** A refusal of a step on this page, by its code (i18n/api-codes.ts `privacyRequest`, else the general one). */
export const refusalText = (error: unknown): string => {
  const code = errorCodeOf(error);
  const own = code ? apiMessage('privacyRequest', code) : undefined;
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
  return async (complaintIds: string[], done: string, doneArgs: Record<string, unknown> = {}): Promise<boolean> => {
    try {
      await dataProvider.graphql({ document: SET_PRIVACY_REQUEST_DOSSIERS, variables: { id: request.id, version: request.version, complaintIds } });
      notify(done, { type: 'success', messageArgs: doneArgs });
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
  const translate = useTranslate();
  const setDossiers = useSetDossiers(request);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    await setDossiers(
      request.complaintIds.filter((id) => id !== dossier.complaintId),
      'app.privacy.dossierRemoved',
      { reference: dossier.reference },
    );
    setBusy(false);
  };
  return (
    <Button size="small" onClick={remove} disabled={busy} aria-label={translate('app.privacy.removeDossierOf', { reference: dossier.reference })}>
      {translate('app.privacy.removeDossier')}
    </Button>
  );
};

/** "Klacht toevoegen": a complaint of the same complainant the identity did not find, searched like on the create form. */
const AddDossierButton = ({ request }: { request: PrivacyRequestRecord }) => {
  const translate = useTranslate();
  const setDossiers = useSetDossiers(request);
  const [open, setOpen] = useState(false);
  const notYetCovered: Validator = (value: unknown) =>
    typeof value === 'string' && request.complaintIds.includes(value) ? 'app.privacy.alreadyCovered' : undefined;
  return (
    <>
      <Button size="small" sx={{ mt: 1 }} onClick={() => setOpen(true)}>
        {translate('app.privacy.addComplaint')}
      </Button>
      {open ? (
        <FormDialog
          title="app.privacy.addComplaintTitle"
          submitLabel="app.privacy.add"
          intro="app.privacy.addComplaintIntro"
          onClose={() => setOpen(false)}
          onSubmit={async (values) => {
            const complaintId = String(values.complaintId);
            // a refusal is told (and the page refreshed) by useSetDossiers; the dialog closes either way
            await setDossiers([...request.complaintIds, complaintId], 'app.privacy.complaintAdded');
          }}
        >
          <ComplaintPicker label="app.privacy.complaint" validate={[required(), notYetCovered]} />
        </FormDialog>
      ) : null}
    </>
  );
};

/** Per dossier, for an erasure: what it removes, or why the dossier stays (and, once done, when it went). */
const useErasureText = () => {
  const label = useEnumLabel();
  const translate = useTranslate();
  return (dossier: DossierRow, carriedOut: boolean): string => {
    if (dossier.anonymisedAt) return translate('app.privacy.anonymisedOn', { date: formatDate(dossier.anonymisedAt) });
    if (!removable(dossier)) return translate('app.privacy.kept', { reasons: dossier.keep.map((reason) => label('KeepReason', reason)).join(', ') });
    return carriedOut
      ? translate('app.privacy.notRemoved')
      : translate('app.privacy.willBeRemoved', {
          contents: contents(dossier, translate),
          events: translate('app.privacy.eventsStay', { smart_count: dossier.events }),
        });
  };
};

export const DossiersPanel = ({ request }: { request: PrivacyRequestRecord }) => {
  const erasureText = useErasureText();
  const translate = useTranslate();
  const erasure = request.kind === 'ERASURE';
  const carriedOut = request.status === 'CARRIED_OUT';
  // what the request covers can be corrected until it is carried out
  const editable = request.status === 'RECORDED';
  const dossiers = request.dossiers ?? [];
  const columns = [
    'app.privacy.reference',
    'app.privacy.status',
    'app.privacy.receivedAt',
    erasure ? (carriedOut ? 'app.privacy.result' : 'app.privacy.onErasure') : 'app.privacy.inExport',
    ...(editable ? [''] : []),
  ];
  return (
    <Panel title="app.privacy.dossiersTitle">
      {editable ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 820 }}>
          {translate('app.privacy.proposed')}
        </Typography>
      ) : null}
      {dossiers.length === 0 ? (
        <Empty>{translate('app.privacy.noDossiers')}</Empty>
      ) : (
        <SmallTable label="app.privacy.dossiers" columns={columns}>
          {dossiers.map((dossier) => (
            <TableRow key={dossier.complaintId} data-complaint={dossier.reference} data-keep={dossier.keep.join(' ') || 'none'}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <ComplaintLink complaint={{ id: dossier.complaintId, reference: dossier.reference }} />
                {dossier.complaintId === request.complaintId ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {translate('app.privacy.cameThrough')}
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
                    ? translate('app.privacy.anonymisedOnlyWhatIsLeft', { date: formatDate(dossier.anonymisedAt) })
                    : `${contents(dossier, translate)}, ${translate('app.privacy.events', { smart_count: dossier.events })}`}
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
