import type { LoginMutation, LoginMutationVariables } from '../gql/graphql';
import { apiMessage, interpolate } from '../i18n/api-codes';
import { clearSession, saveSession, type Session } from './session';

/**
 * Sent with a plain fetch, not Apollo Client: the login page (login/LoginPage.tsx) signs in before the panel and its
 * GraphQL client have loaded, and react-admin's login page after a logout signs in the same way (auth-provider.ts).
 * Checked against the schema and typed by `npm run codegen` like every `graphql(...)` document.
 */
const LOGIN = /* GraphQL */ `
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
`;

interface LoginResponse {
  data?: LoginMutation | null;
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
}

/** Why a login failed, as an i18n key (or, for a code without a message of its own, the API's text). */
const refusal = ({ message, extensions = {} }: NonNullable<LoginResponse['errors']>[number]): string => {
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  if (code === 'INVALID_CREDENTIALS' || code === 'UNAUTHENTICATED') return 'app.auth.invalidCredentials';
  if (code === 'BAD_USER_INPUT') return 'ra.auth.sign_in_error';
  const own = code ? apiMessage('error', code) : undefined;
  return own ? interpolate(own, extensions) : message || 'ra.notification.http_error';
};

/** Signs in with `login(email, password)` and keeps the session; rejects with an Error whose message says why. */
export const signIn = async (email: string, password: string): Promise<Session> => {
  clearSession(); // never send a stale token along with a login
  const variables: LoginMutationVariables = { email: email.trim(), password };
  let body: LoginResponse;
  try {
    // the API answers a refusal with a non-2xx status and `errors` in the body, read the same way
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables }),
    });
    body = (await response.json()) as LoginResponse;
  } catch {
    throw new Error('ra.notification.http_error');
  }
  if (body.errors?.length) throw new Error(refusal(body.errors[0]));
  if (!body.data) throw new Error('ra.auth.sign_in_error');
  const { token, expiresAt, staff } = body.data.login;
  const session: Session = {
    token,
    expiresAt,
    staff: { id: staff.id, name: staff.name, roles: staff.roles, permissions: staff.permissions, language: staff.language },
  };
  saveSession(session);
  return session;
};
