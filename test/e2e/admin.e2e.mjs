#!/usr/bin/env node
// Browser smoke test of the admin panel against a running API (which serves the built admin at
// /admin/). Starting the server is the caller's job.
//
//   E2E_BASE_URL=http://127.0.0.1:4000 E2E_EMAIL=admin@example.org E2E_PASSWORD=... \
//     node test/e2e/admin.e2e.mjs
//
// Optional: CHROMIUM_PATH (default /usr/bin/chromium), E2E_ARTIFACTS_DIR (default
// test/e2e/artifacts), E2E_STEP_TIMEOUT_MS (default 20000), E2E_HEADED=1 to watch it.
// Import `runAdminScenario` / `withAdminSession` to build longer scenarios on the same login.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
];

/** The configuration from the environment; throws a clear message when something is missing. */
export function configFromEnv(env = process.env) {
    const missing = ['E2E_BASE_URL', 'E2E_EMAIL', 'E2E_PASSWORD'].filter(name => !env[name]);
    if (missing.length > 0) throw new Error(`Missing environment variable(s): ${missing.join(', ')}`);
    return {
        baseUrl: env.E2E_BASE_URL.replace(/\/+$/, ''),
        email: env.E2E_EMAIL,
        password: env.E2E_PASSWORD,
        chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
        artifactsDir: env.E2E_ARTIFACTS_DIR || path.join(here, 'artifacts'),
        stepTimeoutMs: Number(env.E2E_STEP_TIMEOUT_MS || 20_000),
        headed: env.E2E_HEADED === '1',
    };
}

/** A failed step, with the step's name in the message. */
export class StepError extends Error {
    constructor(step, cause) {
        super(`step "${step}" failed: ${cause instanceof Error ? cause.message.split('\n')[0] : cause}`, { cause });
        this.step = step;
    }
}

/**
 * Opens a fresh browser profile, runs `scenario({ page, step, config, screenshot })`, and always
 * closes the browser and removes the profile. `step(name, fn)` runs one step with the step timeout
 * and names it in the error; on failure a screenshot `failure-<step>.png` is saved.
 */
export async function withBrowser(config, scenario) {
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'admin-e2e-'));
    await mkdir(config.artifactsDir, { recursive: true });
    const args = config.headed ? CHROMIUM_ARGS.filter(arg => arg !== '--headless') : CHROMIUM_ARGS;
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: config.chromiumPath,
        headless: !config.headed,
        args,
        viewport: { width: 1280, height: 800 },
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        timeout: config.stepTimeoutMs,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(config.stepTimeoutMs);
    page.setDefaultNavigationTimeout(config.stepTimeoutMs);
    const browserErrors = [];
    page.on('pageerror', error => browserErrors.push(`pageerror: ${error.message}`));
    page.on('console', message => {
        if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
    });

    const screenshot = async name => {
        const file = path.join(config.artifactsDir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
    };
    const step = async (name, fn) => {
        const started = Date.now();
        try {
            const result = await withTimeout(fn(), config.stepTimeoutMs, name);
            log(`ok   ${name} (${Date.now() - started} ms)`);
            return result;
        } catch (error) {
            log(`FAIL ${name} (${Date.now() - started} ms)`);
            const file = await screenshot(`failure-${slug(name)}`).catch(() => undefined);
            if (file) log(`     screenshot: ${file}`);
            for (const line of browserErrors.slice(-10)) log(`     ${line}`);
            throw new StepError(name, error);
        }
    };

    try {
        return await scenario({ page, step, config, screenshot, browserErrors });
    } finally {
        await context.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    }
}

/** Logs in through the real login page; resolves once the admin layout is shown. */
export async function login({ page, step, config }) {
    await step('open the admin', async () => {
        await page.goto(`${config.baseUrl}/admin/`, { waitUntil: 'domcontentloaded' });
        await page.locator('input[name=username]').waitFor({ state: 'visible' });
    });
    await step('log in', async () => {
        await page.locator('input[name=username]').fill(config.email);
        await page.locator('input[name=password]').fill(config.password);
        await page.getByRole('button', { name: 'Inloggen' }).click();
        // either the login form goes away, or react-admin shows why it did not
        const notification = page.locator('.MuiSnackbarContent-message, [role=alert]').first();
        const outcome = await Promise.race([
            page.locator('input[name=username]').waitFor({ state: 'detached' }).then(() => 'in'),
            notification.waitFor({ state: 'visible' }).then(() => 'refused'),
        ]);
        if (outcome === 'refused') {
            throw new Error(`login refused: "${(await notification.innerText()).trim()}"`);
        }
    });
}

/** Opens the staff list and waits for a row containing `email`. */
export async function expectStaffRow({ page, step, config }, email) {
    return step(`staff list shows ${email}`, async () => {
        if (!/#\/Staff/.test(page.url())) await page.goto(`${config.baseUrl}/admin/#/Staff`);
        const row = page.locator('table tbody tr', { hasText: email });
        await row.first().waitFor({ state: 'visible' });
        return row.first();
    });
}

/** The smoke scenario: log in, see the admin in the staff list, save a screenshot. */
export async function runAdminScenario(config = configFromEnv()) {
    return withBrowser(config, async session => {
        await login(session);
        await expectStaffRow(session, config.email);
        const file = await session.step('save a screenshot', () => session.screenshot('staff-list'));
        log(`screenshot: ${file}`);
        return { screenshot: file };
    });
}

function withTimeout(promise, ms, name) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms (${name})`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function log(message) {
    console.log(`[admin e2e] ${message}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        await runAdminScenario();
        log('passed');
    } catch (error) {
        console.error(`[admin e2e] FAILED: ${error instanceof Error ? error.message : error}`);
        process.exitCode = 1;
    }
}
