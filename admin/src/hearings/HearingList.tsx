import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ChipProps } from '@mui/material/Chip';
import { Fragment } from 'react';
import { List, Pagination, SelectInput, useListContext } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { amsterdamDay, formatDay, TIME_ZONE } from '../complaints/format';
import type { HearingRowFragment } from '../gql/graphql';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';
import { SmallTable } from '../complaints/panel';

/** A row of the agenda (the HearingRow fragment in index.ts). */
export type HearingAgendaRecord = HearingRowFragment;

const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });

/** Komende / Alle: the API's `upcoming` filter (scheduled, from now on) or none. */
const VIEWS = [
  { value: 'UPCOMING', label: 'Komende hoorzittingen', filter: { upcoming: true } },
  { value: 'ALL', label: 'Alle hoorzittingen', filter: {} },
] as const;

const STATUS_COLOURS: Record<string, ChipProps['color']> = { SCHEDULED: 'info', HELD: 'success', RESCHEDULED: 'default' };

const hearingFilters = [
  <ReferenceByNameInput key="chairId" source="chairId" reference="Staff" label="Voorzitter" alwaysOn />,
  <ReferenceByNameInput key="unitId" source="unitId" reference="Unit" label="Eenheid" alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={enumChoices('HearingStatus')} />,
];

/** The agenda body: one block per day (Amsterdam), earliest first, as the API sorts it. */
const Agenda = () => {
  const { data, isPending } = useListContext<HearingAgendaRecord>();
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
    <SmallTable label="Agenda hoorzittingen" columns={['Tijd', 'Klacht', 'Klager', 'Vorm', 'Locatie', 'Voorzitter', 'Eenheid', 'Status']}>
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
                <ComplaintLink complaint={hearing.complaint} />
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
    </SmallTable>
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
    <FilterTabs views={VIEWS} label="Welke hoorzittingen" clears={['status']} />
    <Agenda />
  </List>
);
