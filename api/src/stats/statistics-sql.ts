import { type StatisticsRow, StatsDimension } from './stats.types';

/**
 * The statistics' SQL in one place: what a row of complaintStatistics adds up, over the complaints themselves (the
 * scan) and over the rollup the statistics job keeps per day or month and dimension (rollup.ts) — the same sums either way,
 * so the figures are the same whichever path answers.
 */

/** How long a row of the rollup covers from its start: a calendar day or month in Amsterdam. */
export type Span = 'DAY' | 'MONTH';

/** The day or month of a complaint as the statistics count it, in Amsterdam. */
const startOf = (span: Span) =>
  span === 'DAY' ? `(c.received_at AT TIME ZONE 'Europe/Amsterdam')::date` : `date_trunc('month', c.received_at AT TIME ZONE 'Europe/Amsterdam')::date`;

/** A dimension the rollup is kept by: ALL (no grouping) and every dimension but the two of time. */
export type RollupDimension = 'ALL' | Exclude<StatsDimension, StatsDimension.MONTH | StatsDimension.QUARTER>;

interface Dimension {
  column: keyof StatisticsRow;
  /** Over the complaint `c`, its unit `u` and category `cat` (the scan). */
  sql: string;
  /** Over the rollup's rows `x` (start, value), with the unit `u` and category `cat` of the value. */
  rollupSql: string;
  extra?: { column: keyof StatisticsRow; sql: string };
  /** What the rollup keeps as the dimension's value; none for the two of time (the rollup is by day or month). */
  value?: string;
}

/** Dimension → SQL; fixed strings, never user text. */
export const DIMENSIONS: Record<StatsDimension, Dimension> = {
  MONTH: { column: 'month', sql: `to_char(c.received_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM')`, rollupSql: `to_char(x.start, 'YYYY-MM')` },
  QUARTER: { column: 'quarter', sql: `to_char(c.received_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-"Q"Q')`, rollupSql: `to_char(x.start, 'YYYY-"Q"Q')` },
  UNIT: { column: 'unit', sql: 'u.code', rollupSql: 'u.code', extra: { column: 'unitName', sql: 'u.name' }, value: 'c.unit_id::text' },
  CATEGORY: { column: 'category', sql: 'cat.key', rollupSql: 'cat.key', extra: { column: 'categoryName', sql: 'cat.name' }, value: 'c.category_id::text' },
  CHANNEL: { column: 'channel', sql: 'c.channel', rollupSql: 'x.value', value: 'c.channel' },
  POLICY: { column: 'policy', sql: `c.policy_snapshot->>'key'`, rollupSql: 'x.value', value: `c.policy_snapshot->>'key'` },
  VERDICT: { column: 'verdict', sql: 'c.verdict', rollupSql: 'x.value', value: 'c.verdict' },
  STATUS: { column: 'status', sql: 'c.status', rollupSql: 'x.value', value: 'c.status' },
  KIND: { column: 'kind', sql: 'c.kind', rollupSql: 'x.value', value: 'c.kind' },
};

export const ROLLUP_DIMENSIONS: RollupDimension[] = [
  'ALL',
  StatsDimension.UNIT,
  StatsDimension.CATEGORY,
  StatsDimension.CHANNEL,
  StatsDimension.POLICY,
  StatsDimension.VERDICT,
  StatsDimension.STATUS,
  StatsDimension.KIND,
];

/** The unit and category of the complaint `c` (the scan) or of the rollup's value `x.value` (by dimension). */
export const NAMES_OF_COMPLAINT = `LEFT JOIN organisational_unit u ON u.id = c.unit_id LEFT JOIN category cat ON cat.id = c.category_id`;
export const namesOfValue = (dimension: RollupDimension) =>
  dimension === 'UNIT'
    ? 'LEFT JOIN organisational_unit u ON u.id = x.value::uuid'
    : dimension === 'CATEGORY'
      ? 'LEFT JOIN category cat ON cat.id = x.value::uuid'
      : '';

/** What a group of complaints adds up to: columns of statistics_rollup, each a sum over its complaints. */
export const COUNTS: Array<[column: string, sql: string]> = [
  ['complaints', `count(*) FILTER (WHERE c.kind = 'COMPLAINT')`],
  ['signals', `count(*) FILTER (WHERE c.kind = 'SIGNAL')`],
  ['assessed', 'count(c.verdict)'],
  ['well_founded', `count(*) FILTER (WHERE c.verdict IN ('WELL_FOUNDED', 'PARTLY_WELL_FOUNDED'))`],
  ['paused', 'count(*) FILTER (WHERE c.paused_working_days > 0 OR c.paused_since IS NOT NULL)'],
  ['extended', 'count(c.extended_at)'],
  ['resolved_by_receiver', 'count(*) FILTER (WHERE c.resolved_by_receiver)'],
  ['objections', 'count(o.id)'],
  ['late_objections', 'count(o.id) FILTER (WHERE o.late)'],
  ['hearings_held', 'count(*) FILTER (WHERE c.hearing_held_at IS NOT NULL)'],
  ['hearings_waived', 'count(*) FILTER (WHERE c.hearing_waived_at IS NOT NULL)'],
  ['settlements', 'count(o.settled_at)'],
  ['referrals', 'coalesce(sum(r.referrals), 0)'],
  ['referral_outcomes', 'coalesce(sum(r.outcomes), 0)'],
  ['binding_outcomes', 'coalesce(sum(r.binding_outcomes), 0)'],
  ['satisfaction_sum', 'coalesce(sum(c.satisfaction), 0)'],
  ['satisfaction_responses', 'count(c.satisfaction)'],
  ['survey_handling_sum', 'coalesce(sum(s.handling_score), 0)'],
  ['survey_outcome_sum', 'coalesce(sum(s.outcome_score), 0)'],
  ['survey_responses', 'count(s.id)'],
  ['reopen_requests', 'count(*) FILTER (WHERE s.reopen_requested)'],
];

/**
 * The averages from the sums: numeric over numeric, as PostgreSQL's avg() of an integer divides its sum by its count,
 * so the figure is the same to the last digit.
 */
export const AVERAGES: Array<[column: string, sum: string, count: string]> = [
  ['well_founded_share', 'well_founded', 'assessed'],
  ['average_satisfaction', 'satisfaction_sum', 'satisfaction_responses'],
  ['survey_handling', 'survey_handling_sum', 'survey_responses'],
  ['survey_outcome', 'survey_outcome_sum', 'survey_responses'],
];

/** The lead times, each in whole working days; closure counts complaints only (a signal is not closed with a response). */
export const LEAD_TIMES: Array<[measure: string, sql: string]> = [
  ['ack', 'c.ack_working_days'],
  ['response', 'c.response_working_days'],
  ['closure', `CASE WHEN c.kind = 'COMPLAINT' THEN c.closure_working_days END`],
  ['response_net', 'c.response_net_working_days'],
  ['closure_net', `CASE WHEN c.kind = 'COMPLAINT' THEN c.closure_net_working_days END`],
];

/** The deadlines the statistics count: moot ones (cancelled before they were due) and the objection window left out. */
export const COUNTED_DEADLINES = `(d.cancelled_at IS NULL OR d.cancelled_at > d.due_at) AND d.kind <> 'OBJECTION_WINDOW'`;

const dimensionValues = (dimensions: RollupDimension[]) =>
  `CROSS JOIN LATERAL (VALUES ${dimensions.map((dimension) => `('${dimension}', ${dimension === 'ALL' ? 'NULL::text' : DIMENSIONS[dimension].value})`).join(', ')}) g(dimension, value)`;

/**
 * What the counts read beside a complaint `c`: its objection `o`, survey `s` and referrals `r` (each at most one row
 * per complaint). The referrals grouped once and hash-joined: a LATERAL lookup per complaint made the scan 4-5× slower.
 */
export const BESIDE_COMPLAINT = `
  LEFT JOIN objection o ON o.complaint_id = c.id
  LEFT JOIN satisfaction_survey s ON s.complaint_id = c.id
  LEFT JOIN (
    SELECT complaint_id, count(*) AS referrals, count(outcome_recorded_at) AS outcomes, count(outcome_recorded_at) FILTER (WHERE binding) AS binding_outcomes
    FROM referral GROUP BY complaint_id
  ) r ON r.complaint_id = c.id`;

/** Per day or month and dimension value: the counts of the complaints `where` selects (columns as statistics_rollup). */
export const countsSql = (span: Span, dimensions: RollupDimension[], where: string) => `
  SELECT ${startOf(span)} AS start, g.dimension, g.value, ${COUNTS.map(([column, sql]) => `${sql} AS ${column}`).join(', ')}
  FROM complaint c ${dimensionValues(dimensions)}
  ${BESIDE_COMPLAINT}
  WHERE ${where}
  GROUP BY 1, 2, 3`;

/** Per day or month, dimension value, lead time and number of working days: how many complaints took that long (statistics_lead_time). */
export const leadTimesSql = (span: Span, dimensions: RollupDimension[], where: string) => `
  SELECT ${startOf(span)} AS start, g.dimension, g.value, m.measure, m.days, count(*)::int AS count
  FROM complaint c ${dimensionValues(dimensions)}
  CROSS JOIN LATERAL (VALUES ${LEAD_TIMES.map(([measure, sql]) => `('${measure}', ${sql})`).join(', ')}) m(measure, days)
  WHERE ${where} AND m.days IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5`;

/**
 * Per day or month, dimension value and kind of deadline: the settled ones counted (met on time, met late, cancelled after
 * they were due), the pending ones by their due moment — open or breached is decided when read, against the clock
 * (statistics_compliance).
 */
export const complianceSql = (span: Span, dimensions: RollupDimension[], where: string) => `
  SELECT ${startOf(span)} AS start, g.dimension, g.value, d.kind,
    CASE WHEN d.met_at IS NULL AND d.cancelled_at IS NULL THEN d.due_at END AS pending_due,
    count(*) FILTER (WHERE d.met_at <= d.due_at)::int AS on_time,
    count(*) FILTER (WHERE d.met_at > d.due_at)::int AS late,
    count(*) FILTER (WHERE d.met_at IS NULL AND d.cancelled_at IS NOT NULL)::int AS breached,
    count(*) FILTER (WHERE d.met_at IS NULL AND d.cancelled_at IS NULL)::int AS pending
  FROM deadline d JOIN complaint c ON c.id = d.complaint_id ${dimensionValues(dimensions)}
  WHERE ${where} AND ${COUNTED_DEADLINES}
  GROUP BY 1, 2, 3, 4, 5`;

/**
 * PostgreSQL's percentile_cont over a histogram of whole numbers (ascending [value, count]): the value at position
 * p·(n − 1), interpolated between the two around it, in the same float arithmetic — so the same figure.
 */
export function percentileCont(histogram: Array<[value: number, count: number]>, fraction: number): number | null {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const first = Math.floor(position);
  const second = Math.ceil(position);
  const at = (index: number) => {
    let seen = 0;
    for (const [value, count] of histogram) {
      seen += count;
      if (index < seen) return value;
    }
    throw new Error('percentile out of range');
  };
  const low = at(first);
  if (first === second) return low;
  return low + (at(second) - low) * (position - first);
}
