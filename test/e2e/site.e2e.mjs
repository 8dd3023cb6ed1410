#!/usr/bin/env node
// Browser test of the ready-made complaint site at /klacht/ (issue 15) against a running API (run.mjs starts it with
// PORTAL_MIN_FILL_SECONDS=1). On a 390×844 phone screen, with the site's CSP enforced: the form fits without
// horizontal scrolling; sent without a name it comes back with the Dutch message on the field (the other values and
// the file kept); sent again it confirms with the reference and the code; the status lookup opens the complaint with
// them; staff answer it through GraphQL (a DIRECTOR: assign, acknowledge, assess, respond, under policy focus — the
// unit the form chose has it); the objection sent from the status page is confirmed and is the complainant's
// OBJECTION_FILED. axe-core (WCAG 2.1 A/AA) scans the form, the form with errors, the confirmation and the status page
// with its forms, in a context that lets its script in: no serious or critical violation.
//
//   E2E_BASE_URL=http://127.0.0.1:4000 E2E_EMAIL=admin@example.org E2E_PASSWORD=... node test/e2e/site.e2e.mjs
/* global document, window, getComputedStyle -- in the functions the browser runs (page.evaluate) */
import { Buffer } from 'node:buffer';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { configFromEnv, createStaffAccount, graphql } from './admin.e2e.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const PHONE = { width: 390, height: 844 };

function log(message) {
  console.log(`[site e2e] ${message}`);
}

/** Staff's side through GraphQL: a DIRECTOR, and a unit under policy focus for the form to choose. */
async function prepareStaff(config) {
  const director = await createStaffAccount(config, { name: 'Sita Directeur (e2e)', roles: ['DIRECTOR'] });
  const login = (email, password) =>
    graphql(config, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', { email, password });
  const admin = (await login(config.email, config.password)).login.token;
  const token = (await login(director.email, director.password)).login.token;
  const { policyList } = await graphql(config, '{ policyList(perPage: 100) { items { id key } } }', {}, admin);
  const focus = policyList.items.find((policy) => policy.key === 'focus');
  const unitName = `Vestiging Focus (e2e ${Date.now().toString(36)})`;
  await graphql(
    config,
    'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
    { input: { code: `SITE-${Date.now().toString(36).toUpperCase()}`, name: unitName, policyId: focus.id } },
    admin,
  );
  const { me } = await graphql(config, '{ me { id } }', {}, token);
  return { token, directorId: me.id, unitName };
}

/** The director takes the complaint from receipt to the answer. */
async function answer(config, staff, reference) {
  const read = async () =>
    (await graphql(config, 'query ($reference: String) { complaint(reference: $reference) { id version status } }', { reference }, staff.token)).complaint;
  const step = async (call, args, variables) => {
    const { id, version } = await read();
    await graphql(config, `mutation ($id: ID!, $version: Int!${args}) { ${call} { id } }`, { id, version, ...variables }, staff.token);
  };
  await step('assignHandler(id: $id, version: $version, handlerId: $handlerId)', ', $handlerId: ID!', { handlerId: staff.directorId });
  await step('recordContactMoment(id: $id, version: $version, input: $input)', ', $input: ContactInput!', {
    input: { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' },
  });
  await step('recordAssessment(id: $id, version: $version, input: $input)', ', $input: AssessmentInput!', {
    input: { verdict: 'UNFOUNDED', cause: 'De betaling liep volgens plan.', solution: 'Uitleg gegeven.' },
  });
  await step('respondToComplaint(id: $id, version: $version, input: $input)', ', $input: ResponseInput!', {
    input: { summary: 'De betaling was op tijd; wij lichten het toe.', channel: 'LETTER' },
  });
  return read();
}

/** axe-core on the page as it is (WCAG 2.1 A and AA): every violation printed, serious or critical ones fail. */
async function audit(page, name) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  });
  for (const violation of violations) log(`axe ${name}: ${violation.impact} ${violation.id} at ${violation.nodes.join(', ')}`);
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (blocking.length) throw new Error(`axe found ${blocking.length} serious or critical violation(s) on ${name}: ${blocking.map((v) => v.id).join(', ')}`);
  log(`axe ${name}: ${violations.length} violation(s), none serious or critical`);
}

async function fitsTheScreen(page, name) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth) throw new Error(`${name} scrolls sideways at ${innerWidth} px: ${scrollWidth} px wide`);
}

/** The form takes at least PORTAL_MIN_FILL_SECONDS (1 in run.mjs) from showing to sending. */
const slowEnough = (page) => page.waitForTimeout(1_100);

async function bytesOf(url) {
  return Buffer.byteLength(await (await fetch(url)).text());
}

export async function runSiteScenario(config = configFromEnv()) {
  await mkdir(config.artifactsDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: config.chromiumPath, headless: !config.headed, args: ARGS, timeout: config.stepTimeoutMs });
  const context = await browser.newContext({ viewport: PHONE, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  // axe is a script: only a context that bypasses the site's CSP lets it in
  const auditing = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  const auditPage = await auditing.newPage();
  for (const each of [page, auditPage]) each.setDefaultTimeout(config.stepTimeoutMs);
  // a refused form is answered 400 (the browser logs that as an error): only what the page itself fails to load counts
  const consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && consoleErrors.push(message.text()));
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) consoleErrors.push(`${response.status()} for ${response.url()}`);
  });
  const base = `${config.baseUrl}/klacht`;
  const step = async (name, fn) => {
    const started = Date.now();
    try {
      const result = await fn();
      log(`ok   ${name} (${Date.now() - started} ms)`);
      return result;
    } catch (error) {
      log(`FAIL ${name}`);
      await page.screenshot({ path: path.join(config.artifactsDir, `site-failure.png`), fullPage: true }).catch(() => undefined);
      for (const line of consoleErrors.slice(-5)) log(`     console: ${line}`);
      throw new Error(`site step "${name}" failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`, { cause: error });
    }
  };

  try {
    const staff = await step('a DIRECTOR and a unit under policy focus, through GraphQL', () => prepareStaff(config));

    await step('the form fits a 390 px screen, styled by its own stylesheet under the CSP', async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Klacht indienen' }).waitFor();
      await fitsTheScreen(page, 'the form');
      const green = await page.getByRole('button', { name: 'Klacht versturen' }).evaluate((button) => getComputedStyle(button).backgroundColor);
      if (green !== 'rgb(0, 112, 60)') throw new Error(`the stylesheet did not apply (button ${green})`);
    });

    await step('sent without a name: the Dutch message on the field, the other values and the file kept', async () => {
      await page.getByLabel('E-mailadres').fill('sita.e2e@example.org');
      await page.getByLabel('Wat is uw klacht?').fill('Mijn uitkering is twee maanden te laat overgemaakt.');
      await page.getByLabel('Over welke vestiging gaat uw klacht?').selectOption({ label: staff.unitName });
      await page.getByLabel('Bijlagen').setInputFiles({ name: 'bewijs.pdf', mimeType: 'application/pdf', buffer: PDF });
      await slowEnough(page);
      await page.getByRole('button', { name: 'Klacht versturen' }).click();
      await page.getByRole('alert').getByRole('link', { name: 'Vul uw naam in.' }).waitFor();
      const name = page.locator('#naam');
      if ((await name.getAttribute('aria-invalid')) !== 'true') throw new Error('the name field is not marked invalid');
      if (!(await name.getAttribute('aria-describedby'))?.includes('naam-fout')) throw new Error('the message is not tied to the name field');
      const message = (await page.locator('#naam-fout').textContent()).replace(/\s+/g, ' ').trim();
      if (message !== 'Fout: Vul uw naam in.') throw new Error(`the message beside the field reads "${message}"`);
      if ((await page.getByLabel('Wat is uw klacht?').inputValue()) !== 'Mijn uitkering is twee maanden te laat overgemaakt.')
        throw new Error('the description was lost');
      await page.getByText('bewijs.pdf').waitFor();
      await fitsTheScreen(page, 'the form with errors');
      await page.getByRole('link', { name: 'Vul uw naam in.' }).click();
      if ((await page.evaluate(() => document.activeElement?.id)) !== 'naam') throw new Error('the summary link does not take the user to the field');
    });

    const { reference, code, confirmationUrl } = await step('sent with the name: the confirmation shows the reference and the code', async () => {
      await page.locator('#naam').fill('Sita Klager');
      await slowEnough(page);
      await page.getByRole('button', { name: 'Klacht versturen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uw klacht is ontvangen' }).waitFor();
      if (!/\/klacht\/status\/[^/?]+\?nieuw=1$/.test(page.url())) throw new Error(`unexpected confirmation URL ${page.url()}`);
      const shown = { reference: (await page.locator('#kenmerk').innerText()).trim(), code: (await page.locator('#code').innerText()).trim() };
      if (!/^KL-\d{4}-\d{6}$/.test(shown.reference) || !/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(shown.code)) throw new Error(`read ${JSON.stringify(shown)}`);
      if (page.url().includes(shown.code)) throw new Error('the code is in the URL');
      await fitsTheScreen(page, 'the confirmation');
      await page.screenshot({ path: path.join(config.artifactsDir, 'site-confirmation.png'), fullPage: true });
      return { ...shown, confirmationUrl: page.url() };
    });
    log(`complaint ${reference} submitted through the site`);

    await step('the status lookup opens the complaint with reference and code', async () => {
      await page.getByRole('link', { name: 'Status van uw klacht bekijken' }).first().click();
      await page.getByLabel('Kenmerk').fill(reference);
      await page.getByLabel('Code').fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Status bekijken' }).click();
      await page.getByRole('heading', { level: 1, name: `Uw klacht ${reference}` }).waitFor();
      await page.getByText('Wij hebben uw klacht ontvangen.').waitFor();
    });
    const statusUrl = page.url();

    await step('axe: the form, the form with errors, the confirmation', async () => {
      await auditPage.goto(`${base}/`);
      await audit(auditPage, 'the form');
      await slowEnough(auditPage);
      await auditPage.getByRole('button', { name: 'Klacht versturen' }).click();
      await auditPage.getByRole('alert').waitFor();
      await audit(auditPage, 'the form with errors');
      await auditPage.goto(confirmationUrl);
      await audit(auditPage, 'the confirmation');
    });

    const answered = await step('staff answer it through GraphQL (assign, acknowledge, assess, respond)', () => answer(config, staff, reference));
    if (answered.status !== 'RESPONDED') throw new Error(`the complaint is ${answered.status}, not RESPONDED`);

    await step('axe: the status page with the objection and the survey forms', async () => {
      await auditPage.goto(statusUrl);
      await auditPage.getByRole('heading', { name: 'Bezwaar maken' }).waitFor();
      await audit(auditPage, 'the status page');
    });

    await step('the objection sent from the status page is confirmed', async () => {
      await page.reload();
      await page.getByText('Beantwoord.').waitFor();
      await page.getByLabel('Waarom bent u het niet eens met ons antwoord?').fill('Ik heb het geld pas in december ontvangen; dat is niet op tijd.');
      await page.getByRole('button', { name: 'Bezwaar versturen' }).click();
      await page.getByRole('status').getByText('Wij hebben uw bezwaar ontvangen.').waitFor();
      await page.getByText('Bezwaar.', { exact: true }).waitFor();
      await fitsTheScreen(page, 'the status page');
      const { complaint } = await graphql(
        config,
        'query ($reference: String) { complaint(reference: $reference) { status history { type data } } }',
        { reference },
        staff.token,
      );
      const filed = complaint.history.at(-1);
      if (complaint.status !== 'OBJECTED' || filed.type !== 'OBJECTION_FILED' || filed.data.by !== 'COMPLAINANT')
        throw new Error(`the complaint is ${complaint.status}, last event ${filed.type}`);
      await page.screenshot({ path: path.join(config.artifactsDir, 'site-objection.png'), fullPage: true });
    });

    if (consoleErrors.length) throw new Error(`the browser reported errors (a CSP violation?): ${consoleErrors.join(' | ')}`);
    const sizes = {
      form: await bytesOf(`${base}/`),
      stylesheet: await bytesOf(`${base}/site.css`),
      confirmation: await bytesOf(confirmationUrl),
      status: await bytesOf(statusUrl),
    };
    log(`page sizes in bytes (uncompressed): ${JSON.stringify(sizes)}`);
    return { reference, sizes };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await runSiteScenario();
    log('passed');
  } catch (error) {
    console.error(`[site e2e] FAILED: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
