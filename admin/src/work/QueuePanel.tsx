import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useCreatePath, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { DeadlineBadge } from '../complaints/chips';
import type { MyWorkQuery } from '../gql/graphql';
import { apiMessage } from '../i18n/api-codes';
import { errorText } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { ASSIGN_MANY, PICK_UP } from './work-api';

type Queue = NonNullable<MyWorkQuery['myWork']['unassigned']>;

/** Handlers a director may assign to (the HANDLER role; a DIRECTOR handles too). */
const HandlerChoice = ({ value, onChange }: { value: string; onChange: (id: string) => void }) => {
  const translate = useTranslate();
  const { data } = useGetList('Staff', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
    filter: { active: true, roles: ['HANDLER', 'DIRECTOR'] },
  });
  return (
    <TextField
      select
      size="small"
      label={translate('app.work.assignTo')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 220 }}
    >
      {(data ?? []).map((member) => (
        <MenuItem key={member.id} value={String(member.id)}>
          {String(member.name)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/**
 * The complaints waiting for a handler: a handler picks one up (where their unit's policy allows it), a director
 * selects several and assigns them to one handler at once; each refusal is told by its code.
 */
export const QueuePanel = ({ queue, mayAssign }: { queue: Queue; mayAssign: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const notify = useNotify();
  const queries = useQueryClient();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const [selected, setSelected] = useState<string[]>([]);
  const [handlerId, setHandlerId] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: ['myWork'] });

  const pickUp = async (item: Queue['items'][number]) => {
    setBusy(true);
    try {
      await dataProvider.graphql({ document: PICK_UP, variables: { id: item.id, version: item.version } });
      notify(translate('app.work.pickedUp', { reference: item.reference }), { type: 'success' });
    } catch (error) {
      notify(errorText(error), { type: 'warning' });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const assign = async () => {
    setBusy(true);
    try {
      const { assignHandlers } = await dataProvider.graphql({ document: ASSIGN_MANY, variables: { ids: selected, handlerId } });
      const refused = assignHandlers.refused.map(
        (refusal) => `${queue.items.find((item) => item.id === refusal.id)?.reference ?? refusal.id}: ${apiMessage('error', refusal.code) ?? refusal.message}`,
      );
      notify(translate('app.work.assigned', { smart_count: assignHandlers.assigned.length }) + (refused.length ? ` — ${refused.join('; ')}` : ''), {
        type: refused.length ? 'warning' : 'success',
        multiLine: true,
      });
      setSelected([]);
    } catch (error) {
      notify(errorText(error), { type: 'warning' });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  return (
    <Box component="section" aria-label={translate('app.work.queue')}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.work.queue')} ({queue.total})
      </Typography>
      {queue.items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.work.queueEmpty')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {queue.items.map((item) => (
            <Box
              component="li"
              key={item.id}
              data-reference={item.reference}
              sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, py: 1, borderBottom: 1, borderColor: 'divider' }}
            >
              {mayAssign ? (
                <Checkbox
                  size="small"
                  checked={selected.includes(item.id)}
                  onChange={(event) => setSelected((was) => (event.target.checked ? [...was, item.id] : was.filter((id) => id !== item.id)))}
                  slotProps={{ input: { 'aria-label': translate('app.work.select', { reference: item.reference }) } }}
                />
              ) : null}
              <Link to={createPath({ resource: 'Complaint', id: item.id, type: 'show' })} sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                {item.reference}
              </Link>
              <Typography variant="body2" sx={{ flex: '1 1 10rem', minWidth: 0, overflowWrap: 'anywhere' }}>
                {item.complainant.name}
                {item.unit ? ` · ${item.unit.name}` : ''}
              </Typography>
              <DeadlineBadge record={item} />
              {item.availableActions.includes('PICK_UP') ? (
                <Button size="small" variant="contained" disabled={busy} onClick={() => pickUp(item)}>
                  {translate('app.work.pickUp')}
                </Button>
              ) : null}
            </Box>
          ))}
        </Box>
      )}
      {mayAssign && queue.items.length ? (
        <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 2 }}>
          <HandlerChoice value={handlerId} onChange={setHandlerId} />
          <Button variant="contained" disabled={busy || !handlerId || selected.length === 0} onClick={assign}>
            {translate('app.work.assignSelected', { smart_count: selected.length })}
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
};
