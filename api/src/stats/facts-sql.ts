/**
 * Where the facts come from (complaintFacts and the CSV): a complaint with its complainant's pseudonym, unit, category,
 * survey and deadline counts. `now` is a parameter ($1) for a query, or a literal for COPY (which takes none).
 */
/** Counted per complaint: its deadlines on time, late, open and breached (moot ones and the complaint's own window left out). */
const deadlineCounts = (now: string) => `
    count(*) FILTER (WHERE met_at <= due_at) AS on_time,
    count(*) FILTER (WHERE met_at > due_at) AS late,
    count(*) FILTER (WHERE met_at IS NULL AND cancelled_at IS NULL AND due_at >= ${now}) AS open,
    count(*) FILTER (WHERE met_at IS NULL AND due_at < coalesce(cancelled_at, ${now})) AS breached
  FROM deadline WHERE (cancelled_at IS NULL OR cancelled_at > due_at) AND kind <> 'OBJECTION_WINDOW'`;

/**
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
