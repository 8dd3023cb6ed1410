import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { DatabaseLimits } from '../config';

/** The mark of a statement to prepare (TimeoutAwareClient), at the start of its text. */
export const PREPARED = '/* prepared */';
const MAX_PREPARED = 32;
/** SQLSTATE invalid_sql_statement_name: a named statement the server does not have. */
const INVALID_STATEMENT_NAME = '26000';

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
    const prepared = this.asPrepared(args);
    const result = (super.query as (...inner: unknown[]) => unknown)(...(prepared ?? args));
    if (result && typeof (result as Promise<unknown>).then === 'function' && typeof (result as { catch?: unknown }).catch === 'function') {
      return (result as Promise<unknown>).catch((error: unknown) => {
        if (error instanceof Error && error.message === READ_TIMEOUT_MESSAGE) this.dropConnection();
        // the server no longer has it (a DISCARD ALL, a pooler between): parse it again next time
        if (prepared && (error as { code?: string }).code === INVALID_STATEMENT_NAME) delete this.statements().parsed[(prepared[0] as { name: string }).name];
        throw error;
      }) as never;
    }
    return result as never;
  }

  /**
   * A statement that starts with PREPARED runs as a named prepared statement on this connection: parsed once,
   * and planned once PostgreSQL finds its generic plan as good as the custom ones. For long statements that run
   * on every request (a list page: 5 kB of SQL, 1.7 ms of planning at 100 000 complaints); their results must not
   * depend on a table's columns (a prepared `SELECT *` fails once a migration changes them). At most MAX_PREPARED
   * per connection, counted from node-postgres's own record (a statement the server refused to parse is not in
   * it), so that the server's memory stays bounded whatever the filters combine to; past that, the statement runs
   * unnamed, as any other.
   */
  private asPrepared(args: unknown[]): unknown[] | null {
    const [text, values, ...rest] = args;
    if (typeof text !== 'string' || !text.startsWith(PREPARED) || (values !== undefined && !Array.isArray(values))) return null;
    const name = `p${createHash('sha1').update(text).digest('base64url')}`;
    const { parsed, submitted } = this.statements();
    if (!(name in parsed) && !(name in submitted) && Object.keys(parsed).length + Object.keys(submitted).length >= MAX_PREPARED) return null;
    return [{ name, text, values: values ?? [] }, ...rest];
  }

  /** node-postgres's record of this connection's named statements: parsed, and sent but not yet confirmed. */
  private statements(): { parsed: Record<string, string>; submitted: Record<string, string> } {
    const connection = (this as unknown as { connection: { parsedStatements: Record<string, string>; submittedNamedStatements?: Record<string, string> } })
      .connection;
    return { parsed: connection.parsedStatements, submitted: connection.submittedNamedStatements ?? {} };
  }

  private dropConnection(): void {
    (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}

/**
 * A read as a named prepared statement on its connection (PREPARED), outside a transaction: when the server lost the
 * statement (a DISCARD ALL, a pooler between), the connection parses it again and the read is made once more.
 */
export async function queryPrepared<T>(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<T[]> {
  const read = () => dataSource.query(`${PREPARED} ${sql}`, parameters) as Promise<T[]>;
  return read().catch((error: unknown) => {
    if ((error as { code?: string }).code === INVALID_STATEMENT_NAME) return read();
    throw error;
  });
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
