import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { DataTable, List, SelectInput, SimpleList, type Identifier, type RaRecord, useDataProvider, useListContext, useTranslate } from 'react-admin';
import { ComplaintStatusChip, DeadlineBadge, DeadlineStatusChip, useEnumLabel, useLateness } from '../complaints/chips';
import { CardLine, listSx, Reference, ResponsiveList, Subject } from '../complaints/list-layout';
import { enumChoices } from '../complaints/choices';
import { formatCount, formatDateTime, formatDay } from '../complaints/format';
import type { DeadlineRecord } from '../complaints/types';
import { graphql } from '../gql';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';
import type { GraphQLDataProvider } from '../providers/graphql-call';

/** How many open deadlines each tab holds, for the unit and handler filtered on. */
const DEADLINE_COUNTS = graphql(`
  query DeadlineCounts($filter: DeadlineCountFilter) {
    deadlineCounts(filter: $filter) {
      overdue
      today
      laterThisWeek
    }
  }
`);

const deadlineFilters = [
  <SelectInput key="kind" source="kind" label="app.deadlines.kindFilter" choices={enumChoices('DeadlineKind')} alwaysOn />,
  <ReferenceByNameInput key="unitId" source="unitId" reference="Unit" label="app.deadlines.unit" alwaysOn />,
  <ReferenceByNameInput key="handlerId" source="handlerId" reference="Staff" label="app.deadlines.handler" alwaysOn />,
  // Mijn werk's figures lead here with the reader as who owes them: shown while it filters, to be cleared
  <ReferenceByNameInput key="owedBy" source="owedBy" reference="Staff" label="app.deadlines.owedBy" />,
];

/**
 * Te laat / Vandaag / Later deze week: the API's `due` windows, which do not overlap, each with its count (for the unit
 * and handler filtered on); then every open deadline.
 */
const WindowTabs = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const { filterValues } = useListContext();
  const filter = { unitId: filterValues.unitId ?? null, handlerId: filterValues.handlerId ?? null, owedBy: filterValues.owedBy ?? null };
  const { data } = useQuery({
    queryKey: ['deadlineCounts', filter],
    queryFn: () => dataProvider.graphql({ document: DEADLINE_COUNTS, variables: { filter } }),
  });
  const counts = data?.deadlineCounts;
  const LABELS = { overdue: 'app.deadlines.overdue', today: 'app.deadlines.today', laterThisWeek: 'app.deadlines.laterThisWeek' } as const;
  const tab = (key: keyof typeof LABELS) =>
    counts ? translate('app.deadlines.tab', { label: translate(LABELS[key]), count: formatCount(counts[key]) }) : translate(LABELS[key]);
  const windows = [
    { value: 'OVERDUE', label: tab('overdue'), filter: { due: 'OVERDUE' } },
    { value: 'TODAY', label: tab('today'), filter: { due: 'TODAY' } },
    { value: 'LATER_THIS_WEEK', label: tab('laterThisWeek'), filter: { due: 'LATER_THIS_WEEK' } },
    { value: 'ALL', label: translate('app.deadlines.all'), filter: {} },
  ];
  return <FilterTabs views={windows} label={translate('app.deadlines.windows')} />;
};

const NOTHING = { OVERDUE: 'overdue', TODAY: 'today', LATER_THIS_WEEK: 'laterThisWeek' } as const;

/** An empty window says so plainly: the window is the tab, not a filter to clear; the filters chosen are named. */
const NothingDue = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const window = NOTHING[filterValues.due as keyof typeof NOTHING] ?? 'all';
  const filtered = Object.entries(filterValues).some(([key, value]) => key !== 'due' && value !== undefined && value !== null && value !== '');
  return (
    <Typography sx={{ p: 2 }} color="text.secondary" data-empty="deadlines">
      {translate(`app.deadlines.nothing.${window}`)}
      {filtered ? ` ${translate('app.deadlines.nothingFiltered')}` : ''}
    </Typography>
  );
};

const KindText = ({ kind }: { kind: string }) => {
  const label = useEnumLabel();
  return <>{label('DeadlineKind', kind)}</>;
};

const Lateness = ({ record }: { record: DeadlineRecord }) => {
  const lateness = useLateness();
  return <>{record.metAt ? '' : lateness(record.workingDaysLate)}</>;
};

const HandlerName = ({ record }: { record: DeadlineRecord }) => {
  const translate = useTranslate();
  return <>{record.complaint.handler?.name ?? translate('app.complaint.notAssigned')}</>;
};

const Col = DataTable.Col<DeadlineRecord>;

/** A row opens its complaint (deadlines have no page of their own). */
const complaintPath = (_id: Identifier, _resource: string, record: RaRecord) =>
  `/Complaint/${encodeURIComponent((record as DeadlineRecord).complaint.id)}/show`;

/** A deadline on a phone: its complaint (reference, status, complainant, subject), then what is due when, as a chip. */
const DeadlineCards = () => (
  <SimpleList<DeadlineRecord>
    data-layout="cards"
    empty={<NothingDue />}
    rowClick={complaintPath}
    primaryText={(record) => (
      <CardLine>
        <Reference strong>{record.complaint.reference}</Reference>
        <ComplaintStatusChip status={record.complaint.status} />
      </CardLine>
    )}
    secondaryText={(record) => (
      <>
        <CardLine>
          {record.complaint.complainant?.name}
          {record.complaint.handler ? ` · ${record.complaint.handler.name}` : ''}
        </CardLine>
        <Subject description={record.complaint.description} lines={2} />
        <CardLine>
          <DeadlineBadge record={{ nextDueAt: record.dueAt, nextDueKind: record.kind, nextDueWorkingDaysLate: record.metAt ? null : record.workingDaysLate }} />
          {record.status === 'PAUSED' ? <DeadlineStatusChip deadline={record} /> : null}
        </CardLine>
      </>
    )}
  />
);

/** Termijnen: the open deadlines, earliest first, by window (overdue, later today, later this week); cards on a phone. */
export const DeadlineList = () => (
  <List
    title="app.deadlines.title"
    filters={deadlineFilters}
    filterDefaultValues={{ due: 'OVERDUE' }}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={false}
    empty={false}
    sx={listSx}
  >
    <WindowTabs />
    <ResponsiveList phone={<DeadlineCards />}>
      <DataTable<DeadlineRecord> rowClick={complaintPath} bulkActionButtons={false} empty={<NothingDue />}>
        <Col
          source="dueAt"
          label="app.deadlines.dueBy"
          disableSort
          render={(record) => (
            <span title={formatDateTime(record.dueAt)} style={{ whiteSpace: 'nowrap' }}>
              {formatDay(record.dueDate)}
            </span>
          )}
        />
        <Col source="status" label="app.deadlines.status" disableSort render={(record) => <DeadlineStatusChip deadline={record} />} />
        <Col source="workingDaysLate" label="app.deadlines.late" disableSort render={(record) => <Lateness record={record} />} />
        <Col source="kind" label="app.deadlines.kind" disableSort render={(record) => <KindText kind={record.kind} />} />
        <Col source="complaint.reference" label="app.deadlines.complaint" disableSort render={(record) => <ComplaintLink complaint={record.complaint} />} />
        <Col
          source="complaint.status"
          label="app.deadlines.complaintStatus"
          disableSort
          render={(record) => <ComplaintStatusChip status={record.complaint.status} />}
        />
        <Col source="complaint.complainant.name" label="app.deadlines.complainant" disableSort render={(record) => record.complaint.complainant?.name ?? ''} />
        <Col source="complaint.unit.name" label="app.deadlines.unit" disableSort render={(record) => record.complaint.unit?.name ?? ''} />
        <Col source="complaint.handler.name" label="app.deadlines.handler" disableSort render={(record) => <HandlerName record={record} />} />
      </DataTable>
    </ResponsiveList>
  </List>
);
