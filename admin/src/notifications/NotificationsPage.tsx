import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Title, useCreatePath, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime, formatDay } from '../complaints/format';
import { graphql } from '../gql';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { NotificationSettingsPanel } from './NotificationSettingsPanel';

const MY_NOTIFICATIONS = graphql(`
  query MyNotifications($perPage: Int!) {
    myNotifications(perPage: $perPage) {
      total
      items {
        id
        kind
        createdAt
        readAt
        data
        summary
        complaint {
          id
          reference
          status
        }
      }
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

interface DigestPart {
  count: number;
  items: Array<{ complaintId: string; reference: string; kind: string; dueDate: string }>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The digest: what you owe that is overdue, due today and due later this week, each with a link. */
const Digest = ({ data }: { data: Record<string, unknown> }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const part = (title: string, value: unknown): ReactNode => {
    const section = value as DigestPart | undefined;
    if (!section?.count) return null;
    return (
      <Box component="li" key={title}>
        {translate(title)} ({section.count}):{' '}
        {section.items.map((row, index) => (
          <span key={`${row.complaintId}-${row.kind}`}>
            {index ? ', ' : ''}
            <Link to={createPath({ resource: 'Complaint', id: row.complaintId, type: 'show' })}>{row.reference}</Link>{' '}
            {label('DeadlineKind', row.kind).toLowerCase()} {formatDay(row.dueDate)}
          </span>
        ))}
        {section.count > section.items.length ? ` ${translate('app.notifications.more', { count: section.count - section.items.length })}` : ''}
      </Box>
    );
  };
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} aria-label={translate('app.notifications.digest', { date: formatDay(text(data.date)) })}>
      {part('app.notifications.overdue', data.overdue)}
      {part('app.notifications.today', data.today)}
      {part('app.notifications.thisWeek', data.thisWeek)}
    </Box>
  );
};

/** What you were told: assignments, reminders, breaches, objections, hearings, the digest — and how you want to be told. */
export const NotificationsPage = () => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const label = useEnumLabel();
  const translate = useTranslate();
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
    notify('app.notifications.markedRead', { type: 'success', messageArgs: { smart_count: unread.length } });
    await queries.invalidateQueries({ queryKey: ['myNotifications'] });
    await queries.invalidateQueries({ queryKey: ['unreadNotifications'] });
  };
  return (
    <>
      <Card sx={{ mt: 2 }}>
        <Title title="app.menu.notifications" />
        <CardContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.notifications.intro')}
          </Typography>
          {unread.length ? (
            <Button variant="outlined" size="small" onClick={markRead}>
              {translate('app.notifications.allRead')}
            </Button>
          ) : null}
          {!isPending && items.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.notifications.none')}
            </Typography>
          ) : null}
          <List aria-label={translate('app.menu.notifications')}>
            {items.map((item) => (
              <ListItem key={item.id} data-kind={item.kind} data-read={item.readAt ? 'true' : 'false'} divider>
                <ListItemText
                  primary={
                    <>
                      {label('NotificationKind', item.kind)}
                      {item.complaint ? (
                        <>
                          {': '}
                          <Link to={createPath({ resource: 'Complaint', id: item.complaint.id, type: 'show' })}>{item.complaint.reference}</Link>
                        </>
                      ) : null}
                    </>
                  }
                  secondary={
                    <>
                      {item.kind === 'DIGEST' ? <Digest data={(item.data ?? {}) as Record<string, unknown>} /> : <span>{item.summary} </span>}
                      <span>
                        {formatDateTime(item.createdAt)}
                        {item.readAt ? '' : ` · ${translate('app.notifications.new')}`}
                      </span>
                    </>
                  }
                  slotProps={{ primary: { sx: { fontWeight: item.readAt ? 'normal' : 'bold' } }, secondary: { component: 'div' } }}
                />
              </ListItem>
            ))}
          </List>
        </CardContent>
      </Card>
      <NotificationSettingsPanel />
    </>
  );
};
