import { DataTable, List, SelectInput } from 'react-admin';
import { ComplaintStatusChip, DeadlineStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime, formatDay } from '../complaints/format';
import type { DeadlineRecord } from '../complaints/types';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';

/** Te laat / Vandaag / Deze week: the API's `due` window (today and this week include overdue). */
const WINDOWS = [
  { value: 'OVERDUE', label: 'Te laat', filter: { due: 'OVERDUE' } },
  { value: 'TODAY', label: 'Vandaag', filter: { due: 'TODAY' } },
  { value: 'THIS_WEEK', label: 'Deze week', filter: { due: 'THIS_WEEK' } },
  { value: 'ALL', label: 'Alle open termijnen', filter: {} },
] as const;

const deadlineFilters = [
  <SelectInput key="kind" source="kind" label="Soort termijn" choices={enumChoices('DeadlineKind')} alwaysOn />,
  <ReferenceByNameInput key="unitId" source="unitId" reference="Unit" label="Eenheid" alwaysOn />,
  <ReferenceByNameInput key="handlerId" source="handlerId" reference="Staff" label="Behandelaar" alwaysOn />,
];

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
    <FilterTabs views={WINDOWS} label="Termijnvenster" />
    <DataTable<DeadlineRecord> rowClick={(_id, _resource, record) => `/Complaint/${encodeURIComponent(record.complaint.id)}/show`} bulkActionButtons={false}>
      <Col source="dueAt" label="Uiterlijk" disableSort render={(record) => <span title={formatDateTime(record.dueAt)}>{formatDay(record.dueDate)}</span>} />
      <Col source="status" label="Status" disableSort render={(record) => <DeadlineStatusChip deadline={record} />} />
      <Col source="kind" label="Termijn" disableSort render={(record) => <KindText kind={record.kind} />} />
      <Col source="complaint.reference" label="Klacht" disableSort render={(record) => <ComplaintLink complaint={record.complaint} />} />
      <Col source="complaint.status" label="Status klacht" disableSort render={(record) => <ComplaintStatusChip status={record.complaint.status} />} />
      <Col source="complaint.complainant.name" label="Klager" disableSort render={(record) => record.complaint.complainant?.name ?? ''} />
      <Col source="complaint.unit.name" label="Eenheid" disableSort render={(record) => record.complaint.unit?.name ?? ''} />
      <Col source="complaint.handler.name" label="Behandelaar" disableSort render={(record) => record.complaint.handler?.name ?? 'Niet toegewezen'} />
    </DataTable>
  </List>
);
