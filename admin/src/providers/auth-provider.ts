import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql';
import type { AuthProvider } from 'react-admin';
import { errorCodeOf, isUnauthenticated, toHttpError } from './error-mapping';
import type { Permissions } from './roles';
import { clearSession, isExpired, readSession, saveSession, type Session } from './session';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      staff {
        id
        name
        roles
        permissions
        language
      }
    }
  }
`);

interface LoginResult {
  login: Session;
}

/**
 * Auth provider on the API's `login(email, password)` mutation. react-admin's login form asks
 * for a "username" (labelled E-mailadres); it is sent as the e-mail address. The session keeps the
 * member of staff's language, which the panel then speaks (layout/LanguageSync.tsx).
 */
export const createAuthProvider = (client: ApolloClient<unknown>): AuthProvider => ({
  async login({ username, password }: { username?: string; password?: string }) {
    clearSession(); // never send a stale token along with a login
    try {
      const { data } = await client.mutate<LoginResult>({
        mutation: LOGIN,
        variables: { email: (username ?? '').trim(), password: password ?? '' },
      });
      if (!data) throw new Error('ra.auth.sign_in_error');
      const { token, expiresAt, staff } = data.login;
      saveSession({
        token,
        expiresAt,
        staff: { id: staff.id, name: staff.name, roles: staff.roles, permissions: staff.permissions, language: staff.language },
      });
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'INVALID_CREDENTIALS' || code === 'UNAUTHENTICATED') {
        throw new Error('app.auth.invalidCredentials');
      }
      if (code === 'BAD_USER_INPUT') throw new Error('ra.auth.sign_in_error');
      throw new Error(toHttpError(error).message);
    }
  },

  async logout() {
    clearSession();
    // drop cached records; clearStore() would also reject queries still in flight
    await client.cache.reset();
  },

  async checkAuth() {
    const session = readSession();
    if (!session) {
      // first visit: go to the login page without an error notification
      throw { message: false };
    }
    if (isExpired(session)) {
      clearSession();
      throw { message: 'ra.notification.logged_out' };
    }
  },

  async checkError(error: unknown) {
    if (isUnauthenticated(error)) {
      clearSession();
      throw { message: 'ra.notification.logged_out' };
    }
  },

  async getPermissions(): Promise<Permissions> {
    const staff = readSession()?.staff;
    return { may: staff?.permissions ?? [], roles: staff?.roles ?? [] };
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.staff.id, fullName: session.staff.name };
  },
});
