import Tab from '@mui/material/Tab';
import type { MouseEvent } from 'react';
import Tabs from '@mui/material/Tabs';
import { AutocompleteInput, DataTable, List, Link, ReferenceInput, SelectInput, useCreatePath, useListContext } from 'react-admin';
import { ComplaintStatusChip, DeadlineStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime, formatDay } from '../complaints/format';
import type { DeadlineRecord } from '../complaints/types';

const searchByName = (searchText: string) => (searchText ? { q: searchText } : {});

const WINDOWS = [
  { value: 'OVERDUE', label: 'Te laat' },
  { value: 'TODAY', label: 'Vandaag' },
  { value: 'THIS_WEEK', label: 'Deze week' },
  { value: 'ALL', label: 'Alle open termijnen' },
] as const;

/** Te laat / Vandaag / Deze week: the API's `due` window (today and this week include overdue). */
const WindowTabs = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const current = typeof filterValues.due === 'string' ? filterValues.due : 'ALL';
  return (
    <Tabs
      value={current}
      onChange={(_event, value: string) => {
        const { due: _due, ...others } = filterValues;
        setFilters(value === 'ALL' ? others : { ...others, due: value }, displayedFilters);
      }}
      aria-label="Termijnvenster"
      sx={{ px: 2 }}
    >
      {WINDOWS.map((window) => (
        <Tab key={window.value} value={window.value} label={window.label} />
      ))}
    </Tabs>
  );
};

const deadlineFilters = [
  <SelectInput key="kind" source="kind" label="Soort termijn" choices={enumChoices('DeadlineKind')} alwaysOn />,
  <ReferenceInput key="unitId" source="unitId" reference="Unit" alwaysOn>
    <AutocompleteInput label="Eenheid" optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>,
  <ReferenceInput key="handlerId" source="handlerId" reference="Staff" alwaysOn>
    <AutocompleteInput label="Behandelaar" optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>,
];

const ComplaintLink = ({ record }: { record: DeadlineRecord }) => {
  const createPath = useCreatePath();
  return (
    <Link to={createPath({ resource: 'Complaint', id: record.complaint.id, type: 'show' })} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {record.complaint.reference}
    </Link>
  );
};

const KindText = ({ kind }: { kind: string }) => {
  const label = useEnumLabel();
  return <>{label('DeadlineKind', kind)}</>;
};

const Col = DataTable.Col<DeadlineRecord>;

/** Termijnen: the open deadlines, earliest first, by window (overdue, today, this week). */
export const DeadlineList = () => (
  <List
    title="Termijnen"
    filters={deadlineFilters}
    filterDefaultValues={{ due: 'THIS_WEEK' }}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={false}
    empty={false}
  >
    <WindowTabs />
    <DataTable<DeadlineRecord> rowClick={(_id, _resource, record) => `/Complaint/${encodeURIComponent(record.complaint.id)}/show`} bulkActionButtons={false}>
      <Col source="dueAt" label="Uiterlijk" disableSort render={(record) => <span title={formatDateTime(record.dueAt)}>{formatDay(record.dueDate)}</span>} />
      <Col source="status" label="Status" disableSort render={(record) => <DeadlineStatusChip deadline={record} />} />
      <Col source="kind" label="Termijn" disableSort render={(record) => <KindText kind={record.kind} />} />
      <Col source="complaint.reference" label="Klacht" disableSort render={(record) => <ComplaintLink record={record} />} />
      <Col source="complaint.status" label="Status klacht" disableSort render={(record) => <ComplaintStatusChip status={record.complaint.status} />} />
      <Col source="complaint.complainant.name" label="Klager" disableSort render={(record) => record.complaint.complainant?.name ?? ''} />
      <Col source="complaint.unit.name" label="Eenheid" disableSort render={(record) => record.complaint.unit?.name ?? ''} />
      <Col source="complaint.handler.name" label="Behandelaar" disableSort render={(record) => record.complaint.handler?.name ?? 'Niet toegewezen'} />
    </DataTable>
  </List>
);
