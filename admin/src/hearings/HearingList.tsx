import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { ChipProps } from '@mui/material/Chip';
import { Fragment } from 'react';
import { AutocompleteInput, Link, List, Pagination, ReferenceInput, SelectInput, useCreatePath, useListContext } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { amsterdamDay, formatDay, TIME_ZONE } from '../complaints/format';
import type { HearingRowFragment } from '../gql/graphql';

/** A row of the agenda (the HearingRow fragment in index.ts). */
export type HearingAgendaRecord = HearingRowFragment;

const searchByName = (searchText: string) => (searchText ? { q: searchText } : {});

const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });

const VIEWS = [
  { value: 'UPCOMING', label: 'Komende hoorzittingen' },
  { value: 'ALL', label: 'Alle hoorzittingen' },
] as const;

/** Komende / Alle: the API's `upcoming` filter (scheduled, from now on) or none. */
const ViewTabs = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const current = filterValues.upcoming === true ? 'UPCOMING' : 'ALL';
  return (
    <Tabs
      value={current}
      onChange={(_event, value: string) => {
        const { upcoming: _upcoming, status: _status, ...others } = filterValues;
        setFilters(value === 'UPCOMING' ? { ...others, upcoming: true } : others, displayedFilters);
      }}
      aria-label="Welke hoorzittingen"
      sx={{ px: 2 }}
    >
      {VIEWS.map((view) => (
        <Tab key={view.value} value={view.value} label={view.label} />
      ))}
    </Tabs>
  );
};

const STATUS_COLOURS: Record<string, ChipProps['color']> = { SCHEDULED: 'info', HELD: 'success', RESCHEDULED: 'default' };

const hearingFilters = [
  <ReferenceInput key="chairId" source="chairId" reference="Staff" alwaysOn>
    <AutocompleteInput label="Voorzitter" optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>,
  <ReferenceInput key="unitId" source="unitId" reference="Unit" alwaysOn>
    <AutocompleteInput label="Eenheid" optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Status" choices={enumChoices('HearingStatus')} />,
];

/** The agenda body: one block per day (Amsterdam), earliest first, as the API sorts it. */
const Agenda = () => {
  const { data, isPending } = useListContext<HearingAgendaRecord>();
  const createPath = useCreatePath();
  const label = useEnumLabel();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        Geen hoorzittingen gevonden.
      </Typography>
    );
  }
  const days: { day: string; hearings: HearingAgendaRecord[] }[] = [];
  for (const hearing of data) {
    const day = amsterdamDay(hearing.scheduledAt);
    const last = days[days.length - 1];
    if (last?.day === day) last.hearings.push(hearing);
    else days.push({ day, hearings: [hearing] });
  }
  const today = amsterdamDay();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Agenda hoorzittingen">
        <TableHead>
          <TableRow>
            <TableCell>Tijd</TableCell>
            <TableCell>Klacht</TableCell>
            <TableCell>Klager</TableCell>
            <TableCell>Vorm</TableCell>
            <TableCell>Locatie</TableCell>
            <TableCell>Voorzitter</TableCell>
            <TableCell>Eenheid</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {days.map(({ day, hearings }) => (
            <Fragment key={day}>
              <TableRow sx={{ bgcolor: 'action.hover' }}>
                <TableCell colSpan={8} component="th" scope="rowgroup">
                  <Typography variant="subtitle2" component="span">
                    {formatDay(day)}
                    {day === today ? ' — vandaag' : ''}
                  </Typography>
                </TableCell>
              </TableRow>
              {hearings.map((hearing) => (
                <TableRow key={hearing.id} data-status={hearing.status}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{timeFormat.format(new Date(hearing.scheduledAt))}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Link to={createPath({ resource: 'Complaint', id: hearing.complaint.id, type: 'show' })}>{hearing.complaint.reference}</Link>
                    <Box component="span" sx={{ ml: 1 }}>
                      <ComplaintStatusChip status={hearing.complaint.status} />
                    </Box>
                  </TableCell>
                  <TableCell>{hearing.complaint.complainant?.name}</TableCell>
                  <TableCell>{label('HearingForm', hearing.form)}</TableCell>
                  <TableCell sx={{ maxWidth: 260, overflowWrap: 'anywhere' }}>{hearing.location}</TableCell>
                  <TableCell>{hearing.chair.name}</TableCell>
                  <TableCell>{hearing.complaint.unit?.name}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={STATUS_COLOURS[hearing.status] ?? 'default'}
                      variant={hearing.status === 'SCHEDULED' ? 'outlined' : 'filled'}
                      label={label('HearingStatus', hearing.status)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** Hoorzittingen: the agenda of upcoming hearings by day, or all of them. */
export const HearingList = () => (
  <List
    title="Hoorzittingen"
    filters={hearingFilters}
    filterDefaultValues={{ upcoming: true }}
    perPage={50}
    exporter={false}
    empty={false}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
  >
    <ViewTabs />
    <Agenda />
  </List>
);
