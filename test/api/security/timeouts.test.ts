import net from 'node:net';
import { Client } from 'pg';
import { ADMIN, startTestApp, type GraphQLResponse, type TestApp } from '../../helpers/app';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

/** Short timeouts so that the test sees them: what production has in seconds, here in fractions. */
const LIMITS = {
  DATABASE_POOL_SIZE: '4',
  DATABASE_POOL_WAIT_MS: '500',
  DATABASE_LOCK_TIMEOUT_MS: '700',
  DATABASE_STATEMENT_TIMEOUT_MS: '1500',
};

const NOTE = 'mutation ($id: ID!) { addComplaintNote(id: $id, text: "Gebeld, geen gehoor.") { id } }';

async function health(app: TestApp) {
  const response = await fetch(`${app.url}/health`);
  return { status: response.status, body: (await response.json()) as { status: string; database: string; pool?: { waiting: number } } };
}

function expectRetryable(result: GraphQLResponse) {
  expect(result.status).toBe(503);
  expect(result.headers?.get('retry-after')).toMatch(/^\d+$/);
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
}

describe('a row lock held elsewhere', () => {
  let app: TestApp;
  let director: Member;
  let complaintId: string;

  beforeAll(async () => {
    app = await startTestApp({ env: LIMITS });
    director = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR']);
    complaintId = ok(await complaintSteps(app).register(director.token)).id;
  });
  afterAll(() => app.stop());

  it('makes 30 notes fail fast with a retryable 503, keeps /health truthful, and the server answers normally after', async () => {
    const holder = new Client({ connectionString: app.database.ownerUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM complaint WHERE id = $1 FOR UPDATE', [complaintId]);

      const started = Date.now();
      const notes = Promise.all(Array.from({ length: 30 }, () => app.graphql(NOTE, { id: complaintId }, director.token)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const during = await health(app);
      const results = await notes;
      const took = Date.now() - started;

      expect(during.status).toBe(200);
      expect(during.body).toMatchObject({ database: 'up', status: expect.stringMatching(/^(ok|saturated)$/) });
      for (const result of results) expectRetryable(result);
      // 30 requests through 4 connections, each waiting at most the lock timeout: a few seconds, not "as long as the lock is held".
      expect(took).toBeLessThan(15_000);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const after = await app.graphql(NOTE, { id: complaintId }, director.token);
    expect(after.errors).toBeUndefined();
    expect((await health(app)).body.status).toBe('ok');
  });

  it('answers a signed-in request that cannot get a connection with 503 SERVICE_UNAVAILABLE, not "Context creation failed"', async () => {
    const holder = new Client({ connectionString: app.database.ownerUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM complaint WHERE id = $1 FOR UPDATE', [complaintId]);
      // Four notes take the four connections and wait on the lock; the next requests wait for a connection.
      const blocking = Array.from({ length: 4 }, () => app.graphql(NOTE, { id: complaintId }, director.token));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const saturated = await health(app);
      const [me, csv] = await Promise.all([
        app.graphql('{ me { name } }', {}, director.token),
        fetch(`${app.url}/bi/complaints.csv`, { headers: { authorization: `Bearer ${director.token}` } }),
      ]);
      expect(saturated).toMatchObject({ status: 200, body: { status: 'saturated', database: 'up' } });
      expectRetryable(me);
      expect(JSON.stringify(me)).not.toMatch(/Context creation failed/);
      expect(csv.status).toBe(503);
      expect(csv.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await csv.json()) as GraphQLResponse).errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      await Promise.all(blocking);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect((await app.graphql('{ me { name } }', {}, director.token)).data).toEqual({ me: { name: director.name } });
  });

  it('answers 200 when a mutation of a document went through and the next could not (the request is not to be retried whole)', async () => {
    const other = ok(await complaintSteps(app).register(director.token)).id;
    const holder = new Client({ connectionString: app.database.ownerUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM complaint WHERE id = $1 FOR UPDATE', [complaintId]);
      const result = await app.graphql(
        'mutation ($free: ID!, $locked: ID!) { first: addComplaintNote(id: $free, text: "Eerst") { id } second: addComplaintNote(id: $locked, text: "Dan") { id } }',
        { free: other, locked: complaintId },
        director.token,
      );
      expect(result.status).toBe(200);
      expect(result.errors?.[0]).toMatchObject({ path: ['second'], extensions: { code: 'SERVICE_UNAVAILABLE' } });
      // the first one went through (GraphQL nulls the whole answer for the second's non-null field)
      const notes = await app.running.dataSource.query(`SELECT count(*)::int AS notes FROM complaint_event WHERE complaint_id = $1 AND type = 'NOTE_ADDED'`, [
        other,
      ]);
      expect(notes).toEqual([{ notes: 1 }]);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });

  it('cancels a statement that runs longer than the statement timeout', async () => {
    const started = Date.now();
    const slow = await app.running.dataSource.query('SELECT pg_sleep(5)').catch((error: { code?: string }) => error.code);
    expect(slow).toBe('57014');
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

/**
 * A TCP proxy in front of PostgreSQL that can stop forwarding in both directions: a network partition,
 * as far as the app can tell.
 */
class PartitionableProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private partitioned = false;
  port = 0;

  constructor(target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.on('data', (chunk) => !this.partitioned && upstream.write(chunk));
      upstream.on('data', (chunk) => !this.partitioned && client.write(chunk));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** From now on nothing gets through (and nothing says so): what was sent is lost. */
  partition(): void {
    this.partitioned = true;
  }

  heal(): void {
    this.partitioned = false;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('a network partition between the app and PostgreSQL', () => {
  let database: TestDatabase;
  let proxy: PartitionableProxy;
  let app: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = new PartitionableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.start();
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    // Migrations go straight to the server; requests and /health through the proxy.
    app = await startTestApp({ database, env: { ...LIMITS, DATABASE_URL: viaProxy.toString() } });
  });
  afterAll(async () => {
    await app.stop();
    await proxy.stop();
    await database.drop();
  });

  it('fails a request within the timeouts, says the database is unreachable, and recovers when the network is back', async () => {
    const token = await app.login(ADMIN.email, ADMIN.password);
    expect((await app.graphql('{ me { name } }', {}, token)).errors).toBeUndefined();

    proxy.partition();
    const started = Date.now();
    const during = await app.graphql('{ staffList { total } }', {}, token);
    const took = Date.now() - started;
    expectRetryable(during);
    // statement timeout (1.5 s) + 2 s for an answer that never comes, not the length of the partition
    expect(took).toBeLessThan(8_000);
    expect((await health(app)).status).toBe(503);

    proxy.heal();
    let recovered: GraphQLResponse<{ staffList: { total: number } }> | undefined;
    for (let attempt = 0; attempt < 20 && !recovered?.data; attempt++) {
      recovered = await app.graphql<{ staffList: { total: number } }>('{ staffList { total } }', {}, token);
      if (!recovered.data) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered?.data?.staffList.total).toBe(1);
    expect((await health(app)).status).toBe(200);
  });
});
