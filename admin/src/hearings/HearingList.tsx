import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ChipProps } from '@mui/material/Chip';
import { Fragment } from 'react';
import { Link, List, Pagination, SelectInput, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { ComplaintStatusChip, useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { amsterdamDay, formatDay, TIME_ZONE } from '../complaints/format';
import { intlLocale } from '../i18n/locale';
import type { HearingRowFragment } from '../gql/graphql';
import { ComplaintLink, FilterTabs, ReferenceByNameInput } from '../layout/list-parts';
import { SmallTable } from '../complaints/panel';
import { CardLine, listSx, Reference, Subject, usePhone } from '../complaints/list-layout';

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

const HearingStatusChip = ({ status }: { status: string }) => {
  const label = useEnumLabel();
  return (
    <Chip
      component="span"
      size="small"
      color={STATUS_COLOURS[status] ?? 'default'}
      variant={status === 'SCHEDULED' ? 'outlined' : 'filled'}
      label={label('HearingStatus', status)}
    />
  );
};

/** On a phone: per day a heading, then a card per hearing (time and status, the complaint, where, who chairs), opening its complaint. */
const AgendaCards = ({ days }: { days: { day: string; hearings: HearingAgendaRecord[] }[] }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const today = amsterdamDay();
  return (
    <Stack component="section" spacing={1} sx={{ p: 1 }} aria-label={translate('app.hearings.agenda')} data-layout="cards">
      {days.map(({ day, hearings }) => (
        <Fragment key={day}>
          <Typography variant="subtitle2" component="h2" sx={{ pt: 1, px: 1 }}>
            {formatDay(day)}
            {day === today ? ` — ${translate('app.hearings.today')}` : ''}
          </Typography>
          {hearings.map((hearing) => (
            <Card key={hearing.id} variant="outlined" data-status={hearing.status}>
              <CardActionArea component={Link} to={createPath({ resource: 'Complaint', id: hearing.complaint.id, type: 'show' })}>
                <CardContent sx={{ py: 1.5 }}>
                  <CardLine>
                    <Typography component="span" sx={{ fontWeight: 600 }}>
                      {formatTime(hearing.scheduledAt)}
                    </Typography>
                    <Reference strong>{hearing.complaint.reference}</Reference>
                    <HearingStatusChip status={hearing.status} />
                  </CardLine>
                  <Typography variant="body2" color="text.secondary" component="div">
                    <CardLine>
                      {hearing.complaint.complainant?.name}
                      <ComplaintStatusChip status={hearing.complaint.status} />
                    </CardLine>
                    <Subject description={hearing.complaint.description} lines={2} />
                    <CardLine>
                      {label('HearingForm', hearing.form)}
                      {hearing.location ? ` — ${hearing.location}` : ''}
                    </CardLine>
                    <CardLine>{translate('app.hearings.chairedBy', { name: hearing.chair.name })}</CardLine>
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          ))}
        </Fragment>
      ))}
    </Stack>
  );
};

/** The agenda body: one block per day (Amsterdam), earliest first, as the API sorts it; cards on a phone. */
const Agenda = () => {
  const { data, isPending } = useListContext<HearingAgendaRecord>();
  const label = useEnumLabel();
  const translate = useTranslate();
  const phone = usePhone();
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
  if (phone) return <AgendaCards days={days} />;
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
                <HearingStatusChip status={hearing.status} />
              </TableCell>
            </TableRow>
          ))}
        </Fragment>
      ))}
    </SmallTable>
  );
};

/** Hoorzittingen: the agenda of upcoming hearings by day, or all of them; cards on a phone. */
export const HearingList = () => (
  <List
    title="app.hearings.title"
    filters={hearingFilters}
    filterDefaultValues={{ upcoming: true }}
    perPage={50}
    exporter={false}
    empty={false}
    pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    sx={listSx}
  >
    <FilterTabs views={VIEWS} label="app.hearings.which" clears={['status']} />
    <Agenda />
  </List>
);
