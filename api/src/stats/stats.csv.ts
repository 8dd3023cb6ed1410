import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { DateTime } from 'luxon';
import type { Services } from '../services';
import { INPUT_LIMITS } from '../shared/input-guard';
import { ROLES_FOR } from '../shared/roles';

function refuse(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * GET /bi/complaints.csv[?updatedSince=ISO]: the pseudonymised facts as CSV for tools that do not speak GraphQL, with
 * a BI token (or a staff sign-in with a BI role). PostgreSQL writes the CSV (COPY, fact-csv.ts) straight into the
 * response: constant memory whatever the number of rows; a reader that goes away ends the COPY.
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

  const { csv, finish } = await services.stats.factCsv(since?.toJSDate());
  response.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="klachten.csv"',
    'Cache-Control': 'no-store',
  });
  let completed = false;
  try {
    await pipeline(csv, response);
    completed = true;
  } finally {
    await finish(completed);
  }
}
