import { QueryFailedError } from 'typeorm';
import { READ_TIMEOUT_MESSAGE } from '../database/pool';
import { AppError } from './errors';

/** Seconds a client is asked to wait before retrying a request the database could not serve. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The database could not serve the request now, through no fault of the caller: a statement or lock
 * timeout, a deadlock, no free connection in the pool, a server that is down or unreachable. The request
 * changed nothing (its transaction rolled back) and may be sent again: HTTP 503 with Retry-After when the
 * whole request was refused (http.ts).
 */
export class ServiceUnavailableError extends AppError {
  constructor(message = 'The database is busy or unreachable; this was not done. Try again shortly.') {
    super(
      'SERVICE_UNAVAILABLE',
      message,
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
      { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    );
  }
}

/** SQLSTATEs of a database that is busy, locked or going away (not of a wrong statement). */
const TRANSIENT_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

const TRANSIENT_MESSAGES = [
  'timeout exceeded when trying to connect', // pg-pool: no free connection within connectionTimeoutMillis
  'Connection terminated', // the server closed the connection (also "...unexpectedly", "...due to connection timeout")
  READ_TIMEOUT_MESSAGE, // no answer within query_timeout: the network is gone
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

export function isTransientDatabaseError(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  if (!(cause instanceof Error)) return false;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_NODE_CODES.has(code))) return true;
  return TRANSIENT_MESSAGES.some((message) => cause.message.includes(message));
}
