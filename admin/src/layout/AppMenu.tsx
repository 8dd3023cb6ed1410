import Badge from '@mui/material/Badge';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import { Fragment, type ReactNode } from 'react';
import { Menu, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import type { Permission } from '../gql/graphql';
import { mayUse } from '../providers/roles';
import { BellIcon, ChartIcon, ClockIcon, KeyIcon, LetterIcon, WorkIcon } from './icons';
import { API_TOKENS_PATH, FIGURES_PATH, JOBS_PATH, NOTIFICATIONS_PATH, OUTBOX_PATH, TEMPLATES_PATH } from './paths';
import { useUnread } from './unread';

/** A page of the menu: a resource (shown when App.tsx registered it for the menu), the dashboard, or a page of its own. */
type MenuEntry =
  | { resource: string }
  | { dashboard: true; permission: Permission; label: string }
  | { to: string; label: string; permission: Permission; icon: ReactNode }
  | { notifications: true; permission: Permission };

interface MenuGroup {
  key: 'work' | 'insight' | 'admin';
  label: string;
  entries: MenuEntry[];
}

/**
 * The menu in three groups: Werk (what a person handles day to day), Inzicht (figures and the review), Beheer (the
 * set-up). Which resources a role reaches is decided in App.tsx, once: a resource it cannot use is not registered,
 * and reference data registered only to pick values from is left out of the menu (`options.inMenu: false`). The
 * pages beside the resources follow the same permissions as their routes there. A resource in no group goes to
 * Beheer, so nothing the schema adds is lost.
 */
const GROUPS: MenuGroup[] = [
  {
    key: 'work',
    label: 'app.menu.groups.work',
    entries: [
      // the start page: Mijn werk for who works on complaints (dashboard/Dashboard.tsx)
      { dashboard: true, permission: 'COMPLAINTS', label: 'app.menu.myWork' },
      { resource: 'Complaint' },
      { resource: 'Deadline' },
      { resource: 'Hearing' },
      { resource: 'Referral' },
      { resource: 'PrivacyRequest' },
      { notifications: true, permission: 'COMPLAINTS' },
    ],
  },
  {
    key: 'insight',
    label: 'app.menu.groups.insight',
    entries: [
      { to: FIGURES_PATH, label: 'app.menu.figures', permission: 'STATISTICS', icon: <ChartIcon /> },
      { resource: 'Review' },
      { resource: 'Measure' },
      { resource: 'RetentionLedgerEntry' },
    ],
  },
  {
    key: 'admin',
    label: 'app.menu.groups.admin',
    entries: [
      { resource: 'Staff' },
      { resource: 'Unit' },
      { resource: 'Category' },
      { resource: 'Policy' },
      { resource: 'CalendarDay' },
      { resource: 'ExternalParty' },
      { to: OUTBOX_PATH, label: 'app.menu.outbox', permission: 'MANAGEMENT', icon: <LetterIcon /> },
      { to: TEMPLATES_PATH, label: 'app.menu.templates', permission: 'ADMINISTRATION', icon: <LetterIcon /> },
      { to: API_TOKENS_PATH, label: 'app.menu.apiTokens', permission: 'ADMINISTRATION', icon: <KeyIcon /> },
      { to: JOBS_PATH, label: 'app.menu.jobs', permission: 'ADMINISTRATION', icon: <ClockIcon /> },
    ],
  },
];

/** The resources the menu names anywhere, in order (App.tsx registers them in this order: the first is a role's start page). */
export const MENU_ORDER = GROUPS.flatMap((group) => group.entries.flatMap((entry) => ('resource' in entry ? [entry.resource] : [])));

/** Meldingen, with the number not read yet. */
const NotificationsItem = () => {
  const unread = useUnread(true);
  const translate = useTranslate();
  const label = translate('app.menu.notifications');
  return (
    <Menu.Item
      to={NOTIFICATIONS_PATH}
      primaryText={unread ? translate('app.menu.notificationsUnread', { label, count: unread }) : label}
      leftIcon={
        <Badge badgeContent={unread} color="error">
          <BellIcon />
        </Badge>
      }
    />
  );
};

/** The menu, grouped under headings (a divider when the sidebar is folded in); a group with nothing for this role is left out. */
export const AppMenu = () => {
  const resources = useResourceDefinitions();
  const { permissions } = usePermissions();
  const [open] = useSidebarState();
  const translate = useTranslate();
  const inMenu = (name: string) => {
    const definition = resources[name];
    return !!definition?.hasList && (definition.options as { inMenu?: boolean } | undefined)?.inMenu !== false;
  };
  const named = new Set(MENU_ORDER);
  const others = Object.keys(resources).filter((name) => !named.has(name) && inMenu(name));
  const items = (group: MenuGroup): ReactNode[] => {
    const entries = group.key === 'admin' ? [...group.entries, ...others.map((resource) => ({ resource }))] : group.entries;
    return entries.flatMap((entry) => {
      if ('resource' in entry) return inMenu(entry.resource) ? [<Menu.ResourceItem key={entry.resource} name={entry.resource} />] : [];
      if (!mayUse(permissions, entry.permission)) return [];
      if ('dashboard' in entry) return [<Menu.DashboardItem key="dashboard" primaryText={translate(entry.label)} leftIcon={<WorkIcon />} />];
      if ('notifications' in entry) return [<NotificationsItem key="notifications" />];
      return [<Menu.Item key={entry.to} to={entry.to} primaryText={translate(entry.label)} leftIcon={entry.icon} />];
    });
  };
  const groups = GROUPS.map((group) => ({ group, items: items(group) })).filter(({ items }) => items.length > 0);
  return (
    <Menu>
      {groups.map(({ group, items }, index) => (
        <Fragment key={group.key}>
          {open ? (
            <ListSubheader component="div" disableSticky data-menu-group={group.key} sx={{ lineHeight: '32px', mt: index ? 1 : 0, bgcolor: 'transparent' }}>
              {translate(group.label)}
            </ListSubheader>
          ) : index ? (
            <Divider sx={{ my: 1 }} />
          ) : null}
          {items}
        </Fragment>
      ))}
    </Menu>
  );
};
