import Chip from '@mui/material/Chip';
import { CreateButton, DataTable, FilterButton, List, ReferenceField, SelectInput, TextField, TopToolbar } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime } from '../complaints/format';
import type { PrivacyRequestRow } from './privacy-api';

export const PrivacyKindChip = ({ kind }: { kind: string }) => {
  const label = useEnumLabel();
  return <Chip size="small" variant="outlined" color={kind === 'ERASURE' ? 'warning' : 'info'} label={label('PrivacyRequestKind', kind)} data-kind={kind} />;
};

export const PrivacyStatusChip = ({ status }: { status: string }) => {
  const label = useEnumLabel();
  return (
    <Chip
      size="small"
      color={status === 'CARRIED_OUT' ? 'success' : 'default'}
      variant={status === 'CARRIED_OUT' ? 'filled' : 'outlined'}
      label={label('PrivacyRequestStatus', status)}
      data-status={status}
    />
  );
};

/** Still RECORDED after its due moment: the month of AVG art. 12(3) has passed without an answer. */
export const isLate = (request: Pick<PrivacyRequestRow, 'status' | 'dueAt'>, now: number = Date.now()): boolean =>
  request.status === 'RECORDED' && new Date(request.dueAt).getTime() < now;

/** "Uiterlijk beantwoorden": the due moment, as a red chip "… — te laat" when it passed unanswered. */
export const PrivacyDueAt = ({ request }: { request: Pick<PrivacyRequestRow, 'status' | 'dueAt'> }) =>
  isLate(request) ? (
    <Chip size="small" color="error" label={`${formatDateTime(request.dueAt)} — te laat`} data-late="true" />
  ) : (
    <span data-late="false">{formatDateTime(request.dueAt)}</span>
  );

const filters = [
  <SelectInput key="kind" source="kind" label="Soort" choices={enumChoices('PrivacyRequestKind')} alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={enumChoices('PrivacyRequestStatus')} alwaysOn />,
];

const Col = DataTable.Col<PrivacyRequestRow>;

/** Privacyverzoeken: access and erasure requests, the latest first (privacyRequestList: the page and the total). */
export const PrivacyRequestList = () => (
  <List
    title="Privacyverzoeken"
    filters={filters}
    sort={{ field: 'receivedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={
      <TopToolbar>
        <FilterButton />
        <CreateButton label="Verzoek vastleggen" />
      </TopToolbar>
    }
    // the filters and "Verzoek vastleggen" stay in view, also before the first request
    empty={false}
  >
    <DataTable<PrivacyRequestRow> rowClick="show" bulkActionButtons={false}>
      <Col source="receivedAt" label="Ontvangen op" disableSort render={(record) => formatDateTime(record.receivedAt)} />
      <Col source="dueAt" label="Uiterlijk beantwoorden" disableSort render={(record) => <PrivacyDueAt request={record} />} />
      <Col source="kind" label="Soort" disableSort render={(record) => <PrivacyKindChip kind={record.kind} />} />
      <Col source="complaintId" label="Via klacht" disableSort>
        {/* one complaintList(filter: { ids }) for the whole page */}
        <ReferenceField source="complaintId" reference="Complaint" link="show">
          <TextField source="reference" />
        </ReferenceField>
      </Col>
      <Col source="status" label="Status" disableSort render={(record) => <PrivacyStatusChip status={record.status} />} />
      <Col source="recordedBy.name" label="Vastgelegd door" disableSort render={(record) => record.recordedBy?.name ?? ''} />
      <Col
        source="carriedOutAt"
        label="Uitgevoerd"
        disableSort
        render={(record) => (record.carriedOutAt ? `${formatDateTime(record.carriedOutAt)}${record.carriedOutBy ? `, ${record.carriedOutBy.name}` : ''}` : '')}
      />
    </DataTable>
  </List>
);
