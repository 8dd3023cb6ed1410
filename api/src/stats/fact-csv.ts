import type { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { factCsvColumns, factFrom } from './facts-sql';

/**
 * The export's one statement. COPY takes no parameters: the moments come as SQL literals, escaped by the caller's
 * driver (`client.escapeLiteral`). Also what the benchmark runs directly, as the limit for this design.
 */
export function factCsvCopySql(nowLiteral: string, updatedSinceLiteral?: string): string {
  const since = updatedSinceLiteral ? `WHERE c.updated_at >= ${updatedSinceLiteral}::timestamptz` : '';
  return `COPY (SELECT ${factCsvColumns()} ${factFrom(`${nowLiteral}::timestamptz`, 'ALL')} ${since} ORDER BY c.updated_at, c.id) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}

/** How long one export may stream to a slow reader before the database gives up on it. */
const EXPORT_BUDGET_MS = 30 * 60_000;

/**
 * The facts as CSV straight from PostgreSQL (`COPY (…) TO STDOUT`, pg-copy-streams): the database writes the CSV and
 * Node only passes it on, with backpressure, so memory stays constant whatever the number of rows. In a read-only
 * repeatable-read transaction on a connection of the BI pool; `finish(false)` (the reader went away, or the stream
 * failed) throws the connection away, which ends the COPY in the database.
 */
export async function copyFactsCsv(
  pool: Pool,
  now: Date,
  updatedSince: Date | undefined,
): Promise<{ csv: Readable; finish: (completed: boolean) => Promise<void> }> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${EXPORT_BUDGET_MS}`);
    const csv = client.query(copyTo(factCsvCopySql(client.escapeLiteral(now.toISOString()), updatedSince && client.escapeLiteral(updatedSince.toISOString()))));
    let done = false;
    return {
      csv,
      finish: async (completed) => {
        if (done) return;
        done = true;
        if (!completed) return client.release(new Error('the CSV export was not read to its end'));
        await client.query('COMMIT').then(
          () => client.release(),
          (error: Error) => client.release(error),
        );
      },
    };
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
}
