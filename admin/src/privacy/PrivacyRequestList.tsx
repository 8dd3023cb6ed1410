import Chip from '@mui/material/Chip';
import { CreateButton, DataTable, FilterButton, List, ReferenceField, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
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
export const PrivacyDueAt = ({ request }: { request: Pick<PrivacyRequestRow, 'status' | 'dueAt'> }) => {
  const translate = useTranslate();
  return isLate(request) ? (
    <Chip size="small" color="error" label={`${formatDateTime(request.dueAt)} — ${translate('app.common.late')}`} data-late="true" />
  ) : (
    <span data-late="false">{formatDateTime(request.dueAt)}</span>
  );
};

const CarriedOut = ({ record }: { record: PrivacyRequestRow }) => {
  const translate = useTranslate();
  if (!record.carriedOutAt) return null;
  const at = formatDateTime(record.carriedOutAt);
  return <>{record.carriedOutBy ? translate('app.privacy.carriedOutBy', { at, name: record.carriedOutBy.name }) : at}</>;
};

const filters = [
  <SelectInput key="kind" source="kind" label="app.privacy.kindShort" choices={enumChoices('PrivacyRequestKind')} alwaysOn />,
  <SelectInput key="status" source="status" label="app.privacy.status" choices={enumChoices('PrivacyRequestStatus')} alwaysOn />,
];

const Col = DataTable.Col<PrivacyRequestRow>;

/** Privacyverzoeken: access and erasure requests, the latest first (privacyRequestList: the page and the total). */
export const PrivacyRequestList = () => (
  <List
    title="app.privacy.title"
    filters={filters}
    sort={{ field: 'receivedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={
      <TopToolbar>
        <FilterButton />
        <CreateButton label="app.privacy.record" />
      </TopToolbar>
    }
    // the filters and "Verzoek vastleggen" stay in view, also before the first request
    empty={false}
  >
    <DataTable<PrivacyRequestRow> rowClick="show" bulkActionButtons={false}>
      <Col source="receivedAt" label="app.privacy.receivedAt" disableSort render={(record) => formatDateTime(record.receivedAt)} />
      <Col source="dueAt" label="app.privacy.dueAt" disableSort render={(record) => <PrivacyDueAt request={record} />} />
      <Col source="kind" label="app.privacy.kindShort" disableSort render={(record) => <PrivacyKindChip kind={record.kind} />} />
      <Col source="complaintId" label="app.privacy.throughComplaint" disableSort>
        {/* one complaintList(filter: { ids }) for the whole page */}
        <ReferenceField source="complaintId" reference="Complaint" link="show">
          <TextField source="reference" />
        </ReferenceField>
      </Col>
      <Col source="status" label="app.privacy.status" disableSort render={(record) => <PrivacyStatusChip status={record.status} />} />
      <Col source="recordedBy.name" label="app.privacy.recordedBy" disableSort render={(record) => record.recordedBy?.name ?? ''} />
      <Col source="carriedOutAt" label="app.privacy.carriedOut" disableSort render={(record) => <CarriedOut record={record} />} />
    </DataTable>
  </List>
);
