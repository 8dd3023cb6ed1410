import { Client } from 'pg';
import type { DatabaseLimits } from '../config';

/** The message node-postgres gives when `query_timeout` passes without an answer from the server. */
export const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * A pg client that drops its connection when the server stops answering (a network partition): the
 * query has already failed with a read timeout, and a connection with a query still outstanding must
 * not go back to the pool. Destroying the socket makes the client emit an error, so TypeORM releases it
 * with that error and the pool discards it.
 */
export class TimeoutAwareClient extends Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...inner: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function' && typeof (result as { catch?: unknown }).catch === 'function') {
      return (result as Promise<unknown>).catch((error: unknown) => {
        if (error instanceof Error && error.message === READ_TIMEOUT_MESSAGE) this.dropConnection();
        throw error;
      }) as never;
    }
    return result as never;
  }

  private dropConnection(): void {
    (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}

export type PoolKind = 'request' | 'bi' | 'owner';

/**
 * node-postgres pool options (TypeORM's `extra`) for each use: requests get the short statement, lock and
 * idle-in-transaction timeouts, BI reads their own longer statement budget, the owner (migrations) none.
 * Every pool waits a bounded time for a connection, and gives up on a server that stops answering.
 */
export function poolOptions(limits: DatabaseLimits, kind: PoolKind): Record<string, unknown> {
  const statementTimeout = kind === 'bi' ? limits.biStatementTimeoutMs : limits.statementTimeoutMs;
  const common = {
    Client: TimeoutAwareClient,
    connectionTimeoutMillis: limits.poolWaitMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  if (kind === 'owner') return { ...common, max: 2, connectionTimeoutMillis: Math.max(limits.poolWaitMs, 10_000) };
  return {
    ...common,
    max: kind === 'bi' ? Math.max(2, Math.ceil(limits.poolSize / 4)) : limits.poolSize,
    statement_timeout: statementTimeout,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    // The server cancels a statement after statement_timeout; when even that answer does not come back,
    // the network is gone: give up a little later on this side. Not for BI: node-postgres counts a
    // streamed export (the CSV) as one query however long it streams.
    ...(kind === 'request' ? { query_timeout: statementTimeout + 2_000 } : {}),
  };
}
