import { BooleanInput, CreateButton, DataTable, DateInput, FilterButton, List, SearchInput, SelectArrayInput, SelectInput, TopToolbar } from 'react-admin';
import { ReferenceObjectField } from '../schema/field-components';
import { ComplaintStatusChip, DeadlineBadge, useEnumLabel } from './chips';
import { enumChoices } from './choices';
import { formatDateTime } from './format';
import type { ComplaintRow } from './types';
import { ReferenceByNameInput } from '../layout/list-parts';

const complaintFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Kenmerk, naam, e-mail, tekst" />,
  <SelectArrayInput key="status" source="status" label="Status" choices={enumChoices('ComplaintStatus')} alwaysOn sx={{ minWidth: 200 }} />,
  <BooleanInput
    key="overdue"
    source="overdue"
    label="Alleen te laat"
    alwaysOn
    // off means "no filter", not "only what is on time"
    parse={(value: boolean) => (value ? true : null)}
  />,
  <BooleanInput key="reopenRequested" source="reopenRequested" label="Klager vraagt heropening" parse={(value: boolean) => (value ? true : null)} />,
  <ReferenceByNameInput key="unitId" source="unitId" reference="Unit" label="Eenheid" />,
  <ReferenceByNameInput key="handlerId" source="handlerId" reference="Staff" label="Behandelaar" />,
  <ReferenceByNameInput key="categoryId" source="categoryId" reference="Category" label="Categorie" />,
  <SelectInput key="channel" source="channel" label="Kanaal" choices={enumChoices('Channel')} />,
  <SelectInput key="kind" source="kind" label="Soort" choices={enumChoices('ComplaintKind')} />,
  <DateInput key="receivedFrom" source="receivedFrom" label="Ontvangen vanaf" />,
  <DateInput key="receivedTo" source="receivedTo" label="Ontvangen tot en met" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Klacht registreren" />
  </TopToolbar>
);

const EnumText = ({ enumName, value }: { enumName: string; value: string }) => {
  const label = useEnumLabel();
  return <>{label(enumName, value)}</>;
};

const Col = DataTable.Col<ComplaintRow>;

/** Klachten: one query per page (complaintList returns the rows and the total). */
export const ComplaintList = () => (
  <List
    title="Klachten"
    filters={complaintFilters}
    actions={<ListActions />}
    sort={{ field: 'nextDueAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    // the filters and "Klacht registreren" stay in view, also before the first complaint
    empty={false}
  >
    <DataTable<ComplaintRow> rowClick="show" bulkActionButtons={false}>
      <Col source="reference" label="Kenmerk" render={(record) => <span style={{ whiteSpace: 'nowrap' }}>{record.reference}</span>} />
      <Col source="status" label="Status" render={(record) => <ComplaintStatusChip status={record.status} />} />
      <Col source="channel" label="Kanaal" disableSort render={(record) => <EnumText enumName="Channel" value={record.channel} />} />
      <Col source="receivedAt" label="Ontvangen op" render={(record) => formatDateTime(record.receivedAt)} />
      <Col source="complainant.name" label="Klager" disableSort render={(record) => record.complainant?.name ?? ''} />
      <Col source="unit" label="Eenheid" disableSort>
        <ReferenceObjectField source="unit" reference="Unit" displayField="name" />
      </Col>
      <Col source="handler" label="Behandelaar" disableSort>
        <ReferenceObjectField source="handler" reference="Staff" displayField="name" />
      </Col>
      <Col source="nextDueAt" label="Eerstvolgende termijn" render={(record) => <DeadlineBadge record={record} />} />
    </DataTable>
  </List>
);
