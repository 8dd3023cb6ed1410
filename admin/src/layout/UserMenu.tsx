import { Logout, UserMenu } from 'react-admin';
import { LanguageMenuItems } from './language';
import { ChangePasswordMenuItem } from './PasswordDialog';

/** The user menu: the panel's language (Nederlands / English), "Wachtwoord wijzigen", and signing out. */
export const AppUserMenu = () => (
  <UserMenu>
    <LanguageMenuItems />
    <ChangePasswordMenuItem />
    <Logout />
  </UserMenu>
);
