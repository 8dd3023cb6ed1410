import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { TimeoutAwareClient } from './pool';

export interface PoolState {
  /** Connections open, idle among them, requests waiting for one, and the most there may be. */
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface HealthReport {
  /** ok: the database answers and a request gets a connection at once; saturated: it answers, but every connection is taken. */
  status: 'ok' | 'saturated' | 'unavailable';
  database: 'up' | 'down';
  pool?: PoolState;
}

/** The request pool of a TypeORM DataSource (node-postgres's Pool). */
export function requestPool(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * GET /health: whether the database answers, asked on a connection of its own (a saturated request pool
 * must not look like a database that is down), and how the request pool is doing.
 */
export class DatabaseHealth {
  private readonly probe: Pool;

  constructor(
    url: string,
    private readonly dataSource: DataSource,
    timeoutMs = 2_000,
  ) {
    this.probe = new Pool({
      connectionString: url,
      Client: TimeoutAwareClient,
      max: 1,
      connectionTimeoutMillis: timeoutMs,
      idleTimeoutMillis: 30_000,
      statement_timeout: timeoutMs,
      query_timeout: timeoutMs + 500,
      application_name: 'klachtenregistratie-health',
    });
    this.probe.on('error', () => undefined);
  }

  poolState(): PoolState {
    const pool = requestPool(this.dataSource);
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: (pool.options as { max?: number }).max ?? 10 };
  }

  async check(): Promise<HealthReport> {
    try {
      await this.probe.query('SELECT 1');
    } catch {
      return { status: 'unavailable', database: 'down' };
    }
    const pool = this.poolState();
    // Every connection is in use: the next request waits for one (and gives up after DATABASE_POOL_WAIT_MS).
    const saturated = pool.idle === 0 && pool.total >= pool.max;
    return { status: saturated ? 'saturated' : 'ok', database: 'up', pool };
  }

  stop(): Promise<void> {
    return this.probe.end();
  }
}
