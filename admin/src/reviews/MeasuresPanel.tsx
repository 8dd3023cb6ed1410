import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath, useGetMany, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { amsterdamDay, formatDateTime, formatDay } from '../complaints/format';
import { Empty, Panel, SmallTable } from '../complaints/panel';
import { AddMeasureButton, FollowUpButton } from './MeasureDialogs';
import type { MeasureRecord, ReviewRecord } from './review-api';

const ComplaintReferences = ({ ids, references }: { ids: string[]; references: Map<string, string> }) => {
  const createPath = useCreatePath();
  if (ids.length === 0) return <>–</>;
  return (
    <>
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 ? ', ' : ''}
          <Link to={createPath({ resource: 'Complaint', id, type: 'show' })}>{references.get(id) ?? '…'}</Link>
        </span>
      ))}
    </>
  );
};

export const MeasureDue = ({ measure }: { measure: MeasureRecord }) => {
  const translate = useTranslate();
  const overdue = measure.status === 'OPEN' && measure.dueDate < amsterdamDay();
  return overdue ? (
    <Chip size="small" color="error" label={`${formatDay(measure.dueDate)} — ${translate('app.common.late')}`} />
  ) : (
    <>{formatDay(measure.dueDate)}</>
  );
};

export const MeasureStatusChip = ({ status }: { status: string }) => {
  const label = useEnumLabel();
  return (
    <Chip
      size="small"
      color={status === 'DONE' ? 'success' : 'info'}
      variant={status === 'DONE' ? 'filled' : 'outlined'}
      label={label('MeasureStatus', status)}
    />
  );
};

/** Maatregelen: the preventive measures of this review, followed up until done. */
export const MeasuresPanel = ({ review }: { review: ReviewRecord }) => {
  const translate = useTranslate();
  const measures = review.measures ?? [];
  const complaintIds = [...new Set(measures.flatMap((measure) => measure.complaintIds))];
  const { data: complaints } = useGetMany('Complaint', { ids: complaintIds }, { enabled: complaintIds.length > 0 });
  const references = new Map((complaints ?? []).map((complaint) => [String(complaint.id), String(complaint.reference)]));
  return (
    <Panel title="app.measures.title">
      {review.status === 'OPEN' ? (
        <Box sx={{ mb: 1 }}>
          <AddMeasureButton reviewId={review.id} />
        </Box>
      ) : null}
      {measures.length === 0 ? (
        <Empty>{translate('app.measures.none')}</Empty>
      ) : (
        <SmallTable
          label="app.measures.title"
          columns={[
            'app.measures.measure',
            'app.measures.owner',
            'app.measures.dueBy',
            'app.measures.status',
            'app.measures.complaints',
            'app.measures.followUp',
            '',
          ]}
        >
          {measures.map((measure) => (
            <TableRow key={measure.id} data-status={measure.status}>
              <TableCell sx={{ whiteSpace: 'pre-wrap', minWidth: 200 }}>{measure.description}</TableCell>
              <TableCell>{measure.owner.name}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <MeasureDue measure={measure} />
              </TableCell>
              <TableCell>
                <MeasureStatusChip status={measure.status} />
                {measure.doneAt ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {formatDateTime(measure.doneAt)}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>
                <ComplaintReferences ids={measure.complaintIds} references={references} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap', minWidth: 160 }}>{measure.followUp}</TableCell>
              <TableCell>
                <FollowUpButton measure={measure} />
              </TableCell>
            </TableRow>
          ))}
        </SmallTable>
      )}
    </Panel>
  );
};
