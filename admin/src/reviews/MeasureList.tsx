import Typography from '@mui/material/Typography';
import { DataTable, Link, List, useCreatePath } from 'react-admin';
import { formatDateTime } from '../complaints/format';
import { FollowUpButton } from './MeasureDialogs';
import { MeasureDue, MeasureStatusChip } from './MeasuresPanel';
import type { MeasureRecord } from './review-api';
import { FilterTabs, ReferenceByNameInput } from '../layout/list-parts';

/** Open / Te laat / Uitgevoerd / Alle: the API's `open` and `overdue` filters. */
const VIEWS = [
  { value: 'OPEN', label: 'Open', filter: { open: true } },
  { value: 'OVERDUE', label: 'Te laat', filter: { overdue: true } },
  { value: 'DONE', label: 'Uitgevoerd', filter: { open: false } },
  { value: 'ALL', label: 'Alle', filter: {} },
] as const;

const measureFilters = [<ReferenceByNameInput key="ownerId" source="ownerId" reference="Staff" label="Eigenaar" alwaysOn />];

const ReviewLink = ({ record }: { record: MeasureRecord }) => {
  const createPath = useCreatePath();
  return <Link to={createPath({ resource: 'Review', id: record.reviewId, type: 'show' })}>Inventarisatie</Link>;
};

const Col = DataTable.Col<MeasureRecord>;

/** Maatregelen: the preventive measures of every review, to follow up (open, overdue, per owner). */
export const MeasureList = () => (
  <List
    title="Maatregelen"
    filters={measureFilters}
    filterDefaultValues={{ open: true }}
    sort={{ field: 'dueDate', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={false}
    empty={false}
  >
    <FilterTabs views={VIEWS} label="Welke maatregelen" />
    <DataTable<MeasureRecord> rowClick={false} bulkActionButtons={false}>
      <Col
        source="description"
        label="Maatregel"
        disableSort
        render={(record) => (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>
            {record.description}
          </Typography>
        )}
      />
      <Col source="owner.name" label="Eigenaar" disableSort render={(record) => record.owner.name} />
      <Col source="dueDate" label="Uiterlijk" disableSort render={(record) => <MeasureDue measure={record} />} />
      <Col source="status" label="Status" disableSort render={(record) => <MeasureStatusChip status={record.status} />} />
      <Col
        source="followUp"
        label="Opvolging"
        disableSort
        render={(record) => (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: 320 }}>
            {record.followUp}
          </Typography>
        )}
      />
      <Col source="doneAt" label="Uitgevoerd op" disableSort render={(record) => formatDateTime(record.doneAt)} />
      <Col source="reviewId" label="Uit" disableSort render={(record) => <ReviewLink record={record} />} />
      <Col label="" disableSort render={(record) => <FollowUpButton measure={record} />} />
    </DataTable>
  </List>
);
