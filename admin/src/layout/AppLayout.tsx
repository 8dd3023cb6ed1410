import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, ToggleThemeButton, usePermissions, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { mayUse } from '../providers/roles';
import { AppBarSearch } from './AppBarSearch';
import { AppMenu } from './AppMenu';
import { BellIcon } from './icons';
import { LanguageSync } from './language';
import { NOTIFICATIONS_PATH } from './paths';
import { PasswordDialogProvider } from './PasswordDialog';
import { useUnread } from './unread';
import { AppUserMenu } from './UserMenu';

export { MENU_ORDER } from './AppMenu';

/** The bell in the app bar: the unread count, one click to the list. */
const NotificationBell = () => {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const staff = mayUse(permissions, 'COMPLAINTS');
  const unread = useUnread(staff);
  const navigate = useNavigate();
  if (!staff) return null;
  const label = translate('app.menu.notifications');
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        aria-label={unread ? translate('app.menu.bellUnread', { count: unread }) : label}
        onClick={() => navigate(NOTIFICATIONS_PATH)}
      >
        <Badge badgeContent={unread} color="error" data-unread={unread}>
          <BellIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};

/** Search from anywhere, for who works on complaints ("/" focuses it). */
const Search = () => {
  const { permissions } = usePermissions();
  return mayUse(permissions, 'COMPLAINTS') ? <AppBarSearch /> : null;
};

const AppBarWithBell = () => (
  <AppBar
    userMenu={<AppUserMenu />}
    toolbar={
      <>
        <Search />
        <NotificationBell />
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
  />
);

/**
 * The layout of the signed-in panel: the grouped menu, the app bar with the bell and the user menu (language,
 * password), and the member of staff's own language applied.
 */
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <PasswordDialogProvider>
    <LanguageSync />
    <Layout menu={AppMenu} appBar={AppBarWithBell}>
      {children}
    </Layout>
  </PasswordDialogProvider>
);
