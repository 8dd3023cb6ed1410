import type { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { ComplaintFact } from './stats.types';
import { factFrom } from './facts-sql';

/** A moment as the graph gives it (JavaScript's toISOString: UTC, milliseconds, Z). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The CSV's columns, in order, each as SQL that gives the text the graph's fact has — the same facts (stats.service.ts's
 * tables), the same pseudonym, no personal data: dates as ISO 8601 in UTC, booleans as true/false, the offers joined
 * by ";", nothing at all for null. A field the facts gain breaks the typecheck here until the CSV has it too.
 */
const CSV: { [K in keyof ComplaintFact]: string } = {
  id: 'c.id',
  reference: 'c.reference',
  kind: 'c.kind',
  status: 'c.status',
  channel: 'c.channel',
  receivedAt: iso('c.received_at'),
  updatedAt: iso('c.updated_at'),
  unit: 'u.code',
  category: 'cat.key',
  policy: `c.policy_snapshot->>'key'`,
  verdict: 'c.verdict',
  offer: `NULLIF(array_to_string(c.offer, ';'), '')`,
  satisfaction: 'c.satisfaction',
  customerAgreed: 'c.customer_agreed::text',
  ackWorkingDays: 'c.ack_working_days',
  responseWorkingDays: 'c.response_working_days',
  closureWorkingDays: 'c.closure_working_days',
  deadlinesOnTime: 'coalesce(d.on_time, 0)',
  deadlinesLate: 'coalesce(d.late, 0)',
  deadlinesOpen: 'coalesce(d.open, 0)',
  deadlinesBreached: 'coalesce(d.breached, 0)',
  objection: '(c.objection_filed_at IS NOT NULL)::text',
  hearingHeld: '(c.hearing_held_at IS NOT NULL)::text',
  referred: '(c.id IN (SELECT complaint_id FROM referral))::text',
  complainantPseudonym: 'p.pseudonym',
  complainantRelation: 'p.relation',
  surveyHandling: 's.handling_score',
  surveyOutcome: 's.outcome_score',
  reopenRequested: 'coalesce(s.reopen_requested, false)::text',
};

/**
 * The export's one statement. COPY takes no parameters: the moments come as SQL literals, escaped by the caller's
 * driver (`client.escapeLiteral`). Also what the benchmark runs directly, as the limit for this design.
 */
export function factCsvCopySql(nowLiteral: string, updatedSinceLiteral?: string): string {
  const since = updatedSinceLiteral ? `WHERE c.updated_at >= ${updatedSinceLiteral}::timestamptz` : '';
  const columns = Object.entries(CSV)
    .map(([name, sql]) => `${sql} AS "${name}"`)
    .join(', ');
  return `COPY (SELECT ${columns} ${factFrom(`${nowLiteral}::timestamptz`, 'ALL')} ${since} ORDER BY c.updated_at, c.id) TO STDOUT WITH (FORMAT csv, HEADER true)`;
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
