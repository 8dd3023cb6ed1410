import type { Language, Permission, Role } from '../gql/graphql';

/** The signed-in member of staff, kept in localStorage so a reload keeps the session. */
export interface Session {
  token: string;
  /** ISO 8601 date-time after which the token is no longer accepted. */
  expiresAt: string;
  /**
   * A session saved before `permissions` existed is no session: its owner signs in again. `language` is the panel's
   * language they chose (their own `Staff.language`); a session from before it speaks Dutch until it is read again.
   */
  staff: { id: string; name: string; roles: Role[]; permissions: Permission[]; language?: Language };
}

const STORAGE_KEY = 'klachten.admin.session';

const isSession = (value: unknown): value is Session => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Session>;
  return (
    typeof candidate.token === 'string' &&
    typeof candidate.expiresAt === 'string' &&
    typeof candidate.staff?.id === 'string' &&
    typeof candidate.staff.name === 'string' &&
    Array.isArray(candidate.staff.roles) &&
    Array.isArray(candidate.staff.permissions)
  );
};

export const readSession = (): Session | undefined => {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : undefined;
    return isSession(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

export const isExpired = (session: Session, now: number = Date.now()): boolean => {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isNaN(expiresAt) || expiresAt <= now;
};

/** The bearer token to send, or undefined when there is no session or it has expired. */
export const currentToken = (): string | undefined => {
  const session = readSession();
  return session && !isExpired(session) ? session.token : undefined;
};

export const saveSession = (session: Session): void => {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
};

/** The same session with some of the signed-in member of staff's fields, or a new token (a changed password), changed. */
export const updateSession = (change: Partial<Omit<Session, 'staff'>> & { staff?: Partial<Session['staff']> }): void => {
  const session = readSession();
  if (!session) return;
  saveSession({ ...session, ...change, staff: { ...session.staff, ...change.staff } });
};

export const clearSession = (): void => {
  localStorage.removeItem(STORAGE_KEY);
};
