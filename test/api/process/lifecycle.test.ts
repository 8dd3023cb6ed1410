import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../api/src/database/embedded';

/**
 * The real process (`node api/dist/.../main.js`, what `npm start` runs) on the embedded PostgreSQL:
 * first start, restart, a crash, a second instance, bad configuration, signals.
 */
const MAIN = path.resolve(__dirname, '../../../api/dist/api/src/main.js');
const ADMIN = { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'admin-password-123' };

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string, port: number, env: Record<string, string> = {}): Started {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'development', ...ADMIN, ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function healthy(started: Started, timeoutMs = 60_000): Promise<number> {
  const begin = Date.now();
  while (Date.now() - begin < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`exited ${started.child.exitCode}: ${started.output()}`);
    try {
      if ((await fetch(`${started.url}/health`)).status === 200) return Date.now() - begin;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not healthy after ${timeoutMs} ms: ${started.output()}`);
}

async function graphql(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
}

async function adminToken(url: string): Promise<string> {
  const result = await graphql(url, `mutation { login(email: "${ADMIN.ADMIN_EMAIL}", password: "${ADMIN.ADMIN_PASSWORD}") { token } }`);
  return result.data!.login.token as string;
}

let dataDir: string;
let port: number;
const running: Started[] = [];

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run the tests with \`npm test\` (it builds the API first).`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-lifecycle-'));
  fs.chmodSync(dataDir, 0o755);
  port = await freePort();
});

afterAll(async () => {
  for (const started of running) if (started.child.exitCode === null) started.child.kill('SIGKILL');
  // A PostgreSQL orphaned by the kill -9 test is stopped by the next start; make sure none is left.
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function track(started: Started): Started {
  running.push(started);
  return started;
}

describe('the API process on the embedded PostgreSQL', () => {
  jest.setTimeout(120_000);

  it('starts on an empty DATA_DIR, keeps data across a restart, and stops cleanly on SIGTERM and SIGINT', async () => {
    const first = track(start(dataDir, port));
    await healthy(first, 90_000);
    const token = await adminToken(first.url);
    const created = await graphql(
      first.url,
      'mutation { createStaff(input: { name: "Blijft", email: "blijft@example.org", password: "blijft-password-1", roles: [EMPLOYEE] }) { id } }',
      token,
    );
    expect(created.errors).toBeUndefined();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = track(start(dataDir, port));
    const ms = await healthy(second);
    process.stdout.write(`restart to healthy on the embedded database: ${ms} ms\n`);
    const list = await graphql(second.url, '{ staffList(filter: { q: "blijft" }) { total } }', await adminToken(second.url));
    expect(list.data?.staffList.total).toBe(1);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'app.lock'))).toBe(false);
  });

  it('refuses a second instance on the same DATA_DIR with a clear message', async () => {
    const first = track(start(dataDir, port));
    await healthy(first);
    const second = track(start(dataDir, await freePort()));
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/DATA_DIR .* is in use by another running instance \(pid \d+\)/);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('starts again after kill -9 (stale lock, orphaned PostgreSQL)', async () => {
    const crashed = track(start(dataDir, port));
    await healthy(crashed);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    const again = track(start(dataDir, port));
    await healthy(again);
    const list = await graphql(again.url, '{ staffList(filter: { q: "blijft" }) { total } }', await adminToken(again.url));
    expect(list.data?.staffList.total).toBe(1);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('creates admin@example.org with a password shown once when started without ADMIN_EMAIL (development)', async () => {
    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-first-admin-'));
    fs.chmodSync(freshDir, 0o755);
    try {
      const first = track(start(freshDir, await freePort(), { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }));
      await healthy(first, 90_000);
      const password = /created the first ADMIN admin@example\.org with password (\S+)/.exec(first.output())?.[1];
      expect(password).toBeDefined();
      const login = await graphql(first.url, `mutation { login(email: "admin@example.org", password: "${password}") { token } }`);
      expect(login.data?.login.token).toEqual(expect.any(String));
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    } finally {
      fs.rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it('exits 1 with one line naming PORT when PORT=abc', async () => {
    const bad = track(start(dataDir, port, { PORT: 'abc' }));
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim().split('\n')).toEqual(['Configuration error: PORT: must be a whole number (got "abc")']);
  });
});
