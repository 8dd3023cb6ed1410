import SvgIcon, { type SvgIconProps } from '@mui/material/SvgIcon';
import type { ReactNode } from 'react';
import Badge from '@mui/material/Badge';
import { useQuery } from '@tanstack/react-query';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { AppBar, Layout, LoadingIndicator, Menu, ToggleThemeButton, useDataProvider, usePermissions, useResourceDefinitions } from 'react-admin';
import { useNavigate } from 'react-router';
import { JOBS_PATH } from '../jobs/JobsPage';
import { OUTBOX_PATH } from '../letters/OutboxPage';
import { TEMPLATES_PATH } from '../letters/TemplatesPage';
import { NOTIFICATIONS_PATH, UNREAD_NOTIFICATIONS } from '../notifications/NotificationsPage';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { mayUse } from '../providers/roles';

/**
 * The menu order: the complaint workflow first (complaints, deadlines, hearings, referrals),
 * then the half-yearly review and its measures, the privacy requests and the retention ledger
 * (Privacyverzoeken, Verwijderlogboek), then the generic resources (staff, units,
 * categories, policies, closing days, external parties), then whatever else the schema adds.
 * Which of them a role gets is decided in App.tsx (a resource it cannot use is not registered).
 */
export const MENU_ORDER = [
  'Complaint',
  'Deadline',
  'Hearing',
  'Referral',
  'Review',
  'Measure',
  'PrivacyRequest',
  'RetentionLedgerEntry',
  'Staff',
  'Unit',
  'Category',
  'Policy',
  'CalendarDay',
  'ExternalParty',
];

/** The ADMIN's page for API tokens (not a resource: `apiTokens` is a plain list). */
export const API_TOKENS_PATH = '/api-tokens';

/** Material's "key" icon (without adding @mui/icons-material for one icon). */
const KeyIcon = (props: SvgIconProps) => (
  <SvgIcon {...props}>
    <path d="M21 10h-8.35C11.83 7.67 9.61 6 7 6c-3.31 0-6 2.69-6 6s2.69 6 6 6c2.61 0 4.83-1.67 5.65-4H13l2 2 2-2 2 2 4-4.04L21 10zM7 15c-1.65 0-3-1.35-3-3s1.35-3 3-3 3 1.35 3 3-1.35 3-3 3z" />
  </SvgIcon>
);

/** Material's "notifications" icon. */
const BellIcon = (props: SvgIconProps) => (
  <SvgIcon {...props}>
    <path d="M12 22c1.1 0 2-.9 2-2h-4c0 1.1.89 2 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z" />
  </SvgIcon>
);

/** Material's "mail" icon. */
const LetterIcon = (props: SvgIconProps) => (
  <SvgIcon {...props}>
    <path d="M20 4H4c-1.1 0-1.99.9-1.99 2L2 18c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V6c0-1.1-.9-2-2-2zm0 4l-8 5-8-5V6l8 5 8-5v2z" />
  </SvgIcon>
);

/** Material's "schedule" icon. */
const ClockIcon = (props: SvgIconProps) => (
  <SvgIcon {...props}>
    <path d="M11.99 2C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67z" />
  </SvgIcon>
);

/** How many notifications are not read yet: asked every 30 seconds and whenever the window comes back. */
const useUnread = (enabled: boolean): number => {
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

/** The bell in the app bar: the unread count, one click to the list. */
const NotificationBell = () => {
  const { permissions } = usePermissions();
  const staff = mayUse(permissions, 'COMPLAINTS');
  const unread = useUnread(staff);
  const navigate = useNavigate();
  if (!staff) return null;
  return (
    <Tooltip title="Meldingen">
      <IconButton color="inherit" aria-label={unread ? `Meldingen: ${unread} ongelezen` : 'Meldingen'} onClick={() => navigate(NOTIFICATIONS_PATH)}>
        <Badge badgeContent={unread} color="error" data-unread={unread}>
          <BellIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};

const AppBarWithBell = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
  />
);

/** Meldingen, with the number not read yet. */
const NotificationsItem = () => {
  const unread = useUnread(true);
  return (
    <Menu.Item
      to={NOTIFICATIONS_PATH}
      primaryText={unread ? `Meldingen (${unread})` : 'Meldingen'}
      leftIcon={
        <Badge badgeContent={unread} color="error">
          <BellIcon />
        </Badge>
      }
    />
  );
};

const rank = (name: string) => {
  const index = MENU_ORDER.indexOf(name);
  return index === -1 ? MENU_ORDER.length : index;
};

export const AppMenu = () => {
  const resources = useResourceDefinitions();
  const { permissions } = usePermissions();
  const names = Object.values(resources)
    .filter((resource) => resource.hasList)
    .map((resource) => resource.name)
    .map((name, index) => ({ name, index }))
    .sort((left, right) => rank(left.name) - rank(right.name) || left.index - right.index)
    .map(({ name }) => name);
  return (
    <Menu>
      {mayUse(permissions, 'STATISTICS') ? <Menu.DashboardItem /> : null}
      {names.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
      {mayUse(permissions, 'COMPLAINTS') ? <NotificationsItem /> : null}
      {mayUse(permissions, 'MANAGEMENT') ? <Menu.Item to={OUTBOX_PATH} primaryText="Uitgaande post" leftIcon={<LetterIcon />} /> : null}
      {mayUse(permissions, 'ADMINISTRATION') ? <Menu.Item to={API_TOKENS_PATH} primaryText="API-tokens" leftIcon={<KeyIcon />} /> : null}
      {mayUse(permissions, 'ADMINISTRATION') ? <Menu.Item to={TEMPLATES_PATH} primaryText="Briefsjablonen" leftIcon={<LetterIcon />} /> : null}
      {mayUse(permissions, 'ADMINISTRATION') ? <Menu.Item to={JOBS_PATH} primaryText="Achtergrondtaken" leftIcon={<ClockIcon />} /> : null}
    </Menu>
  );
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={AppBarWithBell}>
    {children}
  </Layout>
);
