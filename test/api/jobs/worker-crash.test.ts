import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * `npm run worker` as its own process, killed with SIGKILL in the middle of a run and started again: every
 * deadline that passed while it was down is recorded once — nothing lost, nothing doubled. Real time: the
 * complaints were received 30 days ago, so all their deadlines have passed.
 */
const COMPLAINTS = 300;
const main = path.resolve(__dirname, '../../../api/dist/api/src/main.js');
let app: TestApp;
let handler: Member;
let dataDir: string;

beforeAll(async () => {
  app = await startTestApp();
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  const director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar', supervisorId: director.id });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-worker-'));
}, 60_000);
afterAll(async () => {
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startWorker(log: string[]): ChildProcess {
  const child = spawn(process.execPath, [main, '--worker'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: app.database.url,
      DATABASE_MIGRATION_URL: app.database.ownerUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function counts(): Promise<{ events: number; distinct: number; breached: number; escalated: number; marked: number }> {
  const client = new Client({ connectionString: app.database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM complaint_event WHERE type = 'DEADLINE_BREACHED')::int AS events,
      (SELECT count(DISTINCT (complaint_id, data->>'kind')) FROM complaint_event WHERE type = 'DEADLINE_BREACHED')::int AS distinct,
      (SELECT count(*) FROM notification WHERE kind = 'BREACHED')::int AS breached,
      (SELECT count(*) FROM notification WHERE kind = 'ESCALATED')::int AS escalated,
      (SELECT count(*) FROM deadline WHERE breached_at IS NOT NULL)::int AS marked`);
    return rows[0] as { events: number; distinct: number; breached: number; escalated: number; marked: number };
  } finally {
    await client.end();
  }
}

it('loses nothing and doubles nothing when the worker is killed mid-run and started again', async () => {
  const receivedAt = DateTime.now().minus({ days: 30 }).toISO();
  for (let first = 0; first < COMPLAINTS; first += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, COMPLAINTS - first) }, async () => ok(await complaintSteps(app).register(handler.token, { receivedAt }))),
    );
  }
  // focus: FORWARD, ACKNOWLEDGE, RESPOND and RECORD, all passed
  const total = COMPLAINTS * 4;
  expect(await counts()).toMatchObject({ events: 0, marked: 0 });

  const log: string[] = [];
  const first = startWorker(log);
  let seen = 0;
  for (const until = Date.now() + 30_000; Date.now() < until;) {
    seen = (await counts()).events;
    if (seen > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  first.kill('SIGKILL');
  await exited(first);
  const atKill = await counts();
  // it was killed in the middle: some batches committed, not all
  expect(atKill.events).toBeGreaterThan(0);
  expect(atKill.events).toBeLessThan(total);
  expect(atKill.marked).toBe(atKill.events);

  const second = startWorker(log);
  try {
    for (const until = Date.now() + 60_000; Date.now() < until;) {
      if ((await counts()).marked === total) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // a further run finds nothing left
    await new Promise((resolve) => setTimeout(resolve, 2_500));
  } finally {
    second.kill('SIGTERM');
    await exited(second);
  }
  // each passed deadline: one event, one BREACHED to the handler, ESCALATED to the supervisor and the quality manager
  expect(await counts()).toEqual({ events: total, distinct: total, breached: total, escalated: 2 * total, marked: total });
  expect(log.join('')).toContain('worker ready');
}, 120_000);
