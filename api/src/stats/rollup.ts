import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { type Clock, ZONE } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { isSerializationFailure } from '../shared/postgres-errors';
import {
  AVERAGES,
  COUNTS,
  complianceSql,
  countsSql,
  DIMENSIONS,
  LEAD_TIMES,
  leadTimesSql,
  namesOfValue,
  percentileCont,
  ROLLUP_DIMENSIONS,
  type RollupDimension,
  type Span,
} from './statistics-sql';
import { StatsDimension } from './stats.types';

type Raw = Record<string, unknown>;

/** A calendar day (`YYYY-MM-DD`) in Amsterdam as a moment, and back. */
const dayStart = (day: string) => DateTime.fromISO(day, { zone: ZONE }).startOf('day');
const dayKey = (moment: DateTime) => moment.toISODate() as string;

/** More ranges to count from the complaints than this, and a read counts the whole period from them (one range). */
const MAX_RANGES = 32;

/** How many months the rollup keeps by day: this one and the last, where complaints are still being handled. */
const MONTHS_BY_DAY = 2;

/** The rollup's tables, each with its columns and the SQL that counts them. */
const BUILDERS: Array<[table: string, columns: string[], builder: typeof countsSql]> = [
  ['statistics_rollup', COUNTS.map(([column]) => column), countsSql],
  ['statistics_lead_time', ['measure', 'days', 'count'], leadTimesSql],
  ['statistics_compliance', ['kind', 'pending_due', 'on_time', 'late', 'breached', 'pending'], complianceSql],
];

/**
 * The statistics job: writes the rollup again where a change marked a day (statistics_change) — by day in this month
 * and the last, by whole month before (a month that turns old is written again as one month), a month per
 * transaction. The marks are deleted in the same REPEATABLE READ transaction that counts their days, so a change
 * committed after its snapshot keeps its mark and its day stays counted from the complaints until the next run.
 * Two runs at once take a month each (an advisory lock per month), never the same one.
 */
export class StatisticsRollup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** A month is counted like a BI read, not like a request: with BI_STATEMENT_TIMEOUT_MS, not the request pool's. */
    private readonly statementTimeoutMs: number,
  ) {}

  async run(): Promise<{ days: number; months: number }> {
    const byDaySince = this.clock
      .now()
      .startOf('month')
      .minus({ months: MONTHS_BY_DAY - 1 });
    const months = (await this.dataSource.query(
      `SELECT DISTINCT date_trunc('month', day)::date::text AS month FROM statistics_change
       UNION SELECT DISTINCT date_trunc('month', start)::date::text FROM statistics_rollup WHERE dimension = 'ALL' AND span = 'DAY' AND start < $1
       ORDER BY month DESC`,
      [dayKey(byDaySince)],
    )) as Array<{ month: string }>;
    // the newest first (what the dashboard reads); a month that fails does not hold up the others, and fails the run
    // afterwards, so that the queue retries it and an ADMIN sees it among the failed jobs
    const written = { days: 0, months: 0 };
    const failed: unknown[] = [];
    for (const { month } of months) {
      const start = dayStart(month).startOf('month');
      try {
        if (start >= byDaySince) written.days += (await this.writeDays(start)) ?? 0;
        else if (await this.writeMonth(start)) written.months += 1;
      } catch (error) {
        if (isSerializationFailure(error)) {
          // another run wrote the month between our snapshot and our delete: it is done
          this.logger.debug('statistics: month written by another run', { month });
          continue;
        }
        this.logger.error('statistics: a month could not be written; its days are counted from the complaints meanwhile', { month, error: String(error) });
        failed.push(error);
      }
    }
    if (failed.length) throw failed[0];
    return written;
  }

  /** A month of this or the last: its marked days written again, each by day (all of them if it was kept whole). */
  private writeDays(month: DateTime): Promise<number | undefined> {
    return this.locked(month, async (manager) => {
      const end = month.plus({ months: 1 });
      const marked = (await manager.query(`DELETE FROM statistics_change WHERE day >= $1 AND day < $2 RETURNING day::text AS day`, [
        dayKey(month),
        dayKey(end),
      ])) as [Array<{ day: string }>, number];
      const whole = (await manager.query(`SELECT 1 FROM statistics_rollup WHERE span = 'MONTH' AND start = $1 LIMIT 1`, [dayKey(month)])) as unknown[];
      const days = whole.length ? [[month, end]] : [...new Set(marked[0].map((row) => row.day))].map((day) => [dayStart(day), dayStart(day).plus({ days: 1 })]);
      for (const [from, to] of days) await this.write(manager, 'DAY', from, to);
      return whole.length ? (month.daysInMonth ?? 0) : days.length;
    });
  }

  /** A month before the last: written again as one. */
  private writeMonth(month: DateTime): Promise<boolean | undefined> {
    return this.locked(month, async (manager) => {
      const end = month.plus({ months: 1 });
      await manager.query(`DELETE FROM statistics_change WHERE day >= $1 AND day < $2`, [dayKey(month), dayKey(end)]);
      await this.write(manager, 'MONTH', month, end);
      return true;
    });
  }

  /** The rollup's rows from `from` to `to` replaced by the complaints' figures, by `span`. */
  private async write(manager: EntityManager, span: Span, from: DateTime, to: DateTime): Promise<void> {
    for (const [table] of BUILDERS) await manager.query(`DELETE FROM ${table} WHERE start >= $1 AND start < $2`, [dayKey(from), dayKey(to)]);
    const where = `c.received_at >= $1 AND c.received_at < $2`;
    for (const [table, columns, builder] of BUILDERS)
      await manager.query(
        `INSERT INTO ${table} (start, dimension, value, ${columns.join(', ')}, span)
         SELECT b.*, '${span}' FROM (${builder(span, ROLLUP_DIMENSIONS, where)}) b`,
        [from.toJSDate(), to.toJSDate()],
      );
  }

  /** `work` in a REPEATABLE READ transaction holding the month's lock, with the BI budget; nothing when another run has it. */
  private locked<T>(month: DateTime, work: (manager: EntityManager) => Promise<T>): Promise<T | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('klachtenregistratie:statistics'), hashtext($1)) AS locked`, [
        dayKey(month),
      ])) as Array<{ locked: boolean }>;
      if (!locked) return undefined;
      await manager.query(`SELECT set_config('statement_timeout', $1, true)`, [String(this.statementTimeoutMs)]);
      return work(manager);
    });
  }
}

export interface RollupRead {
  /** The counts per group, with each lead time's `<measure>_median`, `_p90` and `_count`, named as the scan names them. */
  rows: Raw[];
  compliance: Raw[];
}

/**
 * complaintStatistics from the rollup: the days (in this month and the last) and months (before) wholly inside
 * [from, to) and not marked since the job wrote them come from the rollup; the rest — the period's partial first and
 * last day, a month kept whole that the period cuts or a change marked, and the marked days — are counted from their
 * complaints, by the same SQL the job writes the rollup with. Grouped by time and at most one other dimension (the
 * rollup is kept per dimension); inside the caller's REPEATABLE READ transaction, so the rollup and the marks are of
 * one moment.
 */
export async function readRollup(manager: EntityManager, from: Date, to: Date, now: Date, groupBy: StatsDimension[]): Promise<RollupRead> {
  const dimension = (groupBy.find((d) => d !== StatsDimension.MONTH && d !== StatsDimension.QUARTER) ?? 'ALL') as RollupDimension;
  const start = DateTime.fromJSDate(from, { zone: ZONE });
  const end = DateTime.fromJSDate(to, { zone: ZONE });
  const firstWhole = start.equals(start.startOf('day')) ? start : start.startOf('day').plus({ days: 1 });
  const afterWhole = end.startOf('day');
  const whole = firstWhole < afterWhole;

  // over the whole days: the months the rollup keeps whole, and the days marked
  const held = whole
    ? ((await manager.query(
        `SELECT 'MONTH' AS what, start::text AS at FROM statistics_rollup WHERE dimension = 'ALL' AND span = 'MONTH' AND start >= $1 AND start < $2
         UNION ALL SELECT DISTINCT 'MARK', day::text FROM statistics_change WHERE day >= $1 AND day < $2`,
        [dayKey(firstWhole.startOf('month')), dayKey(afterWhole)],
      )) as Array<{ what: 'MONTH' | 'MARK'; at: string }>)
    : [];
  const marks = held.filter((row) => row.what === 'MARK').map((row) => row.at);
  const monthOf = (day: string) => day.slice(0, 7);
  const markedMonths = new Set(marks.map(monthOf));
  const keptWhole = held.filter((row) => row.what === 'MONTH').map((row) => row.at);
  const usable = keptWhole.filter((month) => {
    const first = dayStart(month);
    return first >= firstWhole && first.plus({ months: 1 }) <= afterWhole && !markedMonths.has(monthOf(month));
  });

  // what is counted from the complaints, in order, adjacent ranges joined
  const pieces: Array<[DateTime, DateTime]> = [];
  if (!whole) pieces.push([start, end]);
  else {
    pieces.push([start, firstWhole], [afterWhole, end]);
    for (const month of keptWhole.filter((m) => !usable.includes(m))) {
      const first = dayStart(month);
      pieces.push([DateTime.max(first, firstWhole), DateTime.min(first.plus({ months: 1 }), afterWhole)]);
    }
    const keptMonths = new Set(keptWhole.map(monthOf));
    for (const day of marks.filter((d) => !keptMonths.has(monthOf(d)) && dayStart(d) >= firstWhole))
      pieces.push([dayStart(day), dayStart(day).plus({ days: 1 })]);
  }
  const ranges: Array<[DateTime, DateTime]> = [];
  for (const [a, b] of pieces.filter(([a, b]) => a < b).sort(([a], [b]) => a.toMillis() - b.toMillis())) {
    const last = ranges.at(-1);
    if (last && last[1] >= a) last[1] = DateTime.max(last[1], b);
    else ranges.push([a, b]);
  }

  // Marks everywhere (before the job's first run): one range over the period, the rollup not read — a scan.
  const scattered = ranges.length > MAX_RANGES;
  if (scattered) ranges.splice(0, ranges.length, [start, end]);
  const stored = whole && !scattered;

  const parameters: unknown[] = [dimension, dayKey(stored ? firstWhole : start), dayKey(stored ? afterWhole : start), marks, usable];
  const live = ranges.map(([a, b]) => {
    parameters.push(a.toJSDate(), b.toJSDate());
    return `(c.received_at >= $${parameters.length - 1} AND c.received_at < $${parameters.length})`;
  });
  const fromRollup = `dimension = $1 AND start >= $2::date AND start < $3::date
    AND (span = 'DAY' AND start <> ALL($4::date[]) OR span = 'MONTH' AND start = ANY($5::date[]))`;
  const from_ = (table: string, columns: string, builder: typeof countsSql) =>
    `FROM (SELECT start, value, ${columns} FROM ${table} WHERE ${fromRollup}
           ${live.length ? `UNION ALL SELECT start, value, ${columns} FROM (${builder('MONTH', [dimension], `(${live.join(' OR ')})`)}) b` : ''}) x
     ${namesOfValue(dimension)}`;

  const dimensions = groupBy.map((d) => DIMENSIONS[d]);
  const keys = dimensions.flatMap((d) => [`${d.rollupSql} AS "${d.column}"`, ...(d.extra ? [`${d.extra.sql} AS "${d.extra.column}"`] : [])]);
  const keyGroup = dimensions.flatMap((d) => [d.rollupSql, ...(d.extra ? [d.extra.sql] : [])]);
  const select = (rest: string[]) => [...keys, ...rest].join(', ');
  const group = (rest: string[]) => ([...keyGroup, ...rest].length ? `GROUP BY ${[...keyGroup, ...rest].join(', ')}` : '');
  const order = keyGroup.length ? `ORDER BY ${keyGroup.join(', ')}` : '';

  const countColumns = COUNTS.map(([column]) => column).join(', ');
  const rows = (await manager.query(
    `SELECT ${select([
      ...COUNTS.map(([column]) => `sum(x.${column})::int AS ${column}`),
      ...AVERAGES.map(([column, sum, n]) => `sum(x.${sum})::numeric / nullif(sum(x.${n}), 0) AS ${column}`),
    ])}
     ${from_('statistics_rollup', countColumns, countsSql)} ${group([])} ${order}`,
    parameters,
  )) as Raw[];
  const histograms = (await manager.query(
    `SELECT ${select(['x.measure', 'x.days', 'sum(x.count)::int AS count'])}
     ${from_('statistics_lead_time', 'measure, days, count', leadTimesSql)} ${group(['x.measure', 'x.days'])} ORDER BY x.days`,
    parameters,
  )) as Raw[];
  // the clock last: the counts do not read it
  const clock = `$${parameters.length + 1}`;
  const compliance = (await manager.query(
    `SELECT ${select([
      'x.kind',
      'sum(x.on_time)::int AS on_time',
      'sum(x.late)::int AS late',
      `coalesce(sum(x.pending) FILTER (WHERE x.pending_due >= ${clock}), 0)::int AS open`,
      `(sum(x.breached) + coalesce(sum(x.pending) FILTER (WHERE x.pending_due < ${clock}), 0))::int AS breached`,
    ])}
     ${from_('statistics_compliance', 'kind, pending_due, on_time, late, breached, pending', complianceSql)} ${group(['x.kind'])}`,
    [...parameters, now],
  )) as Raw[];

  const keyOf = (row: Raw) => JSON.stringify(dimensions.map((d) => row[d.column] ?? null));
  const byGroup = new Map<string, Map<string, Array<[number, number]>>>();
  for (const row of histograms) {
    const measures = byGroup.get(keyOf(row)) ?? new Map<string, Array<[number, number]>>();
    byGroup.set(keyOf(row), measures);
    const histogram = measures.get(row.measure as string) ?? [];
    measures.set(row.measure as string, histogram);
    histogram.push([Number(row.days), Number(row.count)]);
  }
  for (const row of rows) {
    const measures = byGroup.get(keyOf(row));
    for (const [measure] of LEAD_TIMES) {
      const histogram = measures?.get(measure) ?? [];
      row[`${measure}_median`] = percentileCont(histogram, 0.5);
      row[`${measure}_p90`] = percentileCont(histogram, 0.9);
      row[`${measure}_count`] = histogram.reduce((sum, [, n]) => sum + n, 0);
    }
  }
  return { rows, compliance };
}
