import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime } from './format';
import { StatusCodeDialog } from './steps/StatusCodeDialog';
import type { ComplaintRecord } from './types';

/**
 * The complainant's status code, in the Klager section: when the current one was issued, and "Nieuwe statuscode"
 * for whoever may see the complaint — not the employee it is about (the API refuses them), and not on an
 * anonymised dossier (it has no status page any more).
 */
export const StatusCodeItem = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (record.concernsMe || record.anonymisedAt) return null;
  return (
    <Box data-status-code={record.statusCodeIssuedAt ? 'issued' : 'none'} sx={{ mt: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {record.statusCodeIssuedAt
          ? translate('app.statusCode.issuedAt', { date: formatDateTime(record.statusCodeIssuedAt) })
          : translate('app.statusCode.none')}
      </Typography>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)} sx={{ mt: 1 }}>
        {translate('app.statusCode.action')}
      </Button>
      {open ? <StatusCodeDialog record={record} onClose={() => setOpen(false)} /> : null}
    </Box>
  );
};
