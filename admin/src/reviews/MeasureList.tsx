import Typography from '@mui/material/Typography';
import { DataTable, Link, List, useCreatePath, useTranslate } from 'react-admin';
import { formatDateTime } from '../complaints/format';
import { FollowUpButton } from './MeasureDialogs';
import { MeasureDue, MeasureStatusChip } from './MeasuresPanel';
import type { MeasureRecord } from './review-api';
import { FilterTabs, ReferenceByNameInput } from '../layout/list-parts';

/** Open / Te laat / Uitgevoerd / Alle: the API's `open` and `overdue` filters. */
const VIEWS = [
  { value: 'OPEN', label: 'app.measures.tabOpen', filter: { open: true } },
  { value: 'OVERDUE', label: 'app.measures.tabOverdue', filter: { overdue: true } },
  { value: 'DONE', label: 'app.measures.tabDone', filter: { open: false } },
  { value: 'ALL', label: 'app.measures.tabAll', filter: {} },
] as const;

const measureFilters = [<ReferenceByNameInput key="ownerId" source="ownerId" reference="Staff" label="app.measures.owner" alwaysOn />];

const ReviewLink = ({ record }: { record: MeasureRecord }) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  return <Link to={createPath({ resource: 'Review', id: record.reviewId, type: 'show' })}>{translate('app.measures.review')}</Link>;
};

const Col = DataTable.Col<MeasureRecord>;

/** Maatregelen: the preventive measures of every review, to follow up (open, overdue, per owner). */
export const MeasureList = () => (
  <List
    title="app.measures.title"
    filters={measureFilters}
    filterDefaultValues={{ open: true }}
    sort={{ field: 'dueDate', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={false}
    empty={false}
  >
    <FilterTabs views={VIEWS} label="app.measures.which" />
    <DataTable<MeasureRecord> rowClick={false} bulkActionButtons={false}>
      <Col
        source="description"
        label="app.measures.measure"
        disableSort
        render={(record) => (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>
            {record.description}
          </Typography>
        )}
      />
      <Col source="owner.name" label="app.measures.owner" disableSort render={(record) => record.owner.name} />
      <Col source="dueDate" label="app.measures.dueBy" disableSort render={(record) => <MeasureDue measure={record} />} />
      <Col source="status" label="app.measures.status" disableSort render={(record) => <MeasureStatusChip status={record.status} />} />
      <Col
        source="followUp"
        label="app.measures.followUp"
        disableSort
        render={(record) => (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: 320 }}>
            {record.followUp}
          </Typography>
        )}
      />
      <Col source="doneAt" label="app.measures.doneAt" disableSort render={(record) => formatDateTime(record.doneAt)} />
      <Col source="reviewId" label="app.measures.from" disableSort render={(record) => <ReviewLink record={record} />} />
      <Col label="" disableSort render={(record) => <FollowUpButton measure={record} />} />
    </DataTable>
  </List>
);
