import Typography from '@mui/material/Typography';
import {
  BooleanInput,
  ColumnsButton,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateInput } from '../layout/DateInputs';
import { ReferenceObjectField } from '../schema/field-components';
import { ComplaintStatusChip, DeadlineBadge, useEnumLabel } from './chips';
import { enumChoices } from './choices';
import { amsterdamDay, formatDateTime, formatDay } from './format';
import type { ComplaintRow } from './types';
import { ReferenceByNameInput } from '../layout/list-parts';
import { CardLine, fillCellSx, listSx, Reference, ResponsiveList, Subject, usePhone } from './list-layout';

/** A switch among the filters stays inside the page when the filters wrap (its label's negative margin would not). */
const switchSx = { '& .MuiFormControlLabel-root': { ml: 0 } };

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
    sx={switchSx}
  />,
  <BooleanInput
    key="reopenRequested"
    source="reopenRequested"
    label="app.complaintList.reopenRequested"
    parse={(value: boolean) => (value ? true : null)}
    sx={switchSx}
  />,
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
    {/* the channel, the moment of receipt and the unit are left out by default, so the table fits beside the menu (the
        reference has the day it came in); here they come back */}
    {usePhone() ? null : <ColumnsButton />}
    <CreateButton label="app.intake.title" />
  </TopToolbar>
);

const EnumText = ({ enumName, value }: { enumName: string; value: string }) => {
  const label = useEnumLabel();
  return <>{label(enumName, value)}</>;
};

const Col = DataTable.Col<ComplaintRow>;

/** A complaint on a phone: its reference and status, who complained about what (and its category), the next deadline. */
const ComplaintCards = () => (
  <SimpleList<ComplaintRow>
    data-layout="cards"
    rowClick="show"
    primaryText={(record) => (
      <CardLine>
        <Reference strong>{record.reference}</Reference>
        <ComplaintStatusChip status={record.status} />
      </CardLine>
    )}
    secondaryText={(record) => (
      <>
        <CardLine>
          {record.complainant?.name}
          {record.category ? ` · ${record.category.name}` : ''}
        </CardLine>
        <Subject description={record.description} lines={2} />
        {record.nextDueAt ? (
          <CardLine>
            <DeadlineBadge record={record} />
          </CardLine>
        ) : null}
      </>
    )}
  />
);

/** Klachten: one query per page (complaintList returns the rows and the total); cards on a phone. */
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
      // a compact table: eight columns and the subject beside the menu at 1280 px
      sx={{ ...listSx, '& .MuiTableCell-sizeSmall': { px: 1 }, '& .MuiTableCell-sizeSmall:first-of-type': { pl: 2 } }}
    >
      <ResponsiveList phone={<ComplaintCards />}>
        <DataTable<ComplaintRow> rowClick="show" bulkActionButtons={false} hiddenColumns={['channel', 'receivedAt', 'unit']}>
          <Col
            source="reference"
            label="app.complaintList.reference"
            render={(record) => (
              <>
                <Reference>{record.reference}</Reference>
                <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }} title={formatDateTime(record.receivedAt)}>
                  {formatDay(amsterdamDay(record.receivedAt))}
                </Typography>
              </>
            )}
          />
          <Col source="status" label="app.complaintList.status" render={(record) => <ComplaintStatusChip status={record.status} />} />
          <Col
            source="description"
            label="app.complaintList.subject"
            disableSort
            cellSx={fillCellSx}
            render={(record) => <Subject description={record.description} />}
          />
          <Col source="category" label="app.complaintList.category" disableSort render={(record) => record.category?.name ?? ''} />
          <Col source="complainant.name" label="app.complaintList.complainant" disableSort render={(record) => record.complainant?.name ?? ''} />
          <Col source="channel" label="app.complaintList.channel" disableSort render={(record) => <EnumText enumName="Channel" value={record.channel} />} />
          <Col
            source="receivedAt"
            label="app.complaintList.receivedAt"
            render={(record) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(record.receivedAt)}</span>}
          />
          <Col source="unit" label="app.complaintList.unit" disableSort>
            <ReferenceObjectField source="unit" reference="Unit" displayField="name" />
          </Col>
          <Col source="handler" label="app.complaintList.handler" disableSort>
            <ReferenceObjectField source="handler" reference="Staff" displayField="name" />
          </Col>
          <Col source="nextDueAt" label="app.complaintList.nextDue" render={(record) => <DeadlineBadge record={record} />} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};
