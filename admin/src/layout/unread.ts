import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { graphql } from '../gql';
import type { GraphQLDataProvider } from '../providers/graphql-call';

const UNREAD_NOTIFICATIONS = graphql(`
  query UnreadNotifications {
    myNotifications(filter: { unread: true }, perPage: 1) {
      total
    }
  }
`);

/** How many notifications are not read yet: asked every 30 seconds and whenever the window comes back. */
export const useUnread = (enabled: boolean): number => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const { data } = useQuery({
    queryKey: ['unreadNotifications'],
    queryFn: () => dataProvider.graphql({ document: UNREAD_NOTIFICATIONS }),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    enabled,
  });
  return data?.myNotifications.total ?? 0;
};
