#!/usr/bin/env node
// The README's screenshots: the main screens of the panel at 1440 × 900 and on a phone (390 × 844), as PNG in
// docs/screenshots/ (or SCREENSHOTS_DIR). Run `npm run build` first, then
//
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test node test/e2e/screenshots.mjs
//
// Like run.mjs it starts the real server on a fresh database (a new database on DATABASE_URL's server, dropped
// afterwards; without DATABASE_URL a fresh embedded PostgreSQL in a temporary DATA_DIR), makes a small caseload through
// GraphQL (layout-data.mjs), and takes the screens in Debian's chromium as its director. With E2E_BASE_URL, E2E_EMAIL
// and E2E_PASSWORD it uses a running server instead (and leaves its data there).
/* global localStorage -- in the function the browser runs (page.evaluate) */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { configFromEnv, createStaffAccount, login, withBrowser } from './admin.e2e.mjs';
import { seedCaseload } from './layout-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(process.env.SCREENSHOTS_DIR || path.join(root, 'docs/screenshots'));
const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function onServer(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The real server on a fresh database, as run.mjs starts it; resolves to its address and a function that stops it. */
async function startServer() {
  const main = path.join(root, 'api/dist/api/src/main.js');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(root, 'admin/dist/index.html'))) throw new Error('run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachten-screenshots-'));
  fs.chmodSync(dataDir, 0o755);
  const credentials = { email: 'screenshots-admin@example.org', password: 'screenshots-admin-password' };
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'screenshots-secret-that-is-long-enough-for-hs256',
    PSEUDONYM_SECRET: 'screenshots-pseudonym-secret-long-enough-for-hmac',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: credentials.email,
    ADMIN_PASSWORD: credentials.password,
    PORT: String(await freePort()),
  };
  let database;
  if (process.env.DATABASE_URL) {
    database = `klachten_screenshots_${process.pid}`;
    await onServer(process.env.DATABASE_URL, `CREATE DATABASE ${database}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  const server = spawn(process.execPath, [main], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    if (database) await onServer(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  for (const until = Date.now() + 90_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (Date.now() > until) {
      await stop();
      throw new Error('the server was not healthy within 90 s');
    }
    if (
      await fetch(`${baseUrl}/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
  }
  return { config: configFromEnv({ ...process.env, E2E_BASE_URL: baseUrl, E2E_EMAIL: credentials.email, E2E_PASSWORD: credentials.password }), stop };
}

/** One screen at one size: opened, settled (data loaded, no pointer over anything), saved as `<name>-<size>.png`. */
async function shoot(page, config, { name, route, ready }, size) {
  await page.goto(`${config.baseUrl}/admin/#/${route}`);
  await ready(page).first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  await page.mouse.move(0, SIZES[size].height - 1);
  await page.waitForTimeout(400);
  const file = path.join(outDir, `${name}-${size}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  console.log(`[screenshots] ${path.relative(root, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

async function main() {
  const running = process.env.E2E_BASE_URL ? { config: configFromEnv(), stop: async () => undefined } : await startServer();
  const { config } = running;
  try {
    const director = await createStaffAccount(config, { name: 'Dirk de Boer', roles: ['DIRECTOR'] });
    const { complaints } = await seedCaseload(config, director);
    const inHandling = complaints.find((complaint) => complaint.upTo === 'assessed');
    const screens = [
      { name: 'mijn-werk', route: '', ready: (page) => page.getByText(/KL-\d{4}-\d{6}/) },
      { name: 'klachten', route: 'Complaint', ready: (page) => page.locator('main').getByText(/KL-\d{4}-\d{6}/) },
      { name: 'klacht', route: `Complaint/${inHandling.id}/show`, ready: (page) => page.getByRole('table', { name: 'Termijnen' }) },
      { name: 'termijnen', route: 'Deadline', ready: (page) => page.locator('main').getByText(/KL-\d{4}-\d{6}/) },
    ];
    fs.mkdirSync(outDir, { recursive: true });
    await withBrowser({ ...config, artifactsDir: path.join(os.tmpdir(), 'klachten-screenshots-artifacts') }, async (session) => {
      await login({ ...session, config: { ...config, email: director.email, password: director.password } });
      for (const size of ['desktop', 'phone']) {
        await session.page.setViewportSize(SIZES[size]);
        // the sidebar as a visit at this size starts it: open beside the page, closed (a drawer) on a phone
        await session.page.evaluate((open) => {
          for (const key of Object.keys(localStorage)) if (key.endsWith('.sidebar.open')) localStorage.setItem(key, JSON.stringify(open));
        }, size === 'desktop');
        await session.page.reload();
        for (const screen of screens) await session.step(`${screen.name} at ${size}`, () => shoot(session.page, config, screen, size));
      }
    });
  } finally {
    await running.stop();
  }
}

try {
  await main();
} catch (error) {
  console.error(`[screenshots] FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
