import SvgIcon, { type SvgIconProps } from '@mui/material/SvgIcon';
import type { ReactNode } from 'react';
import { Layout, Menu, usePermissions, useResourceDefinitions } from 'react-admin';
import { mayUse } from '../providers/roles';

/**
 * The menu order: the complaint workflow first (complaints, deadlines, hearings, referrals),
 * then the half-yearly review and its measures, then the generic resources (staff, units,
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
      {mayUse(permissions, 'ADMINISTRATION') ? <Menu.Item to={API_TOKENS_PATH} primaryText="API-tokens" leftIcon={<KeyIcon />} /> : null}
    </Menu>
  );
};

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;
