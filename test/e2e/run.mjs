// Browser smoke test runner: builds nothing itself (run `npm run build` first), starts the real
// server on a fresh database (a new database on DATABASE_URL's server, else a fresh embedded
// PostgreSQL in a temporary DATA_DIR), runs the scenarios in Debian's chromium, and stops it all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(root, 'api/dist/api/src/main.js');
const credentials = { email: 'e2e-admin@example.org', password: 'e2e-admin-password' };

for (const [file, hint] of [
  [main, 'npm run build:api'],
  [path.join(root, 'admin/dist/index.html'), 'npm run build:admin'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`${path.relative(root, file)} is missing: run \`${hint}\` first.`);
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function onServer(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-e2e-'));
fs.chmodSync(dataDir, 0o755);
const env = {
  ...process.env,
  NODE_ENV: 'production',
  JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256',
  PSEUDONYM_SECRET: 'e2e-pseudonym-secret-long-enough-for-hmac',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  ADMIN_EMAIL: credentials.email,
  ADMIN_PASSWORD: credentials.password,
  // the complaint site refuses a form sent sooner than this after it was shown (site.e2e.mjs waits for it)
  PORTAL_MIN_FILL_SECONDS: '1',
};
let database;
if (process.env.DATABASE_URL) {
  database = `klachten_e2e_${process.pid}`;
  await onServer(process.env.DATABASE_URL, `CREATE DATABASE ${database}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
}
// A real mail server for the letters the browser test sends: it takes every message (and counts them).
const mails = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      mails.push(Date.now());
      callback();
    });
  },
});
const smtpPort = await freePort();
await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
env.MAIL_FROM = 'Klachten (e2e) <klachten@e2e.example>';
env.PORT = String(await freePort());
const baseUrl = `http://127.0.0.1:${env.PORT}`;

const server = spawn(process.execPath, [main], { env, stdio: ['ignore', 'inherit', 'inherit'] });
const serverExit = new Promise((resolve) => server.on('exit', resolve));

async function waitForHealth() {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before it was healthy`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server was not healthy within 90 s');
}

let failed = false;
try {
  await waitForHealth();
  const { configFromEnv, runAdminScenario } = await import('./admin.e2e.mjs');
  await runAdminScenario(configFromEnv({ ...process.env, E2E_BASE_URL: baseUrl, E2E_EMAIL: credentials.email, E2E_PASSWORD: credentials.password }));
  const { runSiteScenario } = await import('./site.e2e.mjs');
  await runSiteScenario(configFromEnv({ ...process.env, E2E_BASE_URL: baseUrl, E2E_EMAIL: credentials.email, E2E_PASSWORD: credentials.password }));
} catch (error) {
  failed = true;
  console.error(`E2E FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  server.kill('SIGTERM');
  await serverExit;
  await new Promise((resolve) => smtp.close(resolve));
  console.log(`e2e: the mail server received ${mails.length} message(s)`);
  if (database) await onServer(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(failed ? 'e2e: 0 passed, 1 failed' : 'e2e: 1 passed, 0 failed');
process.exit(failed ? 1 : 0);
