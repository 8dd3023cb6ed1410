#!/usr/bin/env node
// Browser smoke test of the admin panel against a running API (which serves the built admin at
// /admin/). Starting the server is the caller's job.
//
//   E2E_BASE_URL=http://127.0.0.1:4000 E2E_EMAIL=admin@example.org E2E_PASSWORD=... \
//     node test/e2e/admin.e2e.mjs
//
// Optional: CHROMIUM_PATH (default /usr/bin/chromium), E2E_ARTIFACTS_DIR (default
// test/e2e/artifacts), E2E_STEP_TIMEOUT_MS (default 20000), E2E_HEADED=1 to watch it.
// `runAdminScenario` runs the admin smoke test, then an EMPLOYEE's menu in an English browser
// (daily-use.e2e.mjs), then the complaint workflow: it creates a DIRECTOR
// through GraphQL with the admin's token (ADMIN cannot see complaints), logs in as that director
// (who starts on the dashboard, the menu in groups), registers a phone complaint through the intake form, checks its
// deadlines, and acknowledges it; the intake refusing a missing name, the panel in English and back and a new
// password (daily-use.e2e.mjs); issues a new status code for it and opens the status page with it
// (status-code.e2e.mjs); then takes it on to a hearing (assign, assess, respond,
// objection, schedule, hold, settle), lets the complainant ask to reopen it in the survey and declines
// that with a reason, and checks that the dashboard draws its charts; sets a legal hold
// on the closed complaint, uploads a PDF and an image to it and previews both; then puts a complaint
// on hold and resumes it (clock.e2e.mjs).
import { Buffer } from 'node:buffer';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runBellScenario, runClockScenario } from './clock.e2e.mjs';
import { runDailyUseScenario, runEmployeeMenuScenario } from './daily-use.e2e.mjs';
import { menuGroups, pickedMoment } from './widgets.mjs';
import { runReopenScenario, runStatusCodeScenario } from './status-code.e2e.mjs';
import { runWorkScenario } from './work.e2e.mjs';
import { runLayoutScenario } from './layout.e2e.mjs';

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
  const missing = ['E2E_BASE_URL', 'E2E_EMAIL', 'E2E_PASSWORD'].filter((name) => !env[name]);
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
  const args = config.headed ? CHROMIUM_ARGS.filter((arg) => arg !== '--headless') : CHROMIUM_ARGS;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: config.chromiumPath,
    headless: !config.headed,
    args,
    viewport: { width: 1280, height: 800 },
    // the browser's own language: the panel speaks the member of staff's whatever it is (daily-use.e2e.mjs tries en-US)
    locale: config.locale ?? 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    timeout: config.stepTimeoutMs,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(config.stepTimeoutMs);
  page.setDefaultNavigationTimeout(config.stepTimeoutMs);
  const browserErrors = [];
  page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
  });

  const screenshot = async (name) => {
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
      page
        .locator('input[name=username]')
        .waitFor({ state: 'detached' })
        .then(() => 'in'),
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

/** One GraphQL request; throws the first error's code and message. */
export async function graphql(config, query, variables = {}, token = undefined) {
  const response = await fetch(`${config.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  }
  return body.data;
}

/** Creates a member of staff with the configured admin's token; returns its credentials. */
export async function createStaffAccount(config, { name, roles }) {
  const { login: admin } = await graphql(
    config,
    'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email: config.email, password: config.password },
  );
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const account = { name, email: `e2e-${roles[0].toLowerCase()}-${suffix}@example.org`, password: `e2e-password-${suffix}` };
  await graphql(config, 'mutation CreateStaff($input: CreateStaffInput!) { createStaff(input: $input) { id } }', { input: { ...account, roles } }, admin.token);
  return account;
}

/** Forgets the session (the admin keeps it in localStorage) and leaves the app. */
export async function logout({ page, step }) {
  await step('log out', async () => {
    await page.evaluate('localStorage.clear()'); // runs in the page
    await page.goto('about:blank');
  });
}

/**
 * The complaint workflow as a DIRECTOR: the intake form (with an API field error shown under
 * its input), the complaint page with its deadlines, and the ACKNOWLEDGE step through its dialog.
 */
export async function runComplaintScenario(session) {
  const { page, step, config, screenshot } = session;
  const director = await step('create a DIRECTOR through GraphQL', () => createStaffAccount(config, { name: 'Dirk Directeur (e2e)', roles: ['DIRECTOR'] }));
  await login({ ...session, config: { ...config, email: director.email, password: director.password } });

  await step('Mijn werk is the start page; the menu in groups: Werk, Inzicht, Beheer', async () => {
    await page.waitForURL(/#\/$/);
    await page.getByRole('region', { name: 'Wat ik moet doen' }).waitFor({ state: 'visible' });
    const groups = await menuGroups(page);
    if (JSON.stringify(Object.keys(groups)) !== JSON.stringify(['Werk', 'Inzicht', 'Beheer'])) throw new Error(`the menu's groups: ${JSON.stringify(groups)}`);
    for (const [group, items] of Object.entries({
      Werk: ['Mijn werk', 'Klachten', 'Termijnen', 'Hoorzittingen', 'Doorverwijzingen', 'Privacyverzoeken', 'Meldingen'],
      Inzicht: ['Cijfers', 'Klachteninventarisatie', 'Maatregelen', 'Verwijderlogboek'],
      Beheer: ['Uitgaande post'],
    })) {
      const missing = items.filter((item) => !groups[group].includes(item));
      if (missing.length) throw new Error(`${group} lacks ${missing.join(', ')}: ${JSON.stringify(groups)}`);
    }
    if (
      Object.values(groups)
        .flat()
        .some((item) => ['Sluitingsdagen', 'Medewerkers', 'Klachtenregelingen'].includes(item))
    ) {
      throw new Error(`the DIRECTOR's menu has the set-up's pages: ${JSON.stringify(groups)}`);
    }
  });

  await step('open the intake form', async () => {
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    await page.getByRole('link', { name: 'Klacht registreren' }).click();
    await page.locator('input[name="complainant.name"]').waitFor({ state: 'visible' });
  });

  await step('an API field error appears under its input', async () => {
    await page.locator('input[name="complainant.name"]').fill('Karin Klaagster');
    await page.locator('input[name="complainant.phone"]').fill('bel me maar');
    await page.locator('textarea[name="description"]').fill('De monteur kwam niet opdagen en niemand belde af.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // the message under the input: its helper text, which the input names as its description
    const describedBy = await page.locator('input[name="complainant.phone"]').getAttribute('aria-describedby');
    if (!describedBy) throw new Error('the phone input has no helper text');
    const helper = page.locator(`[id="${describedBy}"]`);
    await helper.filter({ hasText: 'Geen geldig telefoonnummer' }).waitFor({ state: 'visible' });
    await screenshot('complaint-intake-field-error');
  });

  const reference = await step('register a phone complaint', async () => {
    await page.locator('input[name="complainant.phone"]').fill('06 12345678');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/#\/Complaint\/[^/]+\/show/);
    const heading = page.locator('h1', { hasText: /^KL-\d{4}-\d{6}$/ });
    await heading.waitFor({ state: 'visible' });
    return (await heading.innerText()).trim();
  });
  log(`registered ${reference}`);

  await step('the complaint page shows its deadlines', async () => {
    const deadlines = page.getByRole('table', { name: 'Termijnen' });
    for (const kind of ['ACKNOWLEDGE', 'RESPOND']) {
      const row = deadlines.locator(`tr[data-kind="${kind}"]`);
      await row.waitFor({ state: 'visible' });
      const text = await row.innerText();
      if (!/\d{1,2} \p{L}+\.? \d{4}/u.test(text)) throw new Error(`${kind} row has no due date: ${text}`);
      if (!/Open/.test(text)) throw new Error(`${kind} row is not open: ${text}`);
    }
    await page.getByText(/via telefoon, geregistreerd door Dirk Directeur/).waitFor({ state: 'visible' });
    await screenshot('complaint-registered');
  });

  await step('acknowledge it through the button and its dialog', async () => {
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Samenvatting').fill('Klaagster gebeld; ontvangst bevestigd, antwoord binnen twee weken.');
    await screenshot('complaint-acknowledge-dialog');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  await step('ACKNOWLEDGE is met and the history shows the step', async () => {
    const row = page.getByRole('table', { name: 'Termijnen' }).locator('tr[data-kind="ACKNOWLEDGE"]');
    await row.filter({ hasText: 'Gehaald' }).waitFor({ state: 'visible' });
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    const event = history.locator('li[data-type="CONTACT_RECORDED"]');
    await event.filter({ hasText: 'Contact vastgelegd' }).filter({ hasText: 'Ontvangstbevestiging' }).waitFor({ state: 'visible' });
    await event.filter({ hasText: 'Ontvangen → Ontvangst bevestigd' }).waitFor({ state: 'visible' });
    if (await page.getByRole('button', { name: 'Ontvangst bevestigen' }).count()) {
      throw new Error('the ACKNOWLEDGE button is still offered');
    }
    await screenshot('complaint-acknowledged');
  });

  await step('the complaint list shows it', async () => {
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    const row = page.locator('table tbody tr', { hasText: reference });
    await row.waitFor({ state: 'visible' });
    await screenshot('complaint-list');
  });
  return { reference, director };
}

/**
 * One step of the procedure through its button and dialog: `fill(dialog)` fills it in, then it is
 * saved and the dialog must close (an API refusal would keep it open, with the message).
 */
async function takeStep(page, button, fill) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Picks an option of an autocomplete in a dialog by typing part of its text. */
async function pick(page, dialog, label, typed, option) {
  const input = dialog.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/**
 * The objection path as the same DIRECTOR, the quickest honest way to a hearing: assign the
 * handler (self), record the assessment, respond, file the complainant's objection, schedule a
 * hearing (in the future), record that it was held and the settlement both sides agreed to,
 * which closes the complaint; the Hoorzittingen section shows the held hearing. Then the
 * dashboard draws its charts.
 */
export async function runObjectionScenario(session, { reference, directorName, code }) {
  const { page, step, screenshot } = session;
  const status = (code) => page.locator(`.MuiChip-root[data-status="${code}"]`).first();

  await step('open the complaint again', async () => {
    await page.locator('table tbody tr', { hasText: reference }).click();
    await page.locator('h1', { hasText: reference }).waitFor({ state: 'visible' });
  });

  await step('assign the handler (self)', async () => {
    await takeStep(page, 'Behandelaar toewijzen', async (dialog) => {
      await pick(page, dialog, 'Klachtbehandelaar', 'Dirk', directorName);
    });
    await page.getByRole('region', { name: 'Klacht', exact: true }).getByRole('link', { name: directorName }).waitFor({ state: 'visible' });
  });

  await step('record the assessment', async () => {
    await takeStep(page, 'Beoordeling vastleggen', async (dialog) => {
      await dialog.getByLabel('Gegrond', { exact: true }).check();
      await dialog.getByLabel('Oorzaak').fill('De planning gaf de monteur een verkeerd adres.');
      await dialog.getByLabel('Excuses').check();
    });
    await status('IN_PROGRESS').waitFor({ state: 'visible' });
  });

  await step('respond to the complainant', async () => {
    await takeStep(page, 'Antwoord vastleggen', async (dialog) => {
      await dialog.getByLabel('Antwoord (samenvatting)').fill('Excuses; nieuwe afspraak gepland. Niet eens? Dan kunt u binnen 15 dagen bezwaar maken.');
    });
    await status('RESPONDED').waitFor({ state: 'visible' });
  });

  await step('file the objection', async () => {
    await takeStep(page, 'Bezwaar registreren', async (dialog) => {
      await dialog.getByLabel('Gronden van het bezwaar').fill('Excuses zijn niet genoeg: ik heb een dag vrij genomen voor niets.');
      await screenshot('objection-dialog');
    });
    await status('OBJECTED').waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Bezwaar' }).getByText('Excuses zijn niet genoeg').waitFor({ state: 'visible' });
  });

  await step('schedule a hearing in the future', async () => {
    await takeStep(page, 'Hoorzitting plannen', async (dialog) => {
      const scheduledAt = await pickedMoment(dialog, 'scheduledAt');
      if (!(scheduledAt.isValid && scheduledAt.toMillis() > Date.now())) throw new Error(`the proposed moment "${scheduledAt.toISO()}" is not in the future`);
      await dialog.getByLabel('Op kantoor').check();
      await dialog.getByLabel('Locatie, telefoonnummer of videolink').fill('Kantoor Utrecht, kamer 2.14');
      await pick(page, dialog, 'Voorzitter', 'Dirk', directorName);
      await screenshot('hearing-schedule-dialog');
    });
    const hearings = page.getByRole('region', { name: 'Hoorzittingen' });
    await hearings.locator('li[data-status="SCHEDULED"]', { hasText: 'Kantoor Utrecht' }).waitFor({ state: 'visible' });
    await screenshot('hearing-scheduled');
  });

  await step('record that the hearing was held', async () => {
    await takeStep(page, 'Hoorzitting vastleggen', async (dialog) => {
      await dialog.getByLabel('Verslag').fill('Klaagster toegelicht; de organisatie erkent de fout in de planning.');
      await dialog.getByLabel('Voorstel').fill('Vergoeding van een halve dag en een vaste contactpersoon.');
    });
    await page.getByRole('region', { name: 'Hoorzittingen' }).locator('li[data-status="HELD"]').waitFor({ state: 'visible' });
  });

  await step('record the settlement both parties agreed to', async () => {
    await takeStep(page, 'Schikking vastleggen', async (dialog) => {
      const terms = await dialog.getByLabel('Afspraken').inputValue();
      if (!terms.includes('halve dag')) throw new Error(`the terms are not prefilled from the proposal: "${terms}"`);
      await dialog.getByLabel('De klager is akkoord').check();
      await dialog.getByLabel('De organisatie is akkoord').check();
    });
    await status('CLOSED').filter({ hasText: 'Afgesloten' }).waitFor({ state: 'visible' });
  });

  // the complainant's survey on the closed complaint, and the request to reopen declined (status-code.e2e.mjs)
  await runReopenScenario(session, { reference, code, takeStep });

  await step('the Hoorzittingen section shows the held hearing and the settlement', async () => {
    const held = page.getByRole('region', { name: 'Hoorzittingen' }).locator('li[data-status="HELD"]');
    await held.filter({ hasText: 'Gehouden' }).filter({ hasText: 'Kantoor Utrecht' }).waitFor({ state: 'visible' });
    await held.filter({ hasText: 'Vergoeding van een halve dag' }).filter({ hasText: 'Klager akkoord op' }).waitFor({ state: 'visible' });
    await held.getByRole('link', { name: directorName }).first().waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Bezwaar' }).getByText('Geschikt', { exact: true }).waitFor({ state: 'visible' });
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await history.locator('li[data-type="SETTLEMENT_RECORDED"]', { hasText: 'Bezwaar ingediend → Afgesloten' }).waitFor({ state: 'visible' });
    if (await page.getByRole('button', { name: 'Schikking vastleggen' }).count()) {
      throw new Error('RECORD_SETTLEMENT is still offered');
    }
    await screenshot('complaint-settled');
  });

  await step('the hearing agenda: Komende leaves out the held hearing, Alle shows it', async () => {
    await page.getByRole('menuitem', { name: 'Hoorzittingen', exact: true }).click();
    const tabs = page.getByRole('tablist', { name: 'Welke hoorzittingen' });
    await tabs.getByRole('tab', { name: 'Komende hoorzittingen', selected: true }).waitFor({ state: 'visible' });
    const row = page.getByRole('table', { name: 'Agenda hoorzittingen' }).locator('tr', { hasText: reference });
    if (await row.count()) throw new Error('a held hearing is on the upcoming agenda');
    await tabs.getByRole('tab', { name: 'Alle hoorzittingen' }).click();
    await tabs.getByRole('tab', { name: 'Alle hoorzittingen', selected: true }).waitFor({ state: 'visible' });
    await row.first().waitFor({ state: 'visible' });
    if (!page.url().includes('filter=%7B%7D') && page.url().includes('upcoming')) throw new Error(`the upcoming filter stayed: ${page.url()}`);
  });

  await step('the dashboard draws its charts', async () => {
    await page.getByRole('menuitem', { name: 'Cijfers' }).click();
    const card = page.getByRole('region', { name: 'Klachten per maand' });
    await card.locator('svg').first().waitFor({ state: 'visible' });
    // the bar of this run's complaint
    await card.locator('svg rect').first().waitFor({ state: 'attached' });
    await page.getByRole('region', { name: 'Termijnen per soort' }).locator('svg').first().waitFor({ state: 'visible' });
    await screenshot('dashboard');
  });
}

/** A one-page PDF with a line of text (the xref offsets counted), small enough to inline. */
function onePagePdf(text) {
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A 16×16 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAGUlEQVR4nGP4z8BAEmIY1TCqYVTDcNUAAMKS/wHx+V7FAAAAAElFTkSuQmCC', 'base64');

/**
 * "Bekijken" on an attachment's row: the dialog shows the file from a `blob:` URL — a PDF in an iframe (a frame
 * the Content-Security-Policy refuses becomes Chromium's error page, not the blob), an image in an img that
 * loaded (else the dialog's fallback message) — with no CSP violation in the console; then it is closed.
 */
async function expectPreview({ page, screenshot, browserErrors }, row, fileName, kind) {
  const errorsBefore = browserErrors.length;
  await row.getByRole('button', { name: 'Bekijken' }).click();
  const dialog = page.getByRole('dialog', { name: fileName });
  await dialog.waitFor({ state: 'visible' });
  if (kind === 'pdf') {
    const iframe = dialog.locator('iframe');
    await iframe.waitFor({ state: 'visible' });
    const src = await iframe.getAttribute('src');
    if (!src?.startsWith('blob:')) throw new Error(`the PDF preview's iframe shows ${src}, not a blob: URL`);
    const frameUrls = () => page.frames().map((frame) => frame.url());
    for (const until = Date.now() + 5_000; !frameUrls().includes(src); await page.waitForTimeout(100)) {
      if (Date.now() > until) throw new Error(`the PDF preview did not load its blob: URL (frames: ${frameUrls().join(', ')})`);
    }
    // for the screenshot only, not asserted (the viewer is Chromium's): the viewer's frame inside the blob's, with the
    // document in a frame of its own once it is read, and a moment to draw it
    const viewerLoaded = () => page.frames().some((frame) => frame.parentFrame()?.parentFrame()?.url() === src);
    for (const until = Date.now() + 5_000; Date.now() < until && !viewerLoaded();) await page.waitForTimeout(100);
    await page.waitForTimeout(1_000);
  } else {
    const image = dialog.locator('img');
    await image.waitFor({ state: 'visible' });
    await page.waitForFunction((element) => element.complete, await image.elementHandle());
    const { src, width } = await image.evaluate((element) => ({ src: element.src, width: element.naturalWidth }));
    if (!src.startsWith('blob:') || width === 0) throw new Error(`the image preview did not load (src ${src.slice(0, 20)}…, width ${width})`);
  }
  if (await dialog.getByText('kan hier niet worden getoond').count()) throw new Error(`the preview of ${fileName} shows its fallback message`);
  if (await dialog.getByRole('alert').count())
    throw new Error(`the preview of ${fileName} shows an error: ${await dialog.getByRole('alert').first().innerText()}`);
  const refused = browserErrors.slice(errorsBefore).filter((line) => /Content Security Policy/i.test(line));
  if (refused.length) throw new Error(`the CSP refused the preview of ${fileName}: ${refused[0]}`);
  await screenshot(`attachment-preview-${kind}`);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Keeping a dossier and its files, as the same DIRECTOR on the complaint the settlement closed: a legal hold
 * with its reason (the page shows since when, by whom and why, and how long the dossier is kept), then a small
 * PDF and an image uploaded through the attachments' file input, listed with their type and size, and each
 * shown by "Bekijken" (from a blob: URL, which the admin's CSP allows in frame-src and img-src).
 */
export async function runRetentionScenario(session, { reference, directorName }) {
  const { page, step, screenshot } = session;
  await step('a legal hold and an uploaded PDF on the closed complaint', async () => {
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    await page.locator('table tbody tr', { hasText: reference }).click();
    await page.locator('h1', { hasText: reference }).waitFor({ state: 'visible' });
    await page.locator('.MuiChip-root[data-status="CLOSED"]').first().waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Beoordeling en afhandeling' }).getByText('Bewaard tot').waitFor({ state: 'visible' });

    await takeStep(page, 'Bewaarplicht instellen', async (dialog) => {
      await dialog.getByLabel('Reden').fill('De klager is een rechtszaak begonnen (e2e).');
    });
    const hold = page.locator('[data-retention="hold"]');
    await hold.filter({ hasText: 'De klager is een rechtszaak begonnen (e2e).' }).filter({ hasText: directorName }).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Bewaarplicht opheffen', exact: true }).waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Geschiedenis' }).locator('li[data-type="LEGAL_HOLD_SET"]').waitFor({ state: 'visible' });

    const pdf = onePagePdf('Verslag e2e');
    await page
      .locator('input[type="file"][aria-label="Bijlagen uploaden"]')
      .setInputFiles({ name: 'verslag-e2e.pdf', mimeType: 'application/pdf', buffer: pdf });
    const row = page.getByRole('table', { name: 'Bijlagen' }).locator('tr[data-state="file"]', { hasText: 'verslag-e2e.pdf' });
    await row
      .filter({ hasText: 'PDF' })
      .filter({ hasText: `${pdf.length} bytes` })
      .waitFor({ state: 'visible' });
    await row.getByRole('button', { name: 'Downloaden' }).waitFor({ state: 'visible' });
    await page
      .getByRole('region', { name: 'Geschiedenis' })
      .locator('li[data-type="ATTACHMENT_ADDED"]', { hasText: 'verslag-e2e.pdf' })
      .waitFor({ state: 'visible' });
    await screenshot('complaint-hold-and-attachment');
    await expectPreview(session, row, 'verslag-e2e.pdf', 'pdf');

    await page.locator('input[type="file"][aria-label="Bijlagen uploaden"]').setInputFiles({ name: 'foto-e2e.png', mimeType: 'image/png', buffer: PNG });
    const image = page.getByRole('table', { name: 'Bijlagen' }).locator('tr[data-state="file"]', { hasText: 'foto-e2e.png' });
    await image.filter({ hasText: 'Afbeelding (PNG)' }).waitFor({ state: 'visible' });
    await expectPreview(session, image, 'foto-e2e.png', 'image');
  });
}

/** The smoke scenario (log in as the admin, see the staff list), then the complaint workflow. */
/**
 * An ADMIN edits a category: a change someone else saved meanwhile makes the form's save refused with
 * the optimistic lock's message (nothing is overwritten); after a reload the edit goes through.
 */
export async function runReferenceDataEdit({ page, step, config }) {
  const { login: admin } = await graphql(
    config,
    'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email: config.email, password: config.password },
  );
  const { categoryList } = await graphql(config, '{ categoryList(perPage: 1) { items { id name version } } }', {}, admin.token);
  const category = categoryList.items[0];
  await step('open a category to edit', async () => {
    await page.goto(`${config.baseUrl}/admin/#/Category/${encodeURIComponent(category.id)}`);
    await page.locator('input[name="name"]').waitFor({ state: 'visible' });
  });
  await step('a save over a change made meanwhile is refused with the lock message', async () => {
    await graphql(
      config,
      'mutation ($id: ID!, $version: Int!) { updateCategory(id: $id, version: $version, input: { sortOrder: 7 }) { version } }',
      { id: category.id, version: category.version },
      admin.token,
    );
    await page.locator('input[name="name"]').fill(`${category.name} (e2e)`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('.MuiSnackbarContent-message', { hasText: 'intussen gewijzigd' }).waitFor({ state: 'visible' });
    const { category: after } = await graphql(config, 'query ($id: ID!) { category(id: $id) { name } }', { id: category.id }, admin.token);
    if (after.name !== category.name) throw new Error(`the stale save overwrote the name: ${after.name}`);
  });
  await step('after a reload the edit is saved', async () => {
    await page.reload();
    await page.locator('input[name="name"]').waitFor({ state: 'visible' });
    await page.locator('input[name="name"]').fill(`${category.name} (e2e)`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // the toast says what was saved
    await page.locator('.MuiSnackbarContent-message', { hasText: `Categorie ${category.name} (e2e) opgeslagen` }).waitFor({ state: 'visible' });
    const { category: after } = await graphql(config, 'query ($id: ID!) { category(id: $id) { name } }', { id: category.id }, admin.token);
    if (after.name !== `${category.name} (e2e)`) throw new Error(`the name is ${after.name}`);
  });
}

export async function runAdminScenario(config = configFromEnv()) {
  return withBrowser(config, async (session) => {
    await login(session);
    await session.step('ADMIN starts on Medewerkers, without complaints in the menu', async () => {
      await session.page.waitForURL(/#\/Staff/);
      const menu = await session.page.locator('.RaMenu-open a, .RaMenu-closed a').allInnerTexts();
      if (menu.some((text) => ['Klachten', 'Termijnen'].includes(text.trim()))) {
        throw new Error(`the ADMIN menu offers complaints: ${menu.join(', ')}`);
      }
      if (!menu.some((text) => text.trim() === 'API-tokens')) {
        throw new Error(`the ADMIN menu has no API-tokens: ${menu.join(', ')}`);
      }
    });
    await expectStaffRow(session, config.email);
    await runReferenceDataEdit(session);
    const file = await session.step('save a screenshot', () => session.screenshot('staff-list'));
    log(`screenshot: ${file}`);
    await logout(session);
    // an EMPLOYEE, in a browser that speaks English: their menu, and the intake form in Dutch (daily-use.e2e.mjs)
    await runEmployeeMenuScenario(config);
    const { reference, director } = await runComplaintScenario(session);
    // the intake refusing a missing name, the panel in English and back, a new password (daily-use.e2e.mjs)
    await runDailyUseScenario(session, { director });
    const { code } = await runStatusCodeScenario(session, { reference, director });
    await runObjectionScenario(session, { reference, directorName: 'Dirk Directeur (e2e)', code });
    await runRetentionScenario(session, { reference, directorName: 'Dirk Directeur (e2e)' });
    const { directorId } = await runClockScenario(session, director);
    await runBellScenario(session, directorId);
    // Mijn werk as a HANDLER's start page, picking up from the queue, the search in the app bar (work.e2e.mjs)
    await runWorkScenario(session, director);
    // the steps' order and the layout at 1280 px and on a phone, over a caseload of its own (layout.e2e.mjs)
    await runLayoutScenario(session, director);
    return { screenshot: file, reference };
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
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
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
