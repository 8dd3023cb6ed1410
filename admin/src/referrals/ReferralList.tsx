import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { DataTable, List, SelectInput, useTranslate } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime, formatDay } from '../complaints/format';
import type { ReferralRowFragment } from '../gql/graphql';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';

/** A row of Doorverwijzingen (the ReferralRow fragment in index.ts). */
export type ReferralListRecord = ReferralRowFragment;

/** Open (awaiting the outcome) / Alle: the API's `open` filter. */
const OPEN_VIEWS = [
  { value: 'OPEN', label: 'app.referrals.open', filter: { open: true } },
  { value: 'ALL', label: 'app.referrals.all', filter: {} },
] as const;

const referralFilters = [
  <SelectInput key="kind" source="kind" label="app.referrals.partyKind" choices={enumChoices('ExternalPartyKind')} alwaysOn />,
  <ReferenceByNameInput key="partyId" source="partyId" reference="ExternalParty" label="app.referrals.party" alwaysOn />,
];

const PartyText = ({ record }: { record: ReferralListRecord }) => {
  const label = useEnumLabel();
  return (
    <>
      {record.party.name}
      <Typography variant="caption" color="text.secondary" component="div">
        {label('ExternalPartyKind', record.party.kind)}
      </Typography>
    </>
  );
};

const OutcomeText = ({ record }: { record: ReferralListRecord }) => {
  const translate = useTranslate();
  return record.outcomeRecordedAt ? (
    <>
      <Typography variant="body2" component="div" sx={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>
        {record.outcome}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {formatDay(record.outcomeDate)}
      </Typography>
    </>
  ) : (
    <Chip size="small" color="info" variant="outlined" label={translate('app.referral.awaitingOutcome')} />
  );
};

const YesNo = ({ value }: { value: boolean }) => {
  const translate = useTranslate();
  return <>{translate(value ? 'app.common.yes' : 'app.common.no')}</>;
};

const Col = DataTable.Col<ReferralListRecord>;

/** Doorverwijzingen: referrals to external parties, the open ones (awaiting the outcome) first. */
export const ReferralList = () => (
  <List title="app.referrals.title" filters={referralFilters} filterDefaultValues={{ open: true }} perPage={25} exporter={false} empty={false}>
    <FilterTabs views={OPEN_VIEWS} label="app.referrals.which" />
    <DataTable<ReferralListRecord>
      rowClick={(_id, _resource, record) => `/Complaint/${encodeURIComponent(record.complaint.id)}/show`}
      bulkActionButtons={false}
    >
      <Col source="referredAt" label="app.referrals.referredAt" disableSort render={(record) => formatDateTime(record.referredAt)} />
      <Col source="complaint.reference" label="app.referrals.complaint" disableSort render={(record) => <ComplaintLink complaint={record.complaint} />} />
      <Col
        source="complaint.status"
        label="app.referrals.complaintStatus"
        disableSort
        render={(record) => <ComplaintStatusChip status={record.complaint.status} />}
      />
      <Col source="party.name" label="app.referrals.party" disableSort render={(record) => <PartyText record={record} />} />
      <Col source="binding" label="app.referrals.binding" disableSort render={(record) => <YesNo value={record.binding} />} />
      <Col
        source="reason"
        label="app.referrals.reason"
        disableSort
        render={(record) => (
          <Typography variant="body2" sx={{ maxWidth: 320, whiteSpace: 'pre-wrap' }}>
            {record.reason}
          </Typography>
        )}
      />
      <Col source="outcome" label="app.referrals.outcome" disableSort render={(record) => <OutcomeText record={record} />} />
      <Col source="referredBy.name" label="app.referrals.referredBy" disableSort render={(record) => record.referredBy?.name ?? ''} />
    </DataTable>
  </List>
);
