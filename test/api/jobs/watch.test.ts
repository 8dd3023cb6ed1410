import { Client } from 'pg';
import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * The deadline watch and the digest (DOMAIN.md, "What the system does by itself"), run on a clock the test
 * moves. Reintegratie (seed 003) on Monday 1 June 2026, 10:00: ACKNOWLEDGE in 5 working days is due Monday
 * 8 June; its reminder, 2 working days before, is Thursday 4 June (Friday 5 is one, the weekend is skipped).
 * PROGRESS_UPDATE (10 working days) is due Monday 15 June, RESPOND (4 weeks) Monday 29 June.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let director: Member;
let qualityManager: Member;
let handler: Member;
let unitId: string;

beforeAll(async () => {
  app = await startTestApp({ clock });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  unitId = await createUnit(app, adminToken, { code: 'NOORD', directorId: director.id });
});
afterAll(() => app.stop());

const watch = () => app.running.services.watch.run();
const digest = () => app.running.services.digest.run();

interface Told {
  kind: string;
  readAt: string | null;
  data: Record<string, unknown>;
  complaint: { id: string; reference: string } | null;
}
const notificationsOf = async (member: Member, kinds?: string[]): Promise<Told[]> => {
  const result = await app.graphql<{ myNotifications: { items: Told[] } }>(
    '{ myNotifications(perPage: 100, sortOrder: ASC) { items { kind readAt data complaint { id reference } } } }',
    {},
    member.token,
  );
  const items = result.data!.myNotifications.items;
  return kinds ? items.filter((item) => kinds.includes(item.kind)) : items;
};
const about = (items: Told[], c: { id: string }) => items.filter((item) => item.complaint?.id === c.id);

async function registered(at: string): Promise<ComplaintView> {
  clock.set(at);
  const c = ok(await complaintSteps(app).register(director.token, { channel: 'EMAIL', policyKey: 'reintegratie', unitId }));
  return ok(await complaintSteps(app).assign(c, director.token, handler.id));
}

describe('the daily digest', () => {
  it("is never written on a Saturday or King's Day; on a working day once per person, with what they owe", async () => {
    const c = await registered('2026-04-22T10:00:00'); // ACKNOWLEDGE due Thu 30 Apr (King's Day Mon 27 skipped)
    clock.set('2026-04-25T08:00:00'); // Saturday
    expect(await digest()).toBe(0);
    clock.set('2026-04-27T08:00:00'); // King's Day
    expect(await digest()).toBe(0);
    expect(await notificationsOf(handler, ['DIGEST'])).toEqual([]);

    clock.set('2026-04-28T08:00:00'); // Tuesday
    expect(await digest()).toBeGreaterThan(0);
    expect(await digest()).toBe(0); // once a day
    const [mine] = await notificationsOf(handler, ['DIGEST']);
    expect(mine).toMatchObject({ complaint: null, data: { date: '2026-04-28', overdue: { count: 0 }, today: { count: 0 } } });
    expect(mine.data.thisWeek).toEqual({ count: 1, items: [{ complaintId: c.id, reference: c.reference, kind: 'ACKNOWLEDGE', dueDate: '2026-04-30' }] });

    clock.set('2026-04-30T08:00:00'); // its due day
    await digest();
    const digests = await notificationsOf(handler, ['DIGEST']);
    expect(digests.map((item) => item.data.date)).toEqual(['2026-04-28', '2026-04-30']);
    expect(digests[1].data.today).toMatchObject({ count: 1 });
  });
});

describe('reminders, breaches and escalations', () => {
  it('reminds whoever owes ACKNOWLEDGE two working days before, over the weekend, exactly once', async () => {
    const c = await registered('2026-06-01T10:00:00');
    const remindAt = await app.graphql<{ complaint: { deadlines: Array<{ kind: string; remindAt: string | null }> } }>(
      'query ($id: ID) { complaint(id: $id) { deadlines { kind remindAt } } }',
      { id: c.id },
      handler.token,
    );
    expect(remindAt.data?.complaint.deadlines).toEqual([
      { kind: 'ACKNOWLEDGE', remindAt: '2026-06-03T22:00:00.000Z' }, // Thu 4 June, 00:00 in Amsterdam
      { kind: 'PROGRESS_UPDATE', remindAt: '2026-06-10T22:00:00.000Z' }, // Thu 11 June
      { kind: 'RESPOND', remindAt: '2026-06-24T22:00:00.000Z' }, // Thu 25 June
    ]);

    clock.set('2026-06-03T23:59:59');
    await watch();
    expect(about(await notificationsOf(handler, ['REMINDER']), c)).toEqual([]);

    clock.set('2026-06-04T00:00:01');
    expect((await watch()).reminded).toBeGreaterThanOrEqual(1);
    await watch();
    await watch();
    const reminders = about(await notificationsOf(handler, ['REMINDER']), c);
    expect(reminders).toEqual([
      expect.objectContaining({ kind: 'REMINDER', data: expect.objectContaining({ deadlineKind: 'ACKNOWLEDGE', dueDate: '2026-06-08' }) }),
    ]);
    // only whoever owes it
    expect(about(await notificationsOf(director, ['REMINDER']), c)).toEqual([]);
  });

  it('records a breach at the end of the due day, dated then, tells the handler and escalates to the director and the quality manager; again after 2 working days', async () => {
    const c = await registered('2026-06-01T10:00:00');
    clock.set('2026-06-08T23:59:59'); // ACKNOWLEDGE's last second
    await watch();
    expect((await complaintSteps(app).read(c, handler.token)).history.map((event) => event.type)).not.toContain('DEADLINE_BREACHED');

    clock.set('2026-06-09T00:00:30');
    await watch();
    await watch();
    const history = (await complaintSteps(app).read(c, handler.token)).history.filter((event) => event.type === 'DEADLINE_BREACHED');
    expect(history).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ kind: 'ACKNOWLEDGE', dueDate: '2026-06-08', dueAt: '2026-06-08T23:59:59.999+02:00' }) }),
    ]);
    const at = await app.graphql<{ complaint: { history: Array<{ type: string; at: string; actor: null }> } }>(
      'query ($id: ID) { complaint(id: $id) { history { type at actor { name } } } }',
      { id: c.id },
      director.token,
    );
    expect(at.data?.complaint.history.find((event) => event.type === 'DEADLINE_BREACHED')).toEqual({
      type: 'DEADLINE_BREACHED',
      at: '2026-06-08T21:59:59.999Z',
      actor: null,
    });

    expect(about(await notificationsOf(handler, ['BREACHED', 'ESCALATED']), c).map((item) => [item.kind, item.data.level ?? null])).toEqual([
      ['BREACHED', null],
    ]);
    expect(about(await notificationsOf(director, ['BREACHED', 'ESCALATED']), c).map((item) => [item.kind, item.data.level])).toEqual([['ESCALATED', 1]]);
    expect(about(await notificationsOf(qualityManager, ['ESCALATED']), c).map((item) => item.data.level)).toEqual([1]);

    // two working days later (Tue 9 and Wed 10 June), still not met: escalated again, to the handler, the director and the quality manager
    clock.set('2026-06-10T23:00:00');
    await watch();
    expect(about(await notificationsOf(director, ['ESCALATED']), c).map((item) => item.data.level)).toEqual([1]);
    clock.set('2026-06-11T00:00:01');
    await watch();
    await watch();
    expect(about(await notificationsOf(director, ['ESCALATED']), c).map((item) => item.data.level)).toEqual([1, 2]);
    expect(about(await notificationsOf(handler, ['ESCALATED']), c).map((item) => item.data.level)).toEqual([2]);
    expect(about(await notificationsOf(qualityManager, ['ESCALATED']), c).map((item) => item.data.level)).toEqual([1, 2]);
  });

  it('leaves alone what was met, what stands still and what the complainant owes', async () => {
    let c = await registered('2026-06-01T10:00:00');
    c = ok(await complaintSteps(app).contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL' }));
    const pause = await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: InformationRequestInput!) { requestInformation(id: $id, version: $version, input: $input) { id } }',
      { id: c.id, version: c.version, input: { question: 'Stuur de brief van het UWV.', channel: 'EMAIL', answerBy: '2026-06-26' } },
      handler.token,
    );
    expect(pause.errors).toBeUndefined();
    clock.set('2026-06-20T10:00:00'); // PROGRESS_UPDATE (15 June) would be late, but the clock stands still
    await watch();
    expect((await complaintSteps(app).read(c, handler.token)).history.filter((event) => event.type === 'DEADLINE_BREACHED')).toEqual([]);
    expect(about(await notificationsOf(handler, ['REMINDER', 'BREACHED']), c)).toEqual([]);
  });
});

describe('a notification from a step', () => {
  it('tells the new handler of an assignment, and the director of an objection; never the one who took the step', async () => {
    clock.set('2026-06-01T10:00:00');
    const c = ok(await complaintSteps(app).register(director.token, { unitId }));
    const self = ok(await complaintSteps(app).assign(c, director.token, director.id));
    expect(about(await notificationsOf(director, ['ASSIGNED']), self)).toEqual([]);
    const other = ok(await complaintSteps(app).assign(self, director.token, handler.id));
    expect(about(await notificationsOf(handler, ['ASSIGNED']), other)).toEqual([
      expect.objectContaining({ readAt: null, data: expect.objectContaining({ reference: c.reference, byName: 'Dirk Directeur' }) }),
    ]);
    // assigned to someone else: the old notification no longer opens the complaint
    ok(await complaintSteps(app).assign(other, director.token, director.id));
    const after = await notificationsOf(handler, ['ASSIGNED']);
    expect(after.filter((item) => item.data.reference === c.reference)).toEqual([expect.objectContaining({ complaint: null })]);
  });
});

describe('exactly once across instances', () => {
  it('two instances on one database, moved past 50 deadlines at once, write each reminder, breach and escalation once', async () => {
    const second = await startTestApp({ clock, database: app.database, env: { WORKERS: 'on' } });
    try {
      const complaints: ComplaintView[] = [];
      clock.set('2026-09-01T10:00:00');
      for (let index = 0; index < 50; index++) {
        const c = ok(await complaintSteps(app).register(director.token, { channel: 'EMAIL', policyKey: 'reintegratie', unitId }));
        complaints.push(ok(await complaintSteps(app).assign(c, director.token, handler.id)));
      }
      // Tue 8 Sept: every ACKNOWLEDGE (due 8 Sept) is reminded (on Thu 3 Sept) and then breached (9 Sept, 00:00)
      clock.set('2026-09-04T09:00:00');
      await Promise.all([app.running.services.watch.run(), second.running.services.watch.run(), second.running.jobs.send('deadline-watch')]);
      clock.set('2026-09-09T09:00:00');
      const [, , , sent] = await Promise.all([
        app.running.services.watch.run(),
        second.running.services.watch.run(),
        app.running.services.watch.run(),
        second.running.jobs.send('deadline-watch'),
      ]);
      // and the worker of the second instance has run the very job it was sent, alongside the direct runs
      expect(sent).toEqual(expect.any(String));
      await waitFor(async () => (await jobStates(app)).some((row) => row.id === sent && row.state === 'completed'));

      const counts = await ownerQuery(
        app,
        `SELECT
           (SELECT count(*) FROM notification WHERE kind = 'REMINDER' AND complaint_id = ANY($1))::int AS reminders,
           (SELECT count(*) FROM notification WHERE kind = 'BREACHED' AND complaint_id = ANY($1))::int AS breaches,
           (SELECT count(*) FROM notification WHERE kind = 'ESCALATED' AND complaint_id = ANY($1))::int AS escalations,
           (SELECT count(*) FROM complaint_event WHERE type = 'DEADLINE_BREACHED' AND complaint_id = ANY($1))::int AS events,
           (SELECT count(DISTINCT (complaint_id, data->>'kind')) FROM complaint_event WHERE type = 'DEADLINE_BREACHED' AND complaint_id = ANY($1))::int AS distinct_events`,
        [complaints.map((c) => c.id)],
      );
      // per complaint: the ACKNOWLEDGE reminder to the handler; its breach to the handler; escalations to the director and the quality manager
      expect(counts).toEqual({ reminders: 50, breaches: 50, escalations: 100, events: 50, distinct_events: 50 });
    } finally {
      await second.stop();
    }
  });
});

describe('the job overview (ADMIN)', () => {
  it('shows the queues and the failed jobs, and retries one; for nobody else', async () => {
    const adminToken = await app.login(ADMIN.email, ADMIN.password);
    const { id } = await ownerQuery<{ id: string }>(
      app,
      `INSERT INTO pgboss.job (name, data, state, retry_limit, retry_count, completed_on, output)
       VALUES ('deadline-watch', '{}', 'failed', 4, 4, now(), '{"message": "connection refused"}') RETURNING id`,
    );
    const overview = await app.graphql<{
      jobQueues: Array<{ name: string; failed: number }>;
      failedJobs: Array<{ id: string; queue: string; attempts: number; error: string }>;
    }>('{ jobQueues { name failed } failedJobs { id queue attempts error } }', {}, adminToken);
    expect(overview.data?.jobQueues.map((queue) => queue.name)).toEqual([
      'DAILY_DIGEST',
      'DEADLINE_WATCH',
      'FAILED_JOBS',
      'MAIL_OUTBOX',
      'RETENTION',
      'STATISTICS',
    ]);
    expect(overview.data?.jobQueues.find((queue) => queue.name === 'DEADLINE_WATCH')?.failed).toBe(1);
    expect(overview.data?.failedJobs).toEqual([{ id, queue: 'DEADLINE_WATCH', attempts: 5, error: 'connection refused' }]);

    const retry = 'mutation ($queue: JobQueueName!, $id: ID!) { retryJob(queue: $queue, id: $id) }';
    expect((await app.graphql(retry, { queue: 'DEADLINE_WATCH', id }, director.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql('{ jobQueues { name } }', {}, qualityManager.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql<{ retryJob: boolean }>(retry, { queue: 'DEADLINE_WATCH', id }, adminToken)).data?.retryJob).toBe(true);
    expect(await ownerQuery(app, 'SELECT state FROM pgboss.job WHERE id = $1', [id])).toEqual({ state: 'retry' });
    // not failed (any more): nothing to retry
    expect((await app.graphql(retry, { queue: 'DEADLINE_WATCH', id }, adminToken)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

async function ownerQuery<T = Record<string, unknown>>(of: TestApp, text: string, values: unknown[] = []): Promise<T> {
  const client = new Client({ connectionString: of.database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows[0] as T;
  } finally {
    await client.end();
  }
}

async function jobStates(of: TestApp): Promise<Array<{ id: string; name: string; state: string }>> {
  const client = new Client({ connectionString: of.database.ownerUrl });
  await client.connect();
  try {
    return (await client.query('SELECT id, name, state FROM pgboss.job')).rows as Array<{ id: string; name: string; state: string }>;
  } finally {
    await client.end();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
