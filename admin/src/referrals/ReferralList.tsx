import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { MouseEvent } from 'react';
import { AutocompleteInput, DataTable, Link, List, ReferenceInput, SelectInput, useCreatePath, useListContext } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime, formatDay } from '../complaints/format';
import type { ReferralRowFragment } from '../gql/graphql';

/** A row of Doorverwijzingen (the ReferralRow fragment in index.ts). */
export type ReferralListRecord = ReferralRowFragment;

const searchByName = (searchText: string) => (searchText ? { q: searchText } : {});

/** Open (awaiting the outcome) / Alle: the API's `open` filter. */
const OpenTabs = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const current = filterValues.open === true ? 'OPEN' : 'ALL';
  return (
    <Tabs
      value={current}
      onChange={(_event, value: string) => {
        const { open: _open, ...others } = filterValues;
        setFilters(value === 'OPEN' ? { ...others, open: true } : others, displayedFilters);
      }}
      aria-label="Welke doorverwijzingen"
      sx={{ px: 2 }}
    >
      <Tab value="OPEN" label="Wachten op uitkomst" />
      <Tab value="ALL" label="Alle doorverwijzingen" />
    </Tabs>
  );
};

const referralFilters = [
  <SelectInput key="kind" source="kind" label="Soort partij" choices={enumChoices('ExternalPartyKind')} alwaysOn />,
  <ReferenceInput key="partyId" source="partyId" reference="ExternalParty" alwaysOn>
    <AutocompleteInput label="Externe partij" optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>,
];

const ComplaintLink = ({ record }: { record: ReferralListRecord }) => {
  const createPath = useCreatePath();
  return (
    <Link to={createPath({ resource: 'Complaint', id: record.complaint.id, type: 'show' })} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {record.complaint.reference}
    </Link>
  );
};

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
    <OpenTabs />
    <DataTable<ReferralListRecord>
      rowClick={(_id, _resource, record) => `/Complaint/${encodeURIComponent(record.complaint.id)}/show`}
      bulkActionButtons={false}
    >
      <Col source="referredAt" label="Verwezen op" disableSort render={(record) => formatDateTime(record.referredAt)} />
      <Col source="complaint.reference" label="Klacht" disableSort render={(record) => <ComplaintLink record={record} />} />
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
