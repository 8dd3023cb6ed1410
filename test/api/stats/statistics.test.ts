import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * A fixture built by hand, with every expected figure worked out on paper (working days per the
 * Algemene termijnenwet; percentile_cont interpolates: p90 of [1, 1, 3] = 1 + 0.8·(3 − 1) = 2.6).
 *
 * C1  NOORD bejegening     received Mon 2 Mar 10:00; contact 3 Mar (1 wd); answer 9 Mar (5 wd); WELL_FOUNDED; satisfaction 4; closed 10 Mar (6 wd)
 * C2  NOORD bereikbaarheid received Wed 1 Apr 09:00; contact 8 Apr (3 wd: Good Friday, Easter Monday); answer 20 Apr (11 wd); UNFOUNDED; satisfaction 2
 * C3  ZUID  bejegening     received Mon 4 May 10:00; nothing done (everything past due on 10 Jul)
 * C4  ZUID  bejegening     received Mon 1 Jun 10:00, policy procedure-klachten; contact 2 Jun (1 wd); answer 5 Jun (4 wd); PARTLY_WELL_FOUNDED
 * C5  NOORD (web form)     received Tue 30 Jun 23:30 (still June in Amsterdam and in UTC)
 * S1  NOORD bereikbaarheid a signal, 10 Feb
 * C6  NOORD bejegening     received 15 Dec 2025: the previous half-year
 * C7  NOORD (web form)     received Wed 1 Jul 00:30 Amsterdam = 30 Jun 22:30 UTC: outside the first half-year
 * "Now" is Friday 10 July 2026.
 */
const clock = new FixedClock('2026-03-02T10:00:00');
let app: TestApp;
let adminToken: string;
let director: Member;
let steps: ReturnType<typeof complaintSteps>;
const units: Record<string, string> = {};
const categories: Record<string, string> = {};
const people = {
  c1: { name: 'Anna de Vries', email: 'anna@example.org' },
  c3: { name: 'Bram Jansen', email: 'bram@example.org' },
  c4: { name: 'Bram Jansen', email: 'BRAM@example.org' }, // the same person again
};

const STATS = `query ($input: StatisticsInput!) {
  complaintStatistics(input: $input) {
    month unit unitName category channel complaints signals assessed wellFoundedShare
    toAcknowledgement { median p90 count } toResponse { median p90 count } toClosure { median p90 count }
    compliance { kind onTime late open breached onTimeShare }
    objections hearingsHeld referrals averageSatisfaction satisfactionResponses
  }
}`;
const FIRST_HALF = { from: '2026-01-01T00:00:00+01:00', to: '2026-07-01T00:00:00+02:00' };

async function at(iso: string) {
  clock.set(iso);
}

async function handled(input: Record<string, unknown>, plan: { contact?: string; respond?: string; verdict?: string; satisfaction?: number; close?: string }) {
  let c = ok(await steps.register(director.token, input));
  c = ok(await steps.assign(c, director.token, director.id));
  if (plan.contact) {
    await at(plan.contact);
    c = ok(await steps.contact(c, director.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  }
  if (plan.respond) {
    c = ok(await steps.assess(c, director.token, { verdict: plan.verdict }));
    await at(plan.respond);
    c = ok(await steps.respond(c, director.token));
    if (plan.satisfaction) {
      const recorded = await app.graphql<{ recordOutcome: ComplaintView }>(
        'mutation ($id: ID!, $version: Int!) { recordOutcome(id: $id, version: $version, input: { customerAgreed: true, satisfaction: ' +
          plan.satisfaction +
          ' }) { id version } }',
        { id: c.id, version: c.version },
        director.token,
      );
      c = { ...c, version: recorded.data!.recordOutcome.version };
    }
  }
  if (plan.close) {
    await at(plan.close);
    c = ok(await steps.close(c, director.token));
  }
  return c;
}

beforeAll(async () => {
  app = await startTestApp({ clock, env: { SUBMIT_RATE_LIMIT: '1000' } });
  steps = complaintSteps(app);
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR']);
  for (const code of ['NOORD', 'ZUID']) {
    units[code] = await createUnit(app, adminToken, { code });
  }
  const list = await app.graphql<{ categoryList: { items: Array<{ id: string; key: string }> } }>('{ categoryList { items { id key } } }', {}, adminToken);
  for (const category of list.data!.categoryList.items) categories[category.key] = category.id;
  const complainant = (person: { name: string; email: string } | undefined, i: number) => ({
    relation: 'CLIENT',
    ...(person ?? { name: `Klant ${i}`, email: `klant${i}@example.org` }),
  });

  await at('2025-12-15T10:00:00');
  await handled({ unitId: units.NOORD, categoryId: categories.bejegening, complainant: complainant(undefined, 6) }, {});
  await at('2026-02-10T10:00:00');
  ok(
    await steps.register(director.token, {
      kind: 'SIGNAL',
      unitId: units.NOORD,
      categoryId: categories.bereikbaarheid,
      complainant: complainant(undefined, 0),
    }),
  );
  await at('2026-03-02T10:00:00');
  await handled(
    {
      unitId: units.NOORD,
      categoryId: categories.bejegening,
      complainant: complainant(people.c1, 1),
      description: 'Onvriendelijk te woord gestaan door de consulent.',
    },
    { contact: '2026-03-03T10:00:00', respond: '2026-03-09T10:00:00', verdict: 'WELL_FOUNDED', satisfaction: 4, close: '2026-03-10T10:00:00' },
  );
  await at('2026-04-01T09:00:00');
  await handled(
    { channel: 'EMAIL', unitId: units.NOORD, categoryId: categories.bereikbaarheid, complainant: complainant(undefined, 2) },
    { contact: '2026-04-08T10:00:00', respond: '2026-04-20T10:00:00', verdict: 'UNFOUNDED', satisfaction: 2 },
  );
  await at('2026-05-04T10:00:00');
  await handled({ unitId: units.ZUID, categoryId: categories.bejegening, complainant: complainant(people.c3, 3) }, {});
  await at('2026-06-01T10:00:00');
  await handled(
    { channel: 'LETTER', policyKey: 'procedure-klachten', unitId: units.ZUID, categoryId: categories.bejegening, complainant: complainant(people.c4, 4) },
    { contact: '2026-06-02T10:00:00', respond: '2026-06-05T10:00:00', verdict: 'PARTLY_WELL_FOUNDED' },
  );
  for (const [moment, i] of [
    ['2026-06-30T23:30:00', 5],
    ['2026-07-01T00:30:00', 7],
  ] as const) {
    await at(moment);
    const submitted = await app.graphql('mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference } }', {
      input: { complainant: complainant(undefined, i), description: 'Via het webformulier: niemand neemt op.', unitCode: 'NOORD' },
    });
    if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
  }
  await at('2026-07-10T12:00:00');
}, 120_000);
afterAll(() => app.stop());

describe('complaint statistics', () => {
  it('computes the first half-year as worked out by hand', async () => {
    const result = await app.graphql<{ complaintStatistics: Array<Record<string, unknown>> }>(STATS, { input: FIRST_HALF }, director.token);
    expect(result.errors).toBeUndefined();
    const [row] = result.data!.complaintStatistics;
    expect(row).toMatchObject({
      complaints: 5,
      signals: 1,
      assessed: 3,
      toAcknowledgement: { median: 1, count: 3 },
      toResponse: { median: 5, count: 3 },
      toClosure: { median: 6, p90: 6, count: 1 },
      objections: 0,
      averageSatisfaction: 3,
      satisfactionResponses: 2,
    });
    expect(row.wellFoundedShare).toBeCloseTo(2 / 3, 10);
    expect((row.toAcknowledgement as { p90: number }).p90).toBeCloseTo(2.6, 10);
    expect((row.toResponse as { p90: number }).p90).toBeCloseTo(9.8, 10);
    expect(row.compliance).toEqual([
      { kind: 'ACKNOWLEDGE', onTime: 2, late: 1, open: 0, breached: 2, onTimeShare: 0.4 },
      // C1–C3 got their handler at receipt: forwarding them was moot (cancelled before it was due, counted nowhere);
      // C5 came through the web form and was never forwarded
      { kind: 'FORWARD', onTime: 0, late: 0, open: 0, breached: 1, onTimeShare: 0 },
      { kind: 'RECORD', onTime: 2, late: 0, open: 1, breached: 1, onTimeShare: 2 / 3 },
      { kind: 'RESPOND', onTime: 2, late: 1, open: 1, breached: 1, onTimeShare: 0.5 },
    ]);
  });

  it('groups by unit and by category', async () => {
    const byUnit = await app.graphql<{ complaintStatistics: Array<{ unit: string; unitName: string; complaints: number; signals: number }> }>(
      STATS,
      { input: { ...FIRST_HALF, groupBy: ['UNIT'] } },
      director.token,
    );
    expect(byUnit.data!.complaintStatistics.map((r) => [r.unit, r.unitName, r.complaints, r.signals])).toEqual([
      ['NOORD', 'Regio NOORD', 3, 1],
      ['ZUID', 'Regio ZUID', 2, 0],
    ]);
    const byCategory = await app.graphql<{ complaintStatistics: Array<{ category: string | null; complaints: number; signals: number }> }>(
      STATS,
      { input: { ...FIRST_HALF, groupBy: ['CATEGORY'] } },
      director.token,
    );
    expect(byCategory.data!.complaintStatistics.map((r) => [r.category, r.complaints, r.signals])).toEqual([
      ['bejegening', 3, 0],
      ['bereikbaarheid', 1, 1],
      [null, 1, 0],
    ]);
  });

  it('counts months in Amsterdam time: 1 July 00:30 is July, though it is 30 June in UTC', async () => {
    const result = await app.graphql<{ complaintStatistics: Array<{ month: string; complaints: number }> }>(
      STATS,
      { input: { from: '2026-06-01T00:00:00+02:00', to: '2026-08-01T00:00:00+02:00', groupBy: ['MONTH'] } },
      director.token,
    );
    expect(result.data!.complaintStatistics.map((r) => [r.month, r.complaints])).toEqual([
      ['2026-06', 2],
      ['2026-07', 1],
    ]);
  });

  it('refuses a period that ends before it starts', async () => {
    const result = await app.graphql(STATS, { input: { from: FIRST_HALF.to, to: FIRST_HALF.from } }, director.token);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { to: 'must be after from' } });
  });
});

describe('complaint facts', () => {
  const FACTS = `query ($after: String, $first: Int, $updatedSince: DateTimeISO) {
    complaintFacts(after: $after, first: $first, updatedSince: $updatedSince) {
      endCursor hasNextPage nodes { id reference kind unit category policy verdict ackWorkingDays responseWorkingDays closureWorkingDays deadlinesOnTime deadlinesLate deadlinesBreached complainantPseudonym }
    }
  }`;
  type Facts = {
    complaintFacts: {
      endCursor: string;
      hasNextPage: boolean;
      nodes: Array<Record<string, unknown> & { id: string; reference: string; complainantPseudonym: string }>;
    };
  };

  it('pages through every complaint in a stable order, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: { data?: Facts | null } = await app.graphql<Facts>(FACTS, { after, first: 3 }, director.token);
      seen.push(...result.data!.complaintFacts.nodes.map((node) => node.id));
      after = result.data!.complaintFacts.endCursor;
      if (!result.data!.complaintFacts.hasNextPage) break;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it('gives the same pseudonym to the same complainant and carries the lead times', async () => {
    const result = await app.graphql<Facts>(FACTS, { first: 100 }, director.token);
    const nodes = result.data!.complaintFacts.nodes;
    const zuid = nodes.filter((node) => node.unit === 'ZUID');
    expect(zuid).toHaveLength(2);
    expect(zuid[0].complainantPseudonym).toBe(zuid[1].complainantPseudonym);
    expect(new Set(nodes.map((node) => node.complainantPseudonym)).size).toBe(7);
    expect(nodes.find((node) => node.verdict === 'WELL_FOUNDED')).toMatchObject({
      ackWorkingDays: 1,
      responseWorkingDays: 5,
      closureWorkingDays: 6,
      deadlinesOnTime: 3,
      // its FORWARD was moot from receipt (the handler was assigned at once): cancelled, not breached
      deadlinesBreached: 0,
    });
  });

  it('extracts incrementally: only what changed since a moment (of the database clock)', async () => {
    const all = await app.graphql<Facts>(FACTS, { first: 100 }, director.token);
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const touched = all.data!.complaintFacts.nodes[2];
    const note = await app.graphql('mutation ($id: ID!) { addComplaintNote(id: $id, text: "Nagebeld") { id } }', { id: touched.id }, director.token);
    expect(note.errors).toBeUndefined();
    const result = await app.graphql<Facts>(FACTS, { updatedSince: since.toISOString() }, director.token);
    expect(result.data!.complaintFacts.nodes.map((node) => node.id)).toEqual([touched.id]);
  });

  it('refuses a cursor it did not make', async () => {
    const result = await app.graphql(FACTS, { after: 'bm9uc2Vuc2U' }, director.token);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_CURSOR');
  });
});
