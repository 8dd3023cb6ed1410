import { Client } from 'pg';
import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * The CSV export (issue 17): written by PostgreSQL (COPY … TO STDOUT) and passed on as it comes — the same facts,
 * value for value, as complaintFacts gives, still pseudonymised; a reader that goes away ends the COPY and gives its
 * connection back, however often it happens.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let director: Member;
let analyst: string;

/** Every field of the facts, in two requests (each within the API's cost limit). */
const FACTS = [
  `{ complaintFacts(first: 100) { nodes { id reference kind status channel receivedAt updatedAt unit category policy verdict offer satisfaction customerAgreed } } }`,
  `{ complaintFacts(first: 100) { nodes { id ackWorkingDays responseWorkingDays closureWorkingDays deadlinesOnTime deadlinesLate deadlinesOpen deadlinesBreached
    objection hearingHeld referred complainantPseudonym complainantRelation surveyHandling surveyOutcome reopenRequested } } }`,
];

/** A value of the graph as the CSV writes it: nothing for null, ";" between offers, true/false, numbers and text as they are. */
const asCsv = (value: unknown): string => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value));

beforeAll(async () => {
  app = await startTestApp({ clock, env: { DATABASE_POOL_SIZE: '4' } });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR']);
  const steps = complaintSteps(app);
  let answered = ok(await steps.register(director.token, { complainant: { name: 'Anna Bijl', email: 'anna@example.org', relation: 'CLIENT' } }));
  answered = ok(await steps.assign(answered, director.token, director.id));
  answered = ok(await steps.contact(answered, director.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  answered = ok(await steps.assess(answered, director.token, { offer: ['APOLOGY', 'EXPLANATION'] }));
  answered = ok(await steps.respond(answered, director.token));
  ok(await steps.outcome(answered, director.token));
  ok(await steps.register(director.token, { channel: 'LETTER', complainant: { name: 'Bert, "de" Boer', phone: '+31 20 123 4567', relation: 'EMPLOYER' } }));
  const created = await app.graphql<{ createApiToken: { secret: string } }>(
    'mutation { createApiToken(input: { name: "BI", scope: ANALYST }) { secret } }',
    {},
    adminToken,
  );
  analyst = created.data!.createApiToken.secret;
});
afterAll(() => app.stop());

it('writes the same facts as the graph, value for value, without personal data', async () => {
  const response = await fetch(`${app.url}/bi/complaints.csv`, { headers: { authorization: `Bearer ${analyst}` } });
  expect(response.status).toBe(200);
  const text = await response.text();
  const [header, ...rows] = text.trim().split('\n');
  const columns = header.split(',');
  const [first, second] = await Promise.all(
    FACTS.map(async (query) => {
      const result = await app.graphql<{ complaintFacts: { nodes: Array<Record<string, unknown>> } }>(query, {}, analyst);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.complaintFacts.nodes;
    }),
  );
  const facts = first.map((fact, index) => ({ ...fact, ...second[index] }));
  expect(columns.sort()).toEqual(Object.keys(facts[0]).sort());
  expect(rows).toHaveLength(facts.length);
  const ordered = header.split(',');
  for (const [index, fact] of facts.entries()) expect(rows[index].split(',')).toEqual(ordered.map((column) => asCsv(fact[column])));
  expect(text).toContain('APOLOGY;EXPLANATION');
  for (const secret of ['Anna', 'anna@example.org', 'Bert', 'Boer', '123 4567']) expect(text).not.toContain(secret);
});

it('gives the connection back when the reader goes away, every time', async () => {
  for (let i = 0; i < 12; i++) {
    const aborted = new AbortController();
    const response = await fetch(`${app.url}/bi/complaints.csv`, { headers: { authorization: `Bearer ${analyst}` }, signal: aborted.signal });
    aborted.abort();
    await response.body?.cancel().catch(() => undefined);
  }
  // more aborted exports than the pool has connections: it still serves one to the end
  const after = await fetch(`${app.url}/bi/complaints.csv`, { headers: { authorization: `Bearer ${analyst}` } });
  expect(after.status).toBe(200);
  expect((await after.text()).trim().split('\n')).toHaveLength(3);
  const owner = new Client({ connectionString: app.database.ownerUrl });
  await owner.connect();
  try {
    const copying = await owner.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT%' AND state = 'active'`);
    expect(copying.rows[0].n).toBe(0);
  } finally {
    await owner.end();
  }
});
