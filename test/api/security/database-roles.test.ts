import { Client } from 'pg';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

let app: TestApp;
let director: Member;
let complaintId: string;

beforeAll(async () => {
  app = await startTestApp();
  director = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR']);
  const steps = complaintSteps(app);
  const registered = ok(await steps.register(director.token));
  complaintId = registered.id;
  ok(await steps.contact(registered, director.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
});
afterAll(() => app.stop());

/** A connection of its own, as `url` (the request role's or the owner's credentials). */
async function as<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a statement fails with, inside a transaction that is rolled back either way. */
async function failure(client: Client, sql: string): Promise<string | undefined> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await client.query('ROLLBACK');
  }
}

const VERIFY = 'query ($id: ID) { verifyHistory(complaintId: $id) { intact complaints events broken { complaintId reference eventId problem } } }';

describe('the request role', () => {
  it('cannot update, delete or truncate the history with its own credentials', async () => {
    await as(app.database.url, async (client) => {
      expect(await failure(client, `UPDATE complaint_event SET data = '{}'`)).toBe('42501');
      expect(await failure(client, 'DELETE FROM complaint_event')).toBe('42501');
      expect(await failure(client, 'TRUNCATE complaint_event')).toBe('42501');
      const { rows } = await client.query('SELECT count(*)::int AS events FROM complaint_event');
      expect(rows[0].events).toBe(2);
    });
  });

  it('owns nothing, is no superuser and cannot create tables, delete complaints or read the migrations', async () => {
    await as(app.database.url, async (client) => {
      const { rows } = await client.query(`
        SELECT r.rolsuper AS superuser,
               (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`);
      expect(rows[0]).toEqual({ superuser: false, owned: 0 });
      expect(await failure(client, 'CREATE TABLE intruder (x int)')).toBe('42501');
      expect(await failure(client, 'DELETE FROM complaint')).toBe('42501');
      expect(await failure(client, 'DELETE FROM staff')).toBe('42501');
      expect(await failure(client, 'SELECT * FROM migrations')).toBe('42501');
      expect(await failure(client, 'ALTER TABLE complaint_event DISABLE TRIGGER complaint_event_append_only')).toBe('42501');
      // no temporary table or sequence of the same name can stand in for the history's own
      expect(await failure(client, 'CREATE TEMPORARY TABLE complaint_event (x int)')).toBe('42501');
      expect(await failure(client, 'CREATE TEMPORARY SEQUENCE complaint_event_seq_seq')).toBe('42501');
    });
  });
});

describe('the history', () => {
  it('refuses UPDATE, DELETE and TRUNCATE even to the owner outside maintenance', async () => {
    await as(app.database.ownerUrl, async (client) => {
      expect(await failure(client, `UPDATE complaint_event SET data = '{}'`)).toBe('42501');
      expect(await failure(client, 'DELETE FROM complaint_event')).toBe('42501');
      expect(await failure(client, 'TRUNCATE complaint_event')).toBe('42501');
    });
  });

  it('is a hash chain per complaint that verifies, and shows which event the owner changed in maintenance', async () => {
    const before = await app.graphql<{ verifyHistory: { intact: boolean; events: number; complaints: number } }>(VERIFY, { id: null }, director.token);
    expect(before.data!.verifyHistory).toMatchObject({ intact: true, complaints: 1, events: 2 });

    const changed = await as(app.database.ownerUrl, async (client) => {
      await client.query('BEGIN');
      await client.query(`SET LOCAL klachten.history_maintenance = 'on'`);
      const { rows } = await client.query(`UPDATE complaint_event SET data = data || '{"channel": "LETTER"}' WHERE type = 'REGISTERED' RETURNING id`);
      await client.query('COMMIT');
      return rows[0].id as string;
    });
    const after = await app.graphql<{ verifyHistory: { intact: boolean; broken: Array<{ eventId: string; problem: string; reference: string }> } }>(
      VERIFY,
      { id: complaintId },
      director.token,
    );
    expect(after.data!.verifyHistory.intact).toBe(false);
    expect(after.data!.verifyHistory.broken).toEqual([{ complaintId, reference: expect.stringMatching(/^KL-/), eventId: changed, problem: 'CONTENT_CHANGED' }]);
  });

  it('shows an event removed from the middle as a broken chain', async () => {
    const steps = complaintSteps(app);
    const other = ok(await steps.register(director.token));
    const forwarded = ok(await steps.forward(other, director.token, { toId: director.id }));
    ok(await steps.contact(forwarded, director.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    await as(app.database.ownerUrl, async (client) => {
      await client.query('BEGIN');
      await client.query(`SET LOCAL klachten.history_maintenance = 'on'`);
      await client.query(`DELETE FROM complaint_event WHERE complaint_id = $1 AND type = 'FORWARDED'`, [other.id]);
      await client.query('COMMIT');
    });
    const result = await app.graphql<{ verifyHistory: { broken: Array<{ problem: string }> } }>(VERIFY, { id: other.id }, director.token);
    expect(result.data!.verifyHistory.broken).toEqual([expect.objectContaining({ problem: 'CHAIN_BROKEN' })]);
  });

  it('is verified only by a QUALITY_MANAGER or DIRECTOR', async () => {
    const employee = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['EMPLOYEE']);
    const refused = await app.graphql(VERIFY, { id: null }, employee.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('one URL for both roles', () => {
  it('still works, with a clear warning at start that the request role can alter the history', async () => {
    const log: string[] = [];
    const single = await startTestApp({
      log,
      env: { DATABASE_URL: app.database.ownerUrl, DATABASE_MIGRATION_URL: app.database.ownerUrl },
      database: app.database,
    });
    try {
      const warning = log
        .map((line) => JSON.parse(line) as { level: string; message: string; role?: string })
        .find((line) => /request role can alter the complaint history/.test(line.message));
      expect(warning).toMatchObject({ level: 'warn', role: expect.stringContaining('owner') });
      expect((await fetch(`${single.url}/health`)).status).toBe(200);
    } finally {
      await single.stop();
    }
  });
});
