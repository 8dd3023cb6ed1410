import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Title, useCreatePath, useDataProvider, useNotify } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime } from '../complaints/format';
import { graphql } from '../gql';
import type { GraphQLDataProvider } from '../providers/graphql-call';

/** Where the notifications page lives (not a resource: `myNotifications` is the caller's own list). */
export const NOTIFICATIONS_PATH = '/meldingen';

const MY_NOTIFICATIONS = graphql(`
  query MyNotifications($perPage: Int!) {
    myNotifications(perPage: $perPage) {
      total
      items {
        id
        kind
        createdAt
        readAt
        complaint {
          id
          reference
          status
        }
      }
    }
  }
`);

export const UNREAD_NOTIFICATIONS = graphql(`
  query UnreadNotifications {
    myNotifications(filter: { unread: true }, perPage: 1) {
      total
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** What the API told you about complaints: that one names you, that its answer was extended, that it was answered. */
export const NotificationsPage = () => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const label = useEnumLabel();
  const notify = useNotify();
  const createPath = useCreatePath();
  const queries = useQueryClient();
  const { data, isPending } = useQuery({
    queryKey: ['myNotifications'],
    queryFn: () => dataProvider.graphql({ document: MY_NOTIFICATIONS, variables: { perPage: 100 } }),
  });
  const items = data?.myNotifications.items ?? [];
  const unread = items.filter((item) => !item.readAt).map((item) => item.id);
  const markRead = async () => {
    await dataProvider.graphql({ document: MARK_READ, variables: { ids: unread } });
    notify('Gemarkeerd als gelezen', { type: 'success' });
    await queries.invalidateQueries({ queryKey: ['myNotifications'] });
    await queries.invalidateQueries({ queryKey: ['unreadNotifications'] });
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Meldingen" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Berichten over klachten die u noemen: dat er een is, dat het antwoord is uitgesteld, en dat de klager antwoord heeft gekregen.
        </Typography>
        {unread.length ? (
          <Button variant="outlined" size="small" onClick={markRead}>
            Alles gelezen
          </Button>
        ) : null}
        {!isPending && items.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            Geen meldingen.
          </Typography>
        ) : null}
        <List aria-label="Meldingen">
          {items.map((item) => (
            <ListItem key={item.id} data-kind={item.kind} data-read={item.readAt ? 'true' : 'false'} divider>
              <ListItemText
                primary={
                  <>
                    {label('NotificationKind', item.kind)}:{' '}
                    <Link to={createPath({ resource: 'Complaint', id: item.complaint.id, type: 'show' })}>{item.complaint.reference}</Link>
                  </>
                }
                secondary={`${formatDateTime(item.createdAt)}${item.readAt ? '' : ' · nieuw'}`}
                slotProps={{ primary: { sx: { fontWeight: item.readAt ? 'normal' : 'bold' } } }}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};
