import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ChipProps } from '@mui/material/Chip';
import { Fragment } from 'react';
import { List, Pagination, SelectInput, useListContext, useTranslate } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { amsterdamDay, formatDay, TIME_ZONE } from '../complaints/format';
import { intlLocale } from '../i18n/locale';
import type { HearingRowFragment } from '../gql/graphql';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';
import { SmallTable } from '../complaints/panel';

/** A row of the agenda (the HearingRow fragment in index.ts). */
export type HearingAgendaRecord = HearingRowFragment;

/** "14:05": the time of a hearing, in Amsterdam, in the panel's language. */
const formatTime = (moment: string) =>
  new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(new Date(moment));

/** Komende / Alle: the API's `upcoming` filter (scheduled, from now on) or none. */
const VIEWS = [
  { value: 'UPCOMING', label: 'app.hearings.upcoming', filter: { upcoming: true } },
  { value: 'ALL', label: 'app.hearings.all', filter: {} },
] as const;

const STATUS_COLOURS: Record<string, ChipProps['color']> = { SCHEDULED: 'info', HELD: 'success', RESCHEDULED: 'default' };

const hearingFilters = [
  <ReferenceByNameInput key="chairId" source="chairId" reference="Staff" label="app.hearings.chair" alwaysOn />,
  <ReferenceByNameInput key="unitId" source="unitId" reference="Unit" label="app.hearings.unit" alwaysOn />,
  <SelectInput key="status" source="status" label="app.hearings.status" choices={enumChoices('HearingStatus')} />,
];

/** The agenda body: one block per day (Amsterdam), earliest first, as the API sorts it. */
const Agenda = () => {
  const { data, isPending } = useListContext<HearingAgendaRecord>();
  const label = useEnumLabel();
  const translate = useTranslate();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        {translate('app.hearings.none')}
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
    <SmallTable
      label="app.hearings.agenda"
      columns={[
        'app.hearings.time',
        'app.hearings.complaint',
        'app.hearings.complainant',
        'app.hearings.form',
        'app.hearings.location',
        'app.hearings.chair',
        'app.hearings.unit',
        'app.hearings.status',
      ]}
    >
      {days.map(({ day, hearings }) => (
        <Fragment key={day}>
          <TableRow sx={{ bgcolor: 'action.hover' }}>
            <TableCell colSpan={8} component="th" scope="rowgroup">
              <Typography variant="subtitle2" component="span">
                {formatDay(day)}
                {day === today ? ` — ${translate('app.hearings.today')}` : ''}
              </Typography>
            </TableCell>
          </TableRow>
          {hearings.map((hearing) => (
            <TableRow key={hearing.id} data-status={hearing.status}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(hearing.scheduledAt)}</TableCell>
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
    title="app.hearings.title"
    filters={hearingFilters}
    filterDefaultValues={{ upcoming: true }}
    perPage={50}
    exporter={false}
    empty={false}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
  >
    <FilterTabs views={VIEWS} label="app.hearings.which" clears={['status']} />
    <Agenda />
  </List>
);
