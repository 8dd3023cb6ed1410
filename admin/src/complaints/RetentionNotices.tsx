import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { formatDate, formatDateTime } from './format';
import { StaffLink } from './panel';
import type { ComplaintRecord } from './types';

/**
 * How long the dossier is kept, above the page: anonymised (its personal data are gone, nothing more
 * can be recorded), or held by a DIRECTOR's legal hold (since when, by whom, why). "Bewaard tot" is
 * in the handling panel (`RetainUntil`).
 */
export const RetentionBanner = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  return (
    <>
      {record.anonymisedAt ? (
        <Alert severity="warning" variant="filled" role="status" data-retention="anonymised">
          {translate('app.retention.anonymised', { date: formatDate(record.anonymisedAt) })}
        </Alert>
      ) : null}
      {record.legalHoldAt ? (
        <Alert severity="info" role="status" data-retention="hold">
          <AlertTitle>{translate('app.retention.hold')}</AlertTitle>
          {translate('app.retention.since', { moment: formatDateTime(record.legalHoldAt) })}
          {record.legalHoldBy ? (
            <>
              {translate('app.retention.setBy')} <StaffLink staff={record.legalHoldBy} />
            </>
          ) : null}
          : {record.legalHoldReason}
          <br />
          {translate('app.retention.holdKeeps')}
        </Alert>
      ) : null}
    </>
  );
};

/** "Bewaard tot": closure plus the policy's retention period; a hold (or an open objection, referral) keeps it longer. */
export const retainUntilText = (record: ComplaintRecord, translate: TranslateFunction): string | null => {
  if (!record.retainUntil) return null;
  const date = formatDate(record.retainUntil);
  return record.legalHoldAt ? translate('app.retention.untilHeld', { date }) : date;
};
