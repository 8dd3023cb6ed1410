import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { ZONE } from '../shared/clock';
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
} from './statistics-sql';
import { StatsDimension } from './stats.types';

type Raw = Record<string, unknown>;

/** The first moment of a month in Amsterdam, from the rollup's `YYYY-MM-DD`. */
const monthStart = (month: string) => DateTime.fromISO(month, { zone: ZONE }).startOf('month');
const monthKey = (moment: DateTime) => moment.toISODate() as string;

/**
 * The statistics job: writes the rollup again for every month a change marked (statistics_change), a month per
 * transaction. The month's change rows are deleted in the same REPEATABLE READ transaction that counts it, so a change
 * committed after its snapshot keeps its row and the month stays counted from the complaints until the next run.
 * Two runs at once take a month each (an advisory lock per month), never the same one.
 */
export class StatisticsRollup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    /** A month is counted like a BI read, not like a request: with BI_STATEMENT_TIMEOUT_MS, not the request pool's. */
    private readonly statementTimeoutMs: number,
  ) {}

  async run(): Promise<{ months: number }> {
    const changed = (await this.dataSource.query(`SELECT DISTINCT month::text AS month FROM statistics_change ORDER BY month`)) as Array<{ month: string }>;
    let written = 0;
    for (const { month } of changed) {
      try {
        if (await this.writeMonth(month)) written += 1;
      } catch (error) {
        // another run wrote the month between our snapshot and our delete: it is done
        if (!isSerializationFailure(error)) throw error;
        this.logger.debug('statistics: month written by another run', { month });
      }
    }
    return { months: written };
  }

  private writeMonth(month: string): Promise<boolean> {
    const start = monthStart(month);
    const period = [start.toJSDate(), start.plus({ months: 1 }).toJSDate()];
    const where = `c.received_at >= $1 AND c.received_at < $2`;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('klachtenregistratie:statistics'), hashtext($1)) AS locked`, [
        month,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return false;
      await manager.query(`SELECT set_config('statement_timeout', $1, true)`, [String(this.statementTimeoutMs)]);
      await manager.query(`DELETE FROM statistics_change WHERE month = $1`, [month]);
      for (const table of ['statistics_rollup', 'statistics_lead_time', 'statistics_compliance'])
        await manager.query(`DELETE FROM ${table} WHERE month = $1`, [month]);
      await manager.query(`INSERT INTO statistics_rollup ${countsSql(ROLLUP_DIMENSIONS, where)}`, period);
      await manager.query(`INSERT INTO statistics_lead_time ${leadTimesSql(ROLLUP_DIMENSIONS, where)}`, period);
      await manager.query(`INSERT INTO statistics_compliance ${complianceSql(ROLLUP_DIMENSIONS, where)}`, period);
      return true;
    });
  }
}

export interface RollupRead {
  /** The counts per group, with each lead time's `<measure>_median`, `_p90` and `_count`, named as the scan names them. */
  rows: Raw[];
  compliance: Raw[];
}

/**
 * complaintStatistics from the rollup: the months wholly inside [from, to) and not changed since the job wrote them
 * come from the rollup; the rest — the period's partial first and last month, and the months just changed — are
 * counted from their complaints, by the same SQL the job writes the rollup with. Grouped by time and at most one other
 * dimension (the rollup is kept per dimension); inside the caller's REPEATABLE READ transaction, so the rollup and the
 * change marks are of one moment.
 */
export async function readRollup(manager: EntityManager, from: Date, to: Date, now: Date, groupBy: StatsDimension[]): Promise<RollupRead> {
  const dimension = (groupBy.find((d) => d !== StatsDimension.MONTH && d !== StatsDimension.QUARTER) ?? 'ALL') as RollupDimension;
  const start = DateTime.fromJSDate(from, { zone: ZONE });
  const end = DateTime.fromJSDate(to, { zone: ZONE });
  const firstWhole = start.equals(start.startOf('month')) ? start : start.startOf('month').plus({ months: 1 });
  const afterWhole = end.startOf('month');
  const whole = firstWhole < afterWhole;

  const changed = whole
    ? ((await manager.query(`SELECT DISTINCT month::text AS month FROM statistics_change WHERE month >= $1 AND month < $2 ORDER BY month`, [
        monthKey(firstWhole),
        monthKey(afterWhole),
      ])) as Array<{ month: string }>)
    : [];

  // what is counted from the complaints: adjacent ranges joined
  const ranges: Array<[DateTime, DateTime]> = [];
  const count = (a: DateTime, b: DateTime) => {
    if (b <= a) return;
    const last = ranges.at(-1);
    if (last && last[1].equals(a)) last[1] = b;
    else ranges.push([a, b]);
  };
  if (!whole) count(start, end);
  else {
    count(start, firstWhole);
    for (const { month } of changed) count(monthStart(month), monthStart(month).plus({ months: 1 }));
    count(afterWhole, end);
  }

  const parameters: unknown[] = [dimension, monthKey(whole ? firstWhole : start), monthKey(whole ? afterWhole : start), changed.map((c) => c.month)];
  const live = ranges.map(([a, b]) => {
    parameters.push(a.toJSDate(), b.toJSDate());
    return `(c.received_at >= $${parameters.length - 1} AND c.received_at < $${parameters.length})`;
  });
  const stored = `dimension = $1 AND month >= $2::date AND month < $3::date AND month <> ALL($4::date[])`;
  const from_ = (table: string, columns: string, builder: (dimensions: RollupDimension[], where: string) => string) =>
    `FROM (SELECT month, value, ${columns} FROM ${table} WHERE ${stored}
           ${live.length ? `UNION ALL SELECT month, value, ${columns} FROM (${builder([dimension], `(${live.join(' OR ')})`)}) b` : ''}) x
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
