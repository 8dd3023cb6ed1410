import type { DataSource, EntityManager } from 'typeorm';
import { requestPool } from '../database/health';
import type { Clock } from '../shared/clock';
import { copyFactsCsv } from './fact-csv';
import { factColumns, factFrom } from './facts-sql';
import { FieldCode, problem, UserInputError } from '../shared/errors';
import type { ComplaintFact, ComplaintFactArgs, ComplaintFactConnection, DeadlineCompliance, LeadTime, StatisticsInput, StatisticsRow } from './stats.types';
import { StatsDimension } from './stats.types';
import { readRollup } from './rollup';
import { BESIDE_COMPLAINT, COUNTED_DEADLINES, DIMENSIONS, NAMES_OF_COMPLAINT } from './statistics-sql';

/** The facts' columns, and the moment of the cursor as PostgreSQL writes it (exact to the microsecond). */
const FACT_COLUMNS = `${factColumns()}, c.updated_at::text AS cursor_at`;

const FACT_FROM = factFrom('$1');

type Raw = Record<string, unknown>;
const int = (value: unknown) => Number(value ?? 0);
const float = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

const CURSOR_MOMENT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): [string, string] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(decoded) || decoded.length !== 2) throw new Error('shape');
    const [at, id] = decoded as [unknown, unknown];
    // PostgreSQL's text of a timestamptz (as encodeCursor got it) and a UUID: nothing else reaches the SQL.
    if (typeof at !== 'string' || !CURSOR_MOMENT.test(at) || Number.isNaN(Date.parse(at.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))))
      throw new Error('moment');
    if (typeof id !== 'string' || !CURSOR_ID.test(id)) throw new Error('id');
    return [at, id];
  } catch {
    throw new UserInputError('This cursor was not made by complaintFacts.', { after: problem(FieldCode.UNKNOWN_CURSOR, 'unknown cursor') }, 'BAD_CURSOR');
  }
}

/** Median, 90th percentile and count of a lead-time column, as `<alias>_median`, `<alias>_p90`, `<alias>_count`. */
function percentiles(column: string, alias: string, where?: string): string {
  const filter = where ? ` FILTER (WHERE ${where})` : '';
  return [
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column})${filter} AS ${alias}_median`,
    `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column})${filter} AS ${alias}_p90`,
    `count(${column})${filter}::int AS ${alias}_count`,
  ].join(',\n           ');
}

/**
 * Statistics and facts for BI and management, computed in PostgreSQL (GROUP BY, percentile_cont),
 * never by loading complaints into Node. Reads go to the read replica when DATABASE_READ_URL is set.
 */
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The facts as CSV, from COPY on the BI pool (fact-csv.ts); the caller must call `finish`. */
  factCsv(updatedSince: Date | undefined) {
    return copyFactsCsv(requestPool(this.dataSource), this.clock.now().toJSDate(), updatedSince);
  }

  private bounded<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // The statement budget is the BI pool's (BI_STATEMENT_TIMEOUT_MS).
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  /**
   * The statistics of a period. Grouped by time and at most one other dimension (the dashboard's and the review's
   * questions) they come from the rollup the statistics job keeps, with the days it has not caught up with counted
   * from the complaints (rollup.ts); grouped by more, from a scan of the period's complaints. The figures are the same:
   * `scan` counts every complaint whatever the grouping (the reference the tests and the bench hold the rollup to).
   */
  async statistics(input: StatisticsInput, path: 'best' | 'scan' = 'best'): Promise<StatisticsRow[]> {
    if (input.to <= input.from)
      throw new UserInputError('The period ends before it starts.', { to: problem(FieldCode.BEFORE_START, 'must be after from', { after: 'from' }) });
    const groupBy = [...new Set(input.groupBy ?? [])];
    const now = this.clock.now().toJSDate();
    const byTime = (d: StatsDimension) => d === StatsDimension.MONTH || d === StatsDimension.QUARTER;
    return this.bounded(async (manager) => {
      const { rows, compliance } =
        path === 'best' && groupBy.filter((d) => !byTime(d)).length <= 1
          ? await readRollup(manager, input.from, input.to, now, groupBy)
          : await this.scan(manager, input.from, input.to, now, groupBy);
      return statisticsRows(groupBy, rows, compliance);
    });
  }

  /** The statistics counted from every complaint of the period. */
  private async scan(manager: EntityManager, from: Date, to: Date, now: Date, groupBy: StatsDimension[]): Promise<{ rows: Raw[]; compliance: Raw[] }> {
    const dimensions = groupBy.map((dimension) => DIMENSIONS[dimension]);
    const select = dimensions.flatMap((d) => [`${d.sql} AS "${d.column}"`, ...(d.extra ? [`${d.extra.sql} AS "${d.extra.column}"`] : [])]);
    const keys = dimensions.flatMap((d) => [d.sql, ...(d.extra ? [d.extra.sql] : [])]);
    const group = keys.length ? `GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}` : '';
    const keySelect = select.length ? `${select.join(', ')},` : '';
    const period = `c.received_at >= $1 AND c.received_at < $2`;
    const joins = NAMES_OF_COMPLAINT;
    const rows = (await manager.query(
      `SELECT ${keySelect}
         count(*) FILTER (WHERE c.kind = 'COMPLAINT')::int AS complaints,
         count(*) FILTER (WHERE c.kind = 'SIGNAL')::int AS signals,
         count(c.verdict)::int AS assessed,
         avg((c.verdict IN ('WELL_FOUNDED', 'PARTLY_WELL_FOUNDED'))::int) FILTER (WHERE c.verdict IS NOT NULL) AS well_founded_share,
         ${percentiles('c.ack_working_days', 'ack')},
         ${percentiles('c.response_working_days', 'response')},
         ${percentiles('c.closure_working_days', 'closure', "c.kind = 'COMPLAINT'")},
         ${percentiles('c.response_net_working_days', 'response_net')},
         ${percentiles('c.closure_net_working_days', 'closure_net', "c.kind = 'COMPLAINT'")},
         count(*) FILTER (WHERE c.paused_working_days > 0 OR c.paused_since IS NOT NULL)::int AS paused,
         count(c.extended_at)::int AS extended,
         count(*) FILTER (WHERE c.resolved_by_receiver)::int AS resolved_by_receiver,
         count(o.id)::int AS objections,
         count(o.id) FILTER (WHERE o.late)::int AS late_objections,
         count(*) FILTER (WHERE c.hearing_held_at IS NOT NULL)::int AS hearings_held,
         count(*) FILTER (WHERE c.hearing_waived_at IS NOT NULL)::int AS hearings_waived,
         count(o.settled_at)::int AS settlements,
         coalesce(sum(r.referrals), 0)::int AS referrals,
         coalesce(sum(r.outcomes), 0)::int AS referral_outcomes,
         coalesce(sum(r.binding_outcomes), 0)::int AS binding_outcomes,
         avg(c.satisfaction) AS average_satisfaction,
         count(c.satisfaction)::int AS satisfaction_responses,
         avg(s.handling_score) AS survey_handling,
         avg(s.outcome_score) AS survey_outcome,
         count(s.id)::int AS survey_responses,
         count(*) FILTER (WHERE s.reopen_requested)::int AS reopen_requests
       FROM complaint c ${joins} ${BESIDE_COMPLAINT}
       WHERE ${period}
       ${group}`,
      [from, to],
    )) as Raw[];

    const compliance = (await manager.query(
      `SELECT ${keySelect} d.kind,
         count(*) FILTER (WHERE d.met_at <= d.due_at)::int AS on_time,
         count(*) FILTER (WHERE d.met_at > d.due_at)::int AS late,
         count(*) FILTER (WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND d.due_at >= $3)::int AS open,
         count(*) FILTER (WHERE d.met_at IS NULL AND d.due_at < coalesce(d.cancelled_at, $3))::int AS breached
       FROM deadline d JOIN complaint c ON c.id = d.complaint_id ${joins}
       WHERE ${period} AND ${COUNTED_DEADLINES}
       GROUP BY ${[...keys, 'd.kind'].join(', ')}`,
      [from, to, now],
    )) as Raw[];
    return { rows, compliance };
  }

  /** Pseudonymised facts in the stable order (updated_at, id), from `after` on. One statement. */
  async facts(args: ComplaintFactArgs): Promise<ComplaintFactConnection> {
    const conditions: string[] = [];
    const parameters: unknown[] = [this.clock.now().toJSDate()];
    if (args.updatedSince) {
      parameters.push(args.updatedSince);
      conditions.push(`c.updated_at >= $${parameters.length}`);
    }
    if (args.after) {
      const [at, id] = decodeCursor(args.after);
      parameters.push(at, id);
      conditions.push(`(c.updated_at, c.id) > ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`);
    }
    parameters.push(args.first + 1);
    const rows = await this.bounded(
      (manager) =>
        manager.query(
          `SELECT ${FACT_COLUMNS} ${FACT_FROM} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
           ORDER BY c.updated_at, c.id LIMIT $${parameters.length}`,
          parameters,
        ) as Promise<Array<ComplaintFact & { cursor_at: string }>>,
    );
    const page = rows.slice(0, args.first);
    const last = page.at(-1);
    return {
      nodes: page.map(({ cursor_at: _cursor, ...fact }) => fact),
      endCursor: last ? encodeCursor(last.cursor_at, last.id) : (args.after ?? null),
      hasNextPage: rows.length > args.first,
    };
  }
}

/** The rows of complaintStatistics from the sums of either path, with each group's deadlines. */
function statisticsRows(groupBy: StatsDimension[], rows: Raw[], compliance: Raw[]): StatisticsRow[] {
  const dimensions = groupBy.map((dimension) => DIMENSIONS[dimension]);

  const keyOf = (row: Raw) => JSON.stringify(dimensions.map((d) => row[d.column] ?? null));
  const byGroup = new Map<string, DeadlineCompliance[]>();
  for (const row of compliance) {
    const onTime = int(row.on_time);
    const decided = onTime + int(row.late) + int(row.breached);
    const entry: DeadlineCompliance = {
      kind: row.kind as DeadlineCompliance['kind'],
      onTime,
      late: int(row.late),
      open: int(row.open),
      breached: int(row.breached),
      onTimeShare: decided ? onTime / decided : null,
    };
    byGroup.set(keyOf(row), [...(byGroup.get(keyOf(row)) ?? []), entry]);
  }
  const lead = (row: Raw, alias: string): LeadTime => ({
    median: float(row[`${alias}_median`]),
    p90: float(row[`${alias}_p90`]),
    count: int(row[`${alias}_count`]),
  });

  return rows.map((row) => ({
    month: (row.month as string) ?? null,
    quarter: (row.quarter as string) ?? null,
    unit: (row.unit as string) ?? null,
    unitName: (row.unitName as string) ?? null,
    category: (row.category as string) ?? null,
    categoryName: (row.categoryName as string) ?? null,
    channel: (row.channel as string) ?? null,
    policy: (row.policy as string) ?? null,
    verdict: (row.verdict as string) ?? null,
    status: (row.status as string) ?? null,
    kind: (row.kind as string) ?? null,
    complaints: int(row.complaints),
    signals: int(row.signals),
    assessed: int(row.assessed),
    wellFoundedShare: float(row.well_founded_share),
    toAcknowledgement: lead(row, 'ack'),
    toResponse: lead(row, 'response'),
    toClosure: lead(row, 'closure'),
    toResponseExcludingPauses: lead(row, 'response_net'),
    toClosureExcludingPauses: lead(row, 'closure_net'),
    paused: int(row.paused),
    extended: int(row.extended),
    resolvedByReceiver: int(row.resolved_by_receiver),
    compliance: (byGroup.get(keyOf(row)) ?? []).sort((a, b) => a.kind.localeCompare(b.kind)),
    objections: int(row.objections),
    lateObjections: int(row.late_objections),
    hearingsHeld: int(row.hearings_held),
    hearingsWaived: int(row.hearings_waived),
    settlements: int(row.settlements),
    referrals: int(row.referrals),
    referralOutcomes: int(row.referral_outcomes),
    bindingOutcomes: int(row.binding_outcomes),
    averageSatisfaction: float(row.average_satisfaction),
    satisfactionResponses: int(row.satisfaction_responses),
    surveyHandling: float(row.survey_handling),
    surveyOutcome: float(row.survey_outcome),
    surveyResponses: int(row.survey_responses),
    reopenRequests: int(row.reopen_requests),
  }));
}
