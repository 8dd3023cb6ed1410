import { Client } from 'pg';
import { FixedClock } from '../../../api/src/shared/clock';
import { StatsDimension as D, type StatisticsInput } from '../../../api/src/stats/stats.types';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit } from '../../factories/staff';

/**
 * The rollup (api/src/stats/rollup.ts) gives the figures of counting every complaint — to the last digit, medians
 * and shares included — whatever the job has caught up with: before its first run, after it, after changes it has
 * not seen yet, for whole and partial days and months, kept by day or by month. 1,500 complaints drawn at random (seeded) over fourteen months, with
 * deadlines in every state, objections, surveys and referrals, written as SQL so that the triggers see them as they
 * see the API's writes.
 */
const clock = new FixedClock('2026-07-10T12:00:00');
let app: TestApp;
let owner: Client;

const GROUPINGS: D[][] = [
  [],
  [D.MONTH],
  [D.QUARTER],
  [D.UNIT],
  [D.CATEGORY],
  [D.CHANNEL],
  [D.POLICY],
  [D.VERDICT],
  [D.STATUS],
  [D.KIND],
  [D.MONTH, D.UNIT],
  [D.STATUS, D.QUARTER],
  [D.CATEGORY, D.MONTH, D.QUARTER],
  [D.UNIT, D.CATEGORY],
];
const PERIODS: Array<[string, { from: string; to: string }]> = [
  ['whole months', { from: '2025-06-01T00:00:00+02:00', to: '2026-08-01T00:00:00+02:00' }],
  ['partial months at both ends', { from: '2025-09-17T10:17:00+02:00', to: '2026-05-03T08:00:00+02:00' }],
  ['within one month', { from: '2026-03-04T00:00:00+01:00', to: '2026-03-20T13:00:00+01:00' }],
  ['partial days in the months kept by day', { from: '2026-06-10T15:00:00+02:00', to: '2026-07-09T10:00:00+02:00' }],
  ['ever, up to tomorrow', { from: '2000-01-01T00:00:00+01:00', to: '2026-07-11T12:00:00+02:00' }],
];

const stats = () => app.running.services.stats;

async function expectSameAsScan(): Promise<number> {
  let rows = 0;
  for (const [, period] of PERIODS) {
    for (const groupBy of GROUPINGS) {
      const input: StatisticsInput = { from: new Date(period.from), to: new Date(period.to), groupBy };
      const [best, scan] = await Promise.all([stats().statistics(input), stats().statistics(input, 'scan')]);
      expect({ period, groupBy, rows: best }).toEqual({ period, groupBy, rows: scan });
      rows += scan.length;
    }
  }
  return rows;
}

const changedMonths = async () => Number((await owner.query(`SELECT count(DISTINCT date_trunc('month', day)) AS n FROM statistics_change`)).rows[0].n);
const spans = async (month: string) =>
  (await owner.query(`SELECT DISTINCT span FROM statistics_rollup WHERE date_trunc('month', start) = $1::date ORDER BY span`, [month])).rows.map(
    (row) => row.span,
  );

beforeAll(async () => {
  app = await startTestApp({ clock });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  for (const code of ['NOORD', 'ZUID', 'OOST']) await createUnit(app, adminToken, { code });
  owner = new Client({ connectionString: app.database.ownerUrl });
  await owner.connect();
  await owner.query('SELECT setseed(0.17)');
  await owner.query(`
    INSERT INTO complainant (id, name, email, relation, pseudonym)
    SELECT md5('p' || i)::uuid, 'Klager ' || i, 'klager' || i || '@example.org', 'CLIENT', md5('pseudonym' || i) FROM generate_series(1, 1500) i`);
  await owner.query(`
    INSERT INTO complaint (id, reference, kind, status, channel, received_at, complainant_id, unit_id, category_id, policy_id, policy_snapshot,
                           description, verdict, satisfaction, ack_working_days, response_working_days, closure_working_days,
                           response_net_working_days, closure_net_working_days, paused_working_days, paused_since, extended_at,
                           resolved_by_receiver, hearing_held_at, hearing_waived_at)
    SELECT md5('c' || i)::uuid, 'T-' || i, CASE WHEN random() < 0.15 THEN 'SIGNAL' ELSE 'COMPLAINT' END,
           (ARRAY['RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESPONDED', 'CLOSED', 'ARCHIVED', 'WITHDRAWN'])[1 + floor(random() * 7)::int],
           (ARRAY['WEB_FORM', 'EMAIL', 'PHONE', 'LETTER'])[1 + floor(random() * 4)::int],
           timestamptz '2025-05-20 00:00+02' + random() * interval '417 days',
           md5('p' || i)::uuid,
           (SELECT id FROM organisational_unit ORDER BY code OFFSET floor(random() * 4)::int LIMIT 1),
           (SELECT id FROM category ORDER BY key OFFSET floor(random() * 7)::int LIMIT 1),
           p.id, jsonb_build_object('key', p.key), 'Klacht ' || i,
           (ARRAY['WELL_FOUNDED', 'PARTLY_WELL_FOUNDED', 'UNFOUNDED', NULL, NULL])[1 + floor(random() * 5)::int],
           CASE WHEN random() < 0.4 THEN 1 + floor(random() * 5)::int END,
           CASE WHEN random() < 0.8 THEN floor(random() * 6)::int END,
           CASE WHEN random() < 0.6 THEN floor(random() * 30)::int END,
           CASE WHEN random() < 0.5 THEN floor(random() * 45)::int END,
           CASE WHEN random() < 0.6 THEN floor(random() * 25)::int END,
           CASE WHEN random() < 0.5 THEN floor(random() * 40)::int END,
           CASE WHEN random() < 0.1 THEN 3 ELSE 0 END, CASE WHEN random() < 0.05 THEN now() END, CASE WHEN random() < 0.1 THEN now() END,
           random() < 0.1, CASE WHEN random() < 0.05 THEN now() END, CASE WHEN random() < 0.03 THEN now() END
      FROM generate_series(1, 1500) i, LATERAL (SELECT id, key FROM policy ORDER BY key OFFSET (i % (SELECT count(*) FROM policy)) LIMIT 1) p`);
  // deadlines in every state, against "now" (10 July 2026 12:00): met on time or late, cancelled before or after they
  // were due, pending and due before or after now — some of them due today
  await owner.query(`
    INSERT INTO deadline (complaint_id, kind, amount, unit, starts_at, started_at, due_at, due_date, met_at, cancelled_at)
    SELECT c.id, k.kind, 2, 'WORKING_DAYS', 'RECEIPT', c.received_at, due, due::date,
           CASE WHEN r < 0.3 THEN due - interval '1 day' WHEN r < 0.45 THEN due + interval '2 days' END,
           CASE WHEN r >= 0.45 AND r < 0.55 THEN due - interval '1 hour' WHEN r >= 0.55 AND r < 0.62 THEN due + interval '1 day' END
      FROM complaint c
     CROSS JOIN (VALUES ('ACKNOWLEDGE'), ('RESPOND'), ('RECORD'), ('OBJECTION_WINDOW')) k(kind)
     CROSS JOIN LATERAL (SELECT random() AS r, timestamptz '2026-07-10 12:00+02' + (random() - 0.6) * interval '60 days' AS due WHERE k.kind IS NOT NULL AND c.id IS NOT NULL) d
     WHERE random() < 0.7`);
  await owner.query(`
    INSERT INTO objection (complaint_id, grounds, channel, received_at, late, settled_at)
    SELECT id, 'Niet eens', 'EMAIL', received_at + interval '20 days', random() < 0.3, CASE WHEN random() < 0.4 THEN now() END
      FROM complaint WHERE random() < 0.12`);
  await owner.query(`
    INSERT INTO satisfaction_survey (complaint_id, answered_at, handling_score, outcome_score, reopen_requested)
    SELECT id, now(), 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, random() < 0.2 FROM complaint WHERE random() < 0.2`);
  await owner.query(`INSERT INTO external_party (name, kind) VALUES ('Geschillencommissie', 'MEDIATOR')`);
  await owner.query(`
    INSERT INTO referral (complaint_id, party_id, referred_at, referred_by_id, reason, what_sent, binding, outcome_recorded_at)
    SELECT c.id, (SELECT id FROM external_party LIMIT 1), now(), (SELECT id FROM staff ORDER BY created_at LIMIT 1), 'Verwezen', 'Dossier',
           random() < 0.5, CASE WHEN random() < 0.5 THEN now() END
      FROM complaint c, generate_series(1, 2) n WHERE random() < 0.06`);
}, 120_000);
afterAll(async () => {
  await owner?.end();
  await app?.stop();
});

describe('the statistics rollup', () => {
  it('gives the scan figures before the job has run: every month is counted from its complaints', async () => {
    expect(await changedMonths()).toBeGreaterThanOrEqual(14);
    expect((await owner.query('SELECT count(*)::int AS n FROM statistics_rollup')).rows[0].n).toBe(0);
    expect(await expectSameAsScan()).toBeGreaterThan(200);
  });

  it('writes every marked day of this month and the last, every older month whole, and then gives the same figures', async () => {
    const { rows } = await owner.query(
      `SELECT count(DISTINCT day) FILTER (WHERE day >= '2026-06-01')::int AS days, count(DISTINCT date_trunc('month', day)) FILTER (WHERE day < '2026-06-01')::int AS months
         FROM statistics_change`,
    );
    expect(rows[0].days).toBeGreaterThan(30);
    expect(await app.running.services.statisticsRollup.run()).toEqual(rows[0]);
    expect(await changedMonths()).toBe(0);
    expect(await spans('2026-06-01')).toEqual(['DAY']);
    expect(await spans('2026-05-01')).toEqual(['MONTH']);
    expect(await app.running.services.statisticsRollup.run()).toEqual({ days: 0, months: 0 });
    await expectSameAsScan();
  });

  it('reads the rollup for a month that did not change, and the complaints for one that did', async () => {
    const input: StatisticsInput = { from: new Date('2026-03-01T00:00:00+01:00'), to: new Date('2026-04-01T00:00:00+02:00'), groupBy: [] };
    const [before] = await stats().statistics(input);
    // a rollup that is wrong shows: the month is read from it
    await owner.query(`UPDATE statistics_rollup SET complaints = complaints + 1000 WHERE start = '2026-03-01' AND dimension = 'ALL'`);
    expect((await stats().statistics(input))[0].complaints).toBe(before.complaints + 1000);
    // a change to one of its complaints marks it: counted from the complaints again, right at once
    await owner.query(
      `UPDATE complaint SET description = description || '.' WHERE id = (SELECT id FROM complaint WHERE received_at >= $1 AND received_at < $2 LIMIT 1)`,
      [input.from, input.to],
    );
    expect((await stats().statistics(input))[0].complaints).toBe(before.complaints);
    await app.running.services.statisticsRollup.run();
    expect((await stats().statistics(input))[0]).toEqual(before);
  });

  it('gives the scan figures after changes the job has not seen, and after it has', async () => {
    await owner.query(`UPDATE complaint SET status = 'CLOSED', verdict = 'UNFOUNDED', closure_working_days = 17 WHERE reference IN ('T-1', 'T-2', 'T-3')`);
    await owner.query(`UPDATE complaint SET unit_id = NULL, channel = 'PHONE' WHERE reference = 'T-4'`);
    await owner.query(
      `UPDATE deadline SET met_at = due_at + interval '3 days' WHERE met_at IS NULL AND cancelled_at IS NULL AND complaint_id = md5('c5')::uuid`,
    );
    await owner.query(`DELETE FROM objection WHERE complaint_id IN (SELECT complaint_id FROM objection ORDER BY complaint_id LIMIT 2)`);
    await owner.query(
      `INSERT INTO satisfaction_survey (complaint_id, answered_at, handling_score, outcome_score) SELECT md5('c6')::uuid, now(), 2, 4 ON CONFLICT DO NOTHING`,
    );
    await owner.query(`UPDATE complaint SET received_at = received_at - interval '40 days' WHERE reference = 'T-7'`);
    expect(await changedMonths()).toBeGreaterThan(1);
    await expectSameAsScan();
    await app.running.services.statisticsRollup.run();
    await expectSameAsScan();
  });

  it('writes a month that turns old again as one month, and by day again when it is recent (a clock set back)', async () => {
    clock.set('2026-08-10T12:00:00');
    try {
      expect(await app.running.services.statisticsRollup.run()).toEqual({ days: 0, months: 1 });
      expect(await spans('2026-06-01')).toEqual(['MONTH']);
      await expectSameAsScan();
    } finally {
      clock.set('2026-07-10T12:00:00');
    }
    await owner.query(
      `UPDATE complaint SET status = 'CLOSED' WHERE id = (SELECT id FROM complaint WHERE received_at >= '2026-06-15' AND received_at < '2026-06-16' LIMIT 1)`,
    );
    await expectSameAsScan();
    expect(await app.running.services.statisticsRollup.run()).toEqual({ days: 30, months: 0 });
    expect(await spans('2026-06-01')).toEqual(['DAY']);
    await expectSameAsScan();
  });

  it('writes the other months when one cannot be written, fails the run, and writes that one at the next', async () => {
    await owner.query(`UPDATE complaint SET status = 'CLOSED' WHERE reference IN ('T-11', 'T-12', 'T-13', 'T-14', 'T-15', 'T-16')`);
    const marked = (await owner.query(`SELECT DISTINCT date_trunc('month', day)::date::text AS month FROM statistics_change ORDER BY 1`)).rows.map(
      (row) => row.month,
    );
    expect(marked.length).toBeGreaterThan(1);
    // the newest: the first the job takes
    const refused = marked[marked.length - 1];
    await owner.query(`ALTER TABLE statistics_rollup ADD CONSTRAINT refuse_one_month CHECK (date_trunc('month', start)::date <> '${refused}') NOT VALID`);
    try {
      await expect(app.running.services.statisticsRollup.run()).rejects.toThrow(/refuse_one_month/);
      const left = (await owner.query(`SELECT DISTINCT date_trunc('month', day)::date::text AS month FROM statistics_change`)).rows.map((row) => row.month);
      expect(left).toEqual([refused]);
      await expectSameAsScan();
    } finally {
      await owner.query(`ALTER TABLE statistics_rollup DROP CONSTRAINT refuse_one_month`);
    }
    await app.running.services.statisticsRollup.run();
    expect(await changedMonths()).toBe(0);
    await expectSameAsScan();
  });

  it('decides open and breached against the clock when read, not when the rollup was written', async () => {
    const input: StatisticsInput = { from: new Date('2025-06-01T00:00:00+02:00'), to: new Date('2026-08-01T00:00:00+02:00'), groupBy: [] };
    const open = async () => (await stats().statistics(input))[0].compliance.reduce((sum, c) => sum + c.open, 0);
    const before = await open();
    clock.set('2026-07-20T12:00:00');
    try {
      expect(await open()).toBeLessThan(before);
      await expectSameAsScan();
    } finally {
      clock.set('2026-07-10T12:00:00');
    }
  });
});
