import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { useEnumLabel, useLateness } from '../complaints/chips';
import { amsterdamDay, formatDateTime, formatDay } from '../complaints/format';
import type { WorkRowFragment } from '../gql/graphql';

/** Where the step that meets a deadline opens: the complaint page, with that step's dialog open. */
export const stepPath = (complaintId: string, action: string | null | undefined): string =>
  `/Complaint/${encodeURIComponent(complaintId)}/show${action ? `?stap=${encodeURIComponent(action)}` : ''}`;

/** One step owed: how late or when (with the deadline's kind), the complaint in brief, and the button to its form. */
const WorkRow = ({ item, owner }: { item: WorkRowFragment; owner?: string | null }) => {
  const label = useEnumLabel();
  const lateness = useLateness();
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const late = item.workingDaysLate !== null && item.workingDaysLate !== undefined;
  const today = !late && amsterdamDay(item.dueAt) === amsterdamDay();
  const when = late ? lateness(item.workingDaysLate) : today ? translate('app.deadlines.dueToday') : formatDay(item.dueDate);
  return (
    <Box
      component="li"
      data-kind={item.kind}
      data-late={late ? 'true' : 'false'}
      sx={{
        display: 'grid',
        gap: 1,
        py: 1.5,
        borderBottom: 1,
        borderColor: 'divider',
        gridTemplateColumns: { xs: '1fr', sm: '14rem 1fr auto' },
        alignItems: 'center',
      }}
    >
      <Chip
        size="small"
        color={late ? 'error' : today ? 'warning' : 'default'}
        variant={late || today ? 'filled' : 'outlined'}
        label={`${label('DeadlineKind', item.kind)}: ${when}`}
        title={formatDateTime(item.dueAt)}
        // a long kind ("Ontvangstbevestiging/eerste contact") wraps rather than being cut off
        sx={{ justifySelf: 'start', maxWidth: '100%', height: 'auto', py: 0.25, '& .MuiChip-label': { whiteSpace: 'normal' } }}
      />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
          <Link to={createPath({ resource: 'Complaint', id: item.complaintId, type: 'show' })} sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
            {item.reference}
          </Link>{' '}
          — {item.complainantName}
          {owner ? <span> · {translate('app.work.ownedBy', { name: owner })}</span> : null}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {item.subject}
        </Typography>
      </Box>
      {item.action ? (
        <Button
          size="small"
          variant="contained"
          onClick={() => navigate(stepPath(item.complaintId, item.action))}
          sx={{ justifySelf: { xs: 'start', sm: 'end' } }}
        >
          {label('ComplaintAction', item.action)}
        </Button>
      ) : (
        <Button size="small" onClick={() => navigate(stepPath(item.complaintId, null))} sx={{ justifySelf: { xs: 'start', sm: 'end' } }}>
          {translate('app.work.open')}
        </Button>
      )}
    </Box>
  );
};

/** A list of steps owed, earliest first, with how many there are in all. */
export const WorkList = ({
  title,
  items,
  total,
  empty,
  withOwner = false,
}: {
  title: string;
  items: ReadonlyArray<WorkRowFragment & { owner?: { name: string } | null }>;
  total: number;
  empty: string;
  withOwner?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-label={title}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {total > items.length ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.work.firstOf', { shown: items.length, total })}
          </Typography>
        ) : null}
      </Stack>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {empty}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {items.map((item) => (
            <WorkRow key={item.id} item={item} owner={withOwner ? item.owner?.name : null} />
          ))}
        </Box>
      )}
    </Box>
  );
};
