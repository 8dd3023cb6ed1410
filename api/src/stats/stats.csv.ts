import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { DateTime } from 'luxon';
import type { Services } from '../services';
import { INPUT_LIMITS } from '../shared/input-guard';
import { ROLES_FOR } from '../shared/roles';
import { FACT_CSV_COLUMNS } from './stats.service';

function refuse(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * GET /bi/complaints.csv[?updatedSince=ISO]: the pseudonymised facts as CSV for tools that do not
 * speak GraphQL, with a BI token (or a staff sign-in with a BI role). Streamed from a server-side
 * cursor straight into the response: constant memory, whatever the number of rows.
 */
export async function exportFactsCsv(request: Request, response: Response, services: Services): Promise<void> {
  const caller = await services.auth.authenticate(request.headers.authorization);
  if (!caller) return refuse(response, 401, 'UNAUTHENTICATED', 'Send a BI token as Authorization: Bearer <token>.');
  if (!ROLES_FOR.STATISTICS.some((role) => caller.effectiveRoles.has(role)))
    return refuse(response, 403, 'FORBIDDEN', 'This needs the ANALYST role (a BI token).');
  const since = typeof request.query.updatedSince === 'string' ? DateTime.fromISO(request.query.updatedSince) : undefined;
  if (since && (!since.isValid || since.toJSDate() < INPUT_LIMITS.earliest || since.toJSDate() >= INPUT_LIMITS.latest)) {
    return refuse(response, 400, 'BAD_USER_INPUT', 'updatedSince must be an ISO 8601 date-time between the years 1990 and 2199.');
  }

  const { rows, release } = await services.stats.factStream(since?.toJSDate());
  response.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="klachten.csv"',
    'Cache-Control': 'no-store',
  });
  const csv = stringify({
    header: true,
    columns: FACT_CSV_COLUMNS.map((key) => ({ key })),
    cast: {
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'true' : 'false'),
      object: (value) => (Array.isArray(value) ? value.join(';') : JSON.stringify(value)),
    },
  });
  try {
    await pipeline(rows, csv, response);
  } finally {
    await release();
  }
}
