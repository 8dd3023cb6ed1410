import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { hasRole } from '../providers/roles';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { readSession } from '../providers/session';
import { MY_WORK } from './work-api';
import { QueuePanel } from './QueuePanel';
import { WorkList } from './WorkList';

/** How many items of each list the page shows (the API says how many there are in all). */
const FIRST = 25;

/** A figure that leads to the list behind it. */
const Figure = ({ label, value, to, tone }: { label: string; value: number; to: string | (() => void); tone?: 'error' | 'warning' }) => {
  const navigate = useNavigate();
  return (
    // not a landmark of its own: the queue's figure and the queue itself were two regions named Wachtrij
    <Card variant="outlined" sx={{ flex: '1 1 9rem', borderColor: value && tone ? `${tone}.main` : undefined }}>
      <CardActionArea onClick={() => (typeof to === 'string' ? navigate(to) : to())} sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="h4" component="p" color={value && tone ? `${tone}.main` : undefined}>
            {value}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** The deadline list filtered so; the filters it sets are shown, so they can be seen and cleared. */
const deadlines = (filter: Record<string, unknown>) =>
  `/Deadline?filter=${encodeURIComponent(JSON.stringify(filter))}&displayedFilters=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(Object.keys(filter).map((key) => [key, true]))),
  )}`;

/**
 * "Mijn werk", each member of staff's start page: the steps they owe, overdue first, each with how late and the button
 * to its form; figures that lead to the lists behind them; for a unit's director and a quality manager the same for
 * their units or the organisation, and the complaints waiting for a handler (to pick up, or to assign at once).
 */
export const MyWorkPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const { data, isPending } = useQuery({ queryKey: ['myWork'], queryFn: () => dataProvider.graphql({ document: MY_WORK, variables: { first: FIRST } }) });
  const me = readSession()?.staff.id;
  if (isPending || !data) return <LinearProgress sx={{ mt: 2 }} aria-label={translate('app.work.loading')} />;
  const { mine, counts, team, unassigned } = data.myWork;
  // the deadlines the figures count: those the reader owes, as the API counts them (not only where they are the handler)
  const mineFilter = me ? { owedBy: me } : {};
  return (
    <Box sx={{ my: 2 }}>
      <Title title={translate('app.work.title')} />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 3 }}>
        <Figure label={translate('app.deadlines.overdue')} value={counts.overdue} tone="error" to={deadlines({ ...mineFilter, due: 'OVERDUE' })} />
        <Figure label={translate('app.deadlines.today')} value={counts.today} tone="warning" to={deadlines({ ...mineFilter, due: 'TODAY' })} />
        <Figure label={translate('app.deadlines.laterThisWeek')} value={counts.laterThisWeek} to={deadlines({ ...mineFilter, due: 'LATER_THIS_WEEK' })} />
        {unassigned ? (
          <Figure
            label={translate('app.work.queue')}
            value={unassigned.total}
            to={() => document.getElementById('wachtrij')?.scrollIntoView({ behavior: 'smooth' })}
          />
        ) : null}
      </Stack>
      <Stack spacing={4}>
        <WorkList title={translate('app.work.mine')} items={mine.items} total={mine.total} empty={translate('app.work.mineEmpty')} />
        {team ? (
          <WorkList
            title={translate(permissions && hasRole(permissions, 'DIRECTOR') ? 'app.work.team' : 'app.work.organisation')}
            items={team.items}
            total={team.total}
            empty={translate('app.work.teamEmpty')}
            withOwner
          />
        ) : null}
        {unassigned ? (
          <Box id="wachtrij">
            <QueuePanel queue={unassigned} mayAssign={!!permissions && hasRole(permissions, 'DIRECTOR')} />
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
};
