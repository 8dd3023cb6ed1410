import type { ApolloClient } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import { isUnauthenticated } from './error-mapping';
import type { Permissions } from './roles';
import { clearSession, isExpired, readSession } from './session';
import { signIn } from './sign-in';

/**
 * Auth provider on the API's `login(email, password)` mutation (sign-in.ts). react-admin's login form asks
 * for a "username" (labelled E-mailadres); it is sent as the e-mail address. The session keeps the
 * member of staff's language, which the panel then speaks (layout/LanguageSync.tsx).
 */
export const createAuthProvider = (client: ApolloClient<unknown>): AuthProvider => ({
  async login({ username, password }: { username?: string; password?: string }) {
    await signIn(username ?? '', password ?? '');
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
