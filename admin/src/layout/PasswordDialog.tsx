import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { PasswordInput, maxLength, minLength, required, useDataProvider, useNotify, useTranslate, useUserMenu, type Validator } from 'react-admin';
import { graphql } from '../gql';
import { LENGTH, MIN_PASSWORD_LENGTH } from '../lengths';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { updateSession } from '../providers/session';
import { FormDialog } from './FormDialog';
import { LockIcon } from './icons';

/**
 * "Wachtwoord wijzigen" in the user menu: the current password and the new one twice, with the API's rules (at least
 * MIN_PASSWORD_LENGTH characters, not the current one). The API signs out every other session and answers with a new
 * token, which replaces this session's so it goes on; a wrong current password or the same one again is told under
 * its field (WRONG_PASSWORD, SAME_AS_BEFORE), too many attempts as a notification (RATE_LIMITED).
 */
const CHANGE_OWN_PASSWORD = graphql(`
  mutation ChangeOwnPassword($currentPassword: String!, $newPassword: String!) {
    changeOwnPassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
      expiresAt
    }
  }
`);

const notTheCurrentOne: Validator = (value: unknown, values: Record<string, unknown>) =>
  value && value === values.currentPassword ? 'app.password.sameAsCurrent' : undefined;

const sameAsNew: Validator = (value: unknown, values: Record<string, unknown>) => (value && value !== values.newPassword ? 'app.password.mismatch' : undefined);

const PasswordDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const submit = async (values: Record<string, unknown>) => {
    const { changeOwnPassword } = await dataProvider.graphql({
      document: CHANGE_OWN_PASSWORD,
      variables: { currentPassword: String(values.currentPassword ?? ''), newPassword: String(values.newPassword ?? '') },
      formFields: ['currentPassword', 'newPassword'],
    });
    updateSession({ token: changeOwnPassword.token, expiresAt: changeOwnPassword.expiresAt });
    notify('app.password.changed', { type: 'success' });
  };
  return (
    <FormDialog title="app.password.title" intro="app.password.intro" submitLabel="app.password.submit" onSubmit={submit} onClose={onClose}>
      <PasswordInput
        source="currentPassword"
        label="app.password.current"
        autoComplete="current-password"
        validate={[required(), maxLength(LENGTH.password)]}
      />
      <PasswordInput
        source="newPassword"
        label="app.password.new"
        autoComplete="new-password"
        helperText={translate('app.password.rules', { min: MIN_PASSWORD_LENGTH })}
        validate={[required(), minLength(MIN_PASSWORD_LENGTH), maxLength(LENGTH.password), notTheCurrentOne]}
      />
      <PasswordInput source="newPasswordAgain" label="app.password.again" autoComplete="new-password" validate={[required(), sameAsNew]} />
    </FormDialog>
  );
};

const PasswordDialogContext = createContext<() => void>(() => undefined);

/** Holds the dialog outside the user menu, which unmounts its items when it closes. */
export const PasswordDialogProvider = ({ children }: { children: ReactNode }) => {
  const [open, setOpen] = useState(false);
  return (
    <PasswordDialogContext.Provider value={() => setOpen(true)}>
      {children}
      {open ? <PasswordDialog onClose={() => setOpen(false)} /> : null}
    </PasswordDialogContext.Provider>
  );
};

export const ChangePasswordMenuItem = () => {
  const translate = useTranslate();
  const open = useContext(PasswordDialogContext);
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        open();
      }}
    >
      <ListItemIcon>
        <LockIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.password.menu')}</ListItemText>
    </MenuItem>
  );
};
