import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DataTable, Link, List, ReferenceInput, useCreatePath, useListContext } from 'react-admin';
import { formatDateTime } from '../complaints/format';
import { FollowUpButton } from './MeasureDialogs';
import { MeasureDue, MeasureStatusChip } from './MeasuresPanel';
import type { MeasureRecord } from './review-api';

const searchByName = (searchText: string) => (searchText ? { q: searchText } : {});

const VIEWS = [
  { value: 'OPEN', label: 'Open', filter: { open: true } },
  { value: 'OVERDUE', label: 'Te laat', filter: { overdue: true } },
  { value: 'DONE', label: 'Uitgevoerd', filter: { open: false } },
  { value: 'ALL', label: 'Alle', filter: {} },
] as const;

/** Open / Te laat / Uitgevoerd / Alle: the API's `open` and `overdue` filters. */
const ViewTabs = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const current = filterValues.overdue === true ? 'OVERDUE' : filterValues.open === true ? 'OPEN' : filterValues.open === false ? 'DONE' : 'ALL';
  return (
    <Tabs
      value={current}
      onChange={(_event, value: string) => {
        const { open: _open, overdue: _overdue, ...others } = filterValues;
        const view = VIEWS.find((candidate) => candidate.value === value);
        setFilters({ ...others, ...view?.filter }, displayedFilters);
      }}
      aria-label="Welke maatregelen"
      sx={{ px: 2 }}
    >
      {VIEWS.map((view) => (
        <Tab key={view.value} value={view.value} label={view.label} />
      ))}
    </Tabs>
  );
};

const measureFilters = [
  <ReferenceInput key="ownerId" source="ownerId" reference="Staff" alwaysOn>
    <AutocompleteInput label="Eigenaar" optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>,
];

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
    <ViewTabs />
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
