import type { ComplaintFact } from './stats.types';

/** How a fact is written in the CSV: as PostgreSQL gives it, a moment in UTC, true/false, a list joined by ";". */
type CsvForm = 'text' | 'moment' | 'boolean' | 'list';

/**
 * Each fact as SQL over the tables of `factFrom`, and how the CSV writes it: one table for complaintFacts and the CSV
 * (fact-csv.ts), so the two give the same facts. A field the facts gain breaks the typecheck here until it has its SQL.
 */
const FACTS: { [K in keyof ComplaintFact]: [sql: string, csv?: CsvForm] } = {
  id: ['c.id'],
  reference: ['c.reference'],
  kind: ['c.kind'],
  status: ['c.status'],
  channel: ['c.channel'],
  receivedAt: ['c.received_at', 'moment'],
  updatedAt: ['c.updated_at', 'moment'],
  unit: ['u.code'],
  category: ['cat.key'],
  policy: [`c.policy_snapshot->>'key'`],
  verdict: ['c.verdict'],
  offer: ['c.offer', 'list'],
  satisfaction: ['c.satisfaction'],
  customerAgreed: ['c.customer_agreed', 'boolean'],
  ackWorkingDays: ['c.ack_working_days'],
  responseWorkingDays: ['c.response_working_days'],
  closureWorkingDays: ['c.closure_working_days'],
  deadlinesOnTime: ['coalesce(d.on_time, 0)::int'],
  deadlinesLate: ['coalesce(d.late, 0)::int'],
  deadlinesOpen: ['coalesce(d.open, 0)::int'],
  deadlinesBreached: ['coalesce(d.breached, 0)::int'],
  objection: ['(c.objection_filed_at IS NOT NULL)', 'boolean'],
  hearingHeld: ['(c.hearing_held_at IS NOT NULL)', 'boolean'],
  // a hashed sub-plan: one pass over the referrals for a page or for every row
  referred: ['(c.id IN (SELECT complaint_id FROM referral))', 'boolean'],
  complainantPseudonym: ['p.pseudonym'],
  complainantRelation: ['p.relation'],
  surveyHandling: ['s.handling_score'],
  surveyOutcome: ['s.outcome_score'],
  reopenRequested: ['coalesce(s.reopen_requested, false)', 'boolean'],
};

/** The facts' columns as the graph reads them (complaintFacts). */
export const factColumns = (): string =>
  Object.entries(FACTS)
    .map(([name, [sql]]) => `${sql} AS "${name}"`)
    .join(', ');

/** A moment as the graph gives it (JavaScript's toISOString: UTC, milliseconds, Z). */
const iso = (sql: string) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const CSV_FORMS: Record<CsvForm, (sql: string) => string> = {
  text: (sql) => sql,
  moment: iso,
  boolean: (sql) => `${sql}::text`,
  list: (sql) => `NULLIF(array_to_string(${sql}, ';'), '')`,
};

/** The same columns as text for the CSV, in the same order: dates as ISO 8601 in UTC, booleans as true/false, lists by ";". */
export const factCsvColumns = (): string =>
  Object.entries(FACTS)
    .map(([name, [sql, form = 'text']]) => `${CSV_FORMS[form](sql)} AS "${name}"`)
    .join(', ');

/** Counted per complaint: its deadlines on time, late, open and breached (moot ones and the complaint's own window left out). */
const deadlineCounts = (now: string) => `
    count(*) FILTER (WHERE met_at <= due_at) AS on_time,
    count(*) FILTER (WHERE met_at > due_at) AS late,
    count(*) FILTER (WHERE met_at IS NULL AND cancelled_at IS NULL AND due_at >= ${now}) AS open,
    count(*) FILTER (WHERE met_at IS NULL AND due_at < coalesce(cancelled_at, ${now})) AS breached
  FROM deadline WHERE (cancelled_at IS NULL OR cancelled_at > due_at) AND kind <> 'OBJECTION_WINDOW'`;

/**
 * Where the facts come from (complaintFacts and the CSV): a complaint with its complainant's pseudonym, unit, category,
 * survey and deadline counts. `now` is a parameter ($1) for a query, or a literal for COPY (which takes none).
 * `reading`: 'PAGE' counts each complaint's deadlines beside it (an index lookup per row: right for a page of facts),
 * 'ALL' counts every complaint's at once and joins them (one pass: right for an export of every row).
 */
export const factFrom = (now: string, reading: 'PAGE' | 'ALL' = 'PAGE'): string => `
  FROM complaint c
  JOIN complainant p ON p.id = c.complainant_id
  LEFT JOIN organisational_unit u ON u.id = c.unit_id
  LEFT JOIN category cat ON cat.id = c.category_id
  LEFT JOIN satisfaction_survey s ON s.complaint_id = c.id
  ${
    reading === 'PAGE'
      ? `LEFT JOIN LATERAL (SELECT ${deadlineCounts(now)} AND complaint_id = c.id) d ON true`
      : `LEFT JOIN (SELECT complaint_id, ${deadlineCounts(now)} GROUP BY complaint_id) d ON d.complaint_id = c.id`
  }`;
