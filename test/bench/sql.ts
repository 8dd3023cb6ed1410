/**
 * The hand-written side of workloads 2 and 3: one statement each, returning what the GraphQL query
 * returns (same filter, same COUNT(*) OVER () total, same order and page), shaped in PostgreSQL with
 * json aggregation.
 */

/** Workload 2: a unit's page of 50 by next due moment, with handler, unit, complainant and deadlines. */
export const LIST_GRAPHQL = `query List($unitId: ID!) {
  complaintList(filter: { unitId: $unitId }, sortField: nextDueAt, perPage: 50) {
    total
    items {
      id reference status receivedAt nextDueAt
      handler { id name }
      unit { id code name }
      complainant { id name email }
      deadlines { kind dueAt dueDate metAt }
    }
  }
}`;

export const LIST_SQL = `
WITH page AS (
  SELECT c.id, c.reference, c.status, c.received_at, c.next_due_at, c.handler_id, c.unit_id, c.complainant_id
    FROM complaint c
   WHERE c.unit_id = $1
   ORDER BY c.next_due_at ASC NULLS LAST, c.id ASC
   LIMIT 50
)
SELECT json_build_object(
  'total', (SELECT count(*) FROM complaint WHERE unit_id = $1),
  'items', COALESCE(json_agg(json_build_object(
      'id', p.id, 'reference', p.reference, 'status', p.status, 'receivedAt', p.received_at, 'nextDueAt', p.next_due_at,
      'handler', (SELECT json_build_object('id', s.id, 'name', s.name) FROM staff s WHERE s.id = p.handler_id),
      'unit', (SELECT json_build_object('id', u.id, 'code', u.code, 'name', u.name) FROM organisational_unit u WHERE u.id = p.unit_id),
      'complainant', (SELECT json_build_object('id', k.id, 'name', k.name, 'email', k.email) FROM complainant k WHERE k.id = p.complainant_id),
      'deadlines', (SELECT COALESCE(json_agg(json_build_object('kind', d.kind, 'dueAt', d.due_at, 'dueDate', d.due_date, 'metAt', d.met_at) ORDER BY d.due_at, d.kind), '[]')
                      FROM deadline d WHERE d.complaint_id = p.id AND d.cancelled_at IS NULL)
    ) ORDER BY p.next_due_at ASC NULLS LAST, p.id ASC), '[]')
) AS page
FROM page p`;

/** Workload 3: open deadlines, overdue or due later this week, earliest first, with their complaint. */
export const DEADLINES_GRAPHQL = `query Sweep($due: DueWindow!) {
  deadlineList(filter: { due: $due }, perPage: 50) {
    total
    items { id kind dueAt dueDate complaint { id reference } }
  }
}`;

/** OVERDUE: $1 now, due before it; LATER_THIS_WEEK: $1 the end of today, $2 the start of next week, due in between. */
export const deadlinesSql = (window: 'OVERDUE' | 'LATER_THIS_WEEK') => `
WITH page AS (
  SELECT d.id, d.kind, d.due_at, d.due_date, d.complaint_id, count(*) OVER () AS total
    FROM deadline d
    JOIN complaint c ON c.id = d.complaint_id
   WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL
     AND ${window === 'OVERDUE' ? 'd.due_at < $1' : 'd.due_at >= $1 AND d.due_at < $2'} AND d.kind NOT IN ('OBJECTION_WINDOW', 'INFORMATION')
   ORDER BY d.due_at ASC NULLS LAST, d.id ASC
   LIMIT 50
)
SELECT json_build_object(
  'total', COALESCE((SELECT total FROM page LIMIT 1), 0),
  'items', COALESCE(json_agg(json_build_object(
      'id', p.id, 'kind', p.kind, 'dueAt', p.due_at, 'dueDate', p.due_date,
      'complaint', (SELECT json_build_object('id', c.id, 'reference', c.reference) FROM complaint c WHERE c.id = p.complaint_id)
    ) ORDER BY p.due_at ASC NULLS LAST, p.id ASC), '[]')
) AS page
FROM page p`;

export const OVERDUE_COMPLAINTS_GRAPHQL = `query Overdue {
  complaintList(filter: { overdue: true }, perPage: 50) {
    total
    items { id reference status receivedAt nextDueAt }
  }
}`;

/** $1: now. The default sort of complaintList: received first. */
export const OVERDUE_COMPLAINTS_SQL = `
WITH page AS (
  SELECT c.id, c.reference, c.status, c.received_at, c.next_due_at, count(*) OVER () AS total
    FROM complaint c
   WHERE c.next_due_at < $1
   ORDER BY c.received_at ASC NULLS LAST, c.id ASC
   LIMIT 50
)
SELECT json_build_object(
  'total', COALESCE((SELECT total FROM page LIMIT 1), 0),
  'items', COALESCE(json_agg(json_build_object(
      'id', p.id, 'reference', p.reference, 'status', p.status, 'receivedAt', p.received_at, 'nextDueAt', p.next_due_at
    ) ORDER BY p.received_at ASC NULLS LAST, p.id ASC), '[]')
) AS page
FROM page p`;

/**
 * Proposals (see the results): the list statements with their total as a scalar sub-select over the
 * same filter (counted from an index, once) instead of COUNT(*) OVER () (which carries every matching
 * row, all columns wide, through a WindowAgg, spilling to disk), and the deadline list without its
 * join to complaint when the caller sees everything. The bench times each against the statement the
 * API sends today.
 */
export const PROPOSED_STATEMENTS = {
  '2': `SELECT c.*, (SELECT count(*) FROM complaint c2 WHERE c2.unit_id = $1) AS total
          FROM complaint c WHERE c.unit_id = $1 ORDER BY c.next_due_at ASC NULLS LAST, c.id ASC LIMIT 50`,
  '3a': `SELECT d.*, (SELECT count(*) FROM deadline d2 WHERE d2.met_at IS NULL AND d2.cancelled_at IS NULL AND d2.due_at < $1) AS total
           FROM deadline d WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND d.due_at < $1 ORDER BY d.due_at ASC NULLS LAST, d.id ASC LIMIT 50`,
  '3b': `SELECT d.*, (SELECT count(*) FROM deadline d2 WHERE d2.met_at IS NULL AND d2.cancelled_at IS NULL AND d2.due_at <= $1) AS total
           FROM deadline d WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND d.due_at <= $1 ORDER BY d.due_at ASC NULLS LAST, d.id ASC LIMIT 50`,
  '3c': `SELECT c.*, (SELECT count(*) FROM complaint c2 WHERE c2.next_due_at < $1) AS total
           FROM complaint c WHERE c.next_due_at < $1 ORDER BY c.received_at ASC NULLS LAST, c.id ASC LIMIT 50`,
} as const;

/**
 * The indexes proposed for the overdue filters (next_due_at is set on open complaints only, so both
 * are small): the count of overdue complaints from the first, the page in received order from the
 * second. `--proposed-indexes` creates them in the bench database so their effect can be measured
 * before a migration adds them; without the flag they are dropped again, so that a normal run
 * measures the schema of the migrations.
 */
export const PROPOSED_INDEXES = [
  'CREATE INDEX IF NOT EXISTS bench_proposed_complaint_open_next_due_idx ON complaint (next_due_at) WHERE next_due_at IS NOT NULL',
  'CREATE INDEX IF NOT EXISTS bench_proposed_complaint_open_received_idx ON complaint (received_at) WHERE next_due_at IS NOT NULL',
];
export const PROPOSED_INDEX_NAMES = [
  'bench_proposed_complaint_open_next_due_idx',
  'bench_proposed_complaint_open_received_idx',
  'bench_proposed_complaint_next_due_idx',
];

/** Same data? Timestamps compared as instants (JSON from PostgreSQL and from GraphQL format them differently). */
export function normalise(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v, k)]),
    );
  }
  if (typeof value === 'string' && /At$/.test(key)) return Date.parse(value);
  return value;
}

export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}
