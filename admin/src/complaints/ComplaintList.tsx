import { BooleanInput, CreateButton, DataTable, FilterButton, List, SearchInput, SelectArrayInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { DateInput } from '../layout/DateInputs';
import { ReferenceObjectField } from '../schema/field-components';
import { ComplaintStatusChip, DeadlineBadge, useEnumLabel } from './chips';
import { enumChoices } from './choices';
import { formatDateTime } from './format';
import type { ComplaintRow } from './types';
import { ReferenceByNameInput } from '../layout/list-parts';

/** The list's filters; labels are i18n keys (react-admin translates them), the search's placeholder is translated here. */
const complaintFilters = (searchPlaceholder: string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={searchPlaceholder} />,
  <SelectArrayInput key="status" source="status" label="app.complaintList.status" choices={enumChoices('ComplaintStatus')} alwaysOn sx={{ minWidth: 200 }} />,
  <BooleanInput
    key="overdue"
    source="overdue"
    label="app.complaintList.onlyOverdue"
    alwaysOn
    // off means "no filter", not "only what is on time"
    parse={(value: boolean) => (value ? true : null)}
  />,
  <BooleanInput key="reopenRequested" source="reopenRequested" label="app.complaintList.reopenRequested" parse={(value: boolean) => (value ? true : null)} />,
  <ReferenceByNameInput key="unitId" source="unitId" reference="Unit" label="app.complaintList.unit" />,
  <ReferenceByNameInput key="handlerId" source="handlerId" reference="Staff" label="app.complaintList.handler" />,
  <ReferenceByNameInput key="categoryId" source="categoryId" reference="Category" label="app.complaintList.category" />,
  <SelectInput key="channel" source="channel" label="app.complaintList.channel" choices={enumChoices('Channel')} />,
  <SelectInput key="kind" source="kind" label="app.complaintList.kind" choices={enumChoices('ComplaintKind')} />,
  <DateInput key="receivedFrom" source="receivedFrom" label="app.complaintList.receivedFrom" asFilter />,
  <DateInput key="receivedTo" source="receivedTo" label="app.complaintList.receivedTo" asFilter />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="app.intake.title" />
  </TopToolbar>
);

const EnumText = ({ enumName, value }: { enumName: string; value: string }) => {
  const label = useEnumLabel();
  return <>{label(enumName, value)}</>;
};

const Col = DataTable.Col<ComplaintRow>;

/** Klachten: one query per page (complaintList returns the rows and the total). */
export const ComplaintList = () => {
  const translate = useTranslate();
  return (
    <List
      title="app.complaintList.title"
      filters={complaintFilters(translate('app.complaintList.search'))}
      actions={<ListActions />}
      sort={{ field: 'nextDueAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      // the filters and "Klacht registreren" stay in view, also before the first complaint
      empty={false}
    >
      <DataTable<ComplaintRow> rowClick="show" bulkActionButtons={false}>
        <Col source="reference" label="app.complaintList.reference" render={(record) => <span style={{ whiteSpace: 'nowrap' }}>{record.reference}</span>} />
        <Col source="status" label="app.complaintList.status" render={(record) => <ComplaintStatusChip status={record.status} />} />
        <Col source="channel" label="app.complaintList.channel" disableSort render={(record) => <EnumText enumName="Channel" value={record.channel} />} />
        <Col source="receivedAt" label="app.complaintList.receivedAt" render={(record) => formatDateTime(record.receivedAt)} />
        <Col source="complainant.name" label="app.complaintList.complainant" disableSort render={(record) => record.complainant?.name ?? ''} />
        <Col source="unit" label="app.complaintList.unit" disableSort>
          <ReferenceObjectField source="unit" reference="Unit" displayField="name" />
        </Col>
        <Col source="handler" label="app.complaintList.handler" disableSort>
          <ReferenceObjectField source="handler" reference="Staff" displayField="name" />
        </Col>
        <Col source="nextDueAt" label="app.complaintList.nextDue" render={(record) => <DeadlineBadge record={record} />} />
      </DataTable>
    </List>
  );
};
