/**
 * Where the facts come from (complaintFacts and the CSV): a complaint with its complainant's pseudonym, unit, category,
 * survey and deadline counts. `now` is a parameter ($1) for a query, or a literal for COPY (which takes none).
 */
export const factFrom = (now: string): string => `
  FROM complaint c
  JOIN complainant p ON p.id = c.complainant_id
  LEFT JOIN organisational_unit u ON u.id = c.unit_id
  LEFT JOIN category cat ON cat.id = c.category_id
  LEFT JOIN satisfaction_survey s ON s.complaint_id = c.id
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE met_at <= due_at) AS on_time,
           count(*) FILTER (WHERE met_at > due_at) AS late,
           count(*) FILTER (WHERE met_at IS NULL AND cancelled_at IS NULL AND due_at >= ${now}) AS open,
           count(*) FILTER (WHERE met_at IS NULL AND due_at < coalesce(cancelled_at, ${now})) AS breached
    FROM deadline WHERE complaint_id = c.id AND (cancelled_at IS NULL OR cancelled_at > due_at) AND kind <> 'OBJECTION_WINDOW'
  ) d ON true`;
