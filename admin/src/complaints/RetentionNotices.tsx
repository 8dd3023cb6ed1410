import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { formatDate, formatDateTime } from './format';
import { StaffLink } from './panel';
import type { ComplaintRecord } from './types';

/**
 * How long the dossier is kept, above the page: anonymised (its personal data are gone, nothing more
 * can be recorded), or held by a DIRECTOR's legal hold (since when, by whom, why). "Bewaard tot" is
 * in the handling panel (`RetainUntil`).
 */
export const RetentionBanner = ({ record }: { record: ComplaintRecord }) => (
  <>
    {record.anonymisedAt ? (
      <Alert severity="warning" variant="filled" role="status" data-retention="anonymised">
        Geanonimiseerd op {formatDate(record.anonymisedAt)}: persoonsgegevens zijn verwijderd. Het kenmerk, de stappen en de termijnen blijven voor de cijfers;
        er kan niets meer aan worden toegevoegd.
      </Alert>
    ) : null}
    {record.legalHoldAt ? (
      <Alert severity="info" role="status" data-retention="hold">
        <AlertTitle>Bewaarplicht</AlertTitle>
        Sinds {formatDateTime(record.legalHoldAt)}
        {record.legalHoldBy ? (
          <>
            , ingesteld door <StaffLink staff={record.legalHoldBy} />
          </>
        ) : null}
        : {record.legalHoldReason}
        <br />
        Het dossier wordt niet geanonimiseerd zolang de bewaarplicht geldt, ook niet na de bewaartermijn of op verzoek van de klager.
      </Alert>
    ) : null}
  </>
);

/** "Bewaard tot": closure plus the policy's retention period; a hold (or an open objection, referral) keeps it longer. */
export const retainUntilText = (record: ComplaintRecord): string | null => {
  if (!record.retainUntil) return null;
  const date = formatDate(record.retainUntil);
  return record.legalHoldAt ? `${date}, en langer zolang de bewaarplicht geldt` : date;
};
