import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { DataTable, List, SelectInput, SimpleList, useTranslate, type Identifier, type RaRecord } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime, formatDay } from '../complaints/format';
import type { ReferralRowFragment } from '../gql/graphql';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';
import { CardLine, listSx, Reference, ResponsiveList, Subject } from '../complaints/list-layout';

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

/** A row opens its complaint (no `referral(id)`). */
const complaintPath = (_id: Identifier, _resource: string, record: RaRecord) =>
  `/Complaint/${encodeURIComponent((record as ReferralListRecord).complaint.id)}/show`;

/** The outcome on a card: awaited (a chip), or when it came. */
const OutcomeChip = ({ record }: { record: ReferralListRecord }) => {
  const translate = useTranslate();
  return record.outcomeRecordedAt ? (
    <Chip
      component="span"
      size="small"
      color="success"
      variant="outlined"
      label={translate('app.referrals.outcomeOf', { date: formatDay(record.outcomeDate) })}
    />
  ) : (
    <Chip component="span" size="small" color="info" variant="outlined" label={translate('app.referral.awaitingOutcome')} />
  );
};

/** A referral on a phone: its complaint (reference, status, complainant, subject), the party and when, the outcome. */
const ReferralCards = () => {
  const label = useEnumLabel();
  const translate = useTranslate();
  return (
    <SimpleList<ReferralListRecord>
      data-layout="cards"
      rowClick={complaintPath}
      primaryText={(record) => (
        <CardLine>
          <Reference strong>{record.complaint.reference}</Reference>
          <ComplaintStatusChip status={record.complaint.status} />
        </CardLine>
      )}
      secondaryText={(record) => (
        <>
          <CardLine>{record.complaint.complainant?.name}</CardLine>
          <Subject description={record.complaint.description} lines={2} />
          <CardLine>
            {translate('app.referrals.partyOn', {
              party: translate('app.steps.party', { name: record.party.name, kind: label('ExternalPartyKind', record.party.kind) }),
              date: formatDateTime(record.referredAt),
            })}
          </CardLine>
          <CardLine>
            <OutcomeChip record={record} />
          </CardLine>
        </>
      )}
    />
  );
};

/** Doorverwijzingen: referrals to external parties, the open ones (awaiting the outcome) first; cards on a phone. */
export const ReferralList = () => (
  <List title="app.referrals.title" filters={referralFilters} filterDefaultValues={{ open: true }} perPage={25} exporter={false} empty={false} sx={listSx}>
    <FilterTabs views={OPEN_VIEWS} label="app.referrals.which" />
    <ResponsiveList phone={<ReferralCards />}>
      <DataTable<ReferralListRecord> rowClick={complaintPath} bulkActionButtons={false}>
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
    </ResponsiveList>
  </List>
);
