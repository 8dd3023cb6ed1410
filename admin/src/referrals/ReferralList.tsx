import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { DataTable, List, SelectInput } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime, formatDay } from '../complaints/format';
import type { ReferralRowFragment } from '../gql/graphql';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';

/** A row of Doorverwijzingen (the ReferralRow fragment in index.ts). */
export type ReferralListRecord = ReferralRowFragment;

/** Open (awaiting the outcome) / Alle: the API's `open` filter. */
const OPEN_VIEWS = [
  { value: 'OPEN', label: 'Wachten op uitkomst', filter: { open: true } },
  { value: 'ALL', label: 'Alle doorverwijzingen', filter: {} },
] as const;

const referralFilters = [
  <SelectInput key="kind" source="kind" label="Soort partij" choices={enumChoices('ExternalPartyKind')} alwaysOn />,
  <ReferenceByNameInput key="partyId" source="partyId" reference="ExternalParty" label="Externe partij" alwaysOn />,
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

const OutcomeText = ({ record }: { record: ReferralListRecord }) =>
  record.outcomeRecordedAt ? (
    <>
      <Typography variant="body2" component="div" sx={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>
        {record.outcome}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {formatDay(record.outcomeDate)}
      </Typography>
    </>
  ) : (
    <Chip size="small" color="info" variant="outlined" label="Wacht op uitkomst" />
  );

const Col = DataTable.Col<ReferralListRecord>;

/** Doorverwijzingen: referrals to external parties, the open ones (awaiting the outcome) first. */
export const ReferralList = () => (
  <List title="Doorverwijzingen" filters={referralFilters} filterDefaultValues={{ open: true }} perPage={25} exporter={false} empty={false}>
    <FilterTabs views={OPEN_VIEWS} label="Welke doorverwijzingen" />
    <DataTable<ReferralListRecord>
      rowClick={(_id, _resource, record) => `/Complaint/${encodeURIComponent(record.complaint.id)}/show`}
      bulkActionButtons={false}
    >
      <Col source="referredAt" label="Verwezen op" disableSort render={(record) => formatDateTime(record.referredAt)} />
      <Col source="complaint.reference" label="Klacht" disableSort render={(record) => <ComplaintLink complaint={record.complaint} />} />
      <Col source="complaint.status" label="Status klacht" disableSort render={(record) => <ComplaintStatusChip status={record.complaint.status} />} />
      <Col source="party.name" label="Externe partij" disableSort render={(record) => <PartyText record={record} />} />
      <Col source="binding" label="Bindend" disableSort render={(record) => (record.binding ? 'Ja' : 'Nee')} />
      <Col
        source="reason"
        label="Reden"
        disableSort
        render={(record) => (
          <Typography variant="body2" sx={{ maxWidth: 320, whiteSpace: 'pre-wrap' }}>
            {record.reason}
          </Typography>
        )}
      />
      <Col source="outcome" label="Uitkomst" disableSort render={(record) => <OutcomeText record={record} />} />
      <Col source="referredBy.name" label="Verwezen door" disableSort render={(record) => record.referredBy?.name ?? ''} />
    </DataTable>
  </List>
);
