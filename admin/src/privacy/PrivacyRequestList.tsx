import Chip from '@mui/material/Chip';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
  WithRecord,
} from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime } from '../complaints/format';
import type { PrivacyRequestRow } from './privacy-api';
import { CardLine, listSx, Reference, ResponsiveList } from '../complaints/list-layout';
import type { ComplaintRow } from '../complaints/types';

export const PrivacyKindChip = ({ kind }: { kind: string }) => {
  const label = useEnumLabel();
  return (
    <Chip
      component="span"
      size="small"
      variant="outlined"
      color={kind === 'ERASURE' ? 'warning' : 'info'}
      label={label('PrivacyRequestKind', kind)}
      data-kind={kind}
    />
  );
};

export const PrivacyStatusChip = ({ status }: { status: string }) => {
  const label = useEnumLabel();
  return (
    <Chip
      component="span"
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
    <Chip component="span" size="small" color="error" label={`${formatDateTime(request.dueAt)} — ${translate('app.common.late')}`} data-late="true" />
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

const DueLabel = () => {
  const translate = useTranslate();
  return <>{translate('app.privacy.dueAt')}</>;
};

/** A request on a phone: the complaint it came through (reference, complainant), its kind and status, when it is due. */
const PrivacyCards = () => (
  <SimpleList<PrivacyRequestRow>
    data-layout="cards"
    rowClick="show"
    primaryText={() => (
      // one complaintList(filter: { ids }) for the whole page; no link of its own inside the card's
      <ReferenceField source="complaintId" reference="Complaint" link={false}>
        <WithRecord<ComplaintRow>
          render={(complaint) => (
            <CardLine>
              <Reference strong>{complaint.reference}</Reference>
              {complaint.complainant?.name}
            </CardLine>
          )}
        />
      </ReferenceField>
    )}
    secondaryText={(record) => (
      <>
        <CardLine>
          <PrivacyKindChip kind={record.kind} />
          <PrivacyStatusChip status={record.status} />
        </CardLine>
        <CardLine>
          <DueLabel />
          <PrivacyDueAt request={record} />
        </CardLine>
      </>
    )}
  />
);

/** Privacyverzoeken: access and erasure requests, the latest first (privacyRequestList: the page and the total); cards on a phone. */
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
    sx={listSx}
  >
    <ResponsiveList phone={<PrivacyCards />}>
      <DataTable<PrivacyRequestRow> rowClick="show" bulkActionButtons={false}>
        <Col source="receivedAt" label="app.privacy.receivedAt" disableSort render={(record) => formatDateTime(record.receivedAt)} />
        <Col source="dueAt" label="app.privacy.dueAt" disableSort render={(record) => <PrivacyDueAt request={record} />} />
        <Col source="kind" label="app.privacy.kindShort" disableSort render={(record) => <PrivacyKindChip kind={record.kind} />} />
        <Col source="complaintId" label="app.privacy.throughComplaint" disableSort>
          {/* one complaintList(filter: { ids }) for the whole page */}
          <ReferenceField source="complaintId" reference="Complaint" link="show">
            <TextField source="reference" sx={{ whiteSpace: 'nowrap' }} />
          </ReferenceField>
        </Col>
        <Col source="status" label="app.privacy.status" disableSort render={(record) => <PrivacyStatusChip status={record.status} />} />
        <Col source="recordedBy.name" label="app.privacy.recordedBy" disableSort render={(record) => record.recordedBy?.name ?? ''} />
        <Col source="carriedOutAt" label="app.privacy.carriedOut" disableSort render={(record) => <CarriedOut record={record} />} />
      </DataTable>
    </ResponsiveList>
  </List>
);
