// The complainant's status code in the browser, on the phone complaint (which has none): "Nieuwe statuscode" asks
// first; a code issued meanwhile by someone else makes it refuse with the lock's message (STALE_VERSION) and show the
// complaint as it is now; then it shows the new code once, with a copy button, and closing refreshes the page (the
// issue date, the history). The code read from the dialog opens the anonymous status page (complaintStatus), the one
// before it no longer does, and the complaint's history has the STATUS_CODE_ISSUED events.
import { graphql } from './admin.e2e.mjs';

const CODE = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;

const STATUS = 'query ($reference: String!, $code: String!) { complaintStatus(reference: $reference, code: $code) { reference stage } }';

export async function runStatusCodeScenario(session, { reference, director }) {
  const { page, step, config, screenshot } = session;
  const issuedLine = page.locator('[data-status-code]');
  const { login } = await graphql(config, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
    email: director.email,
    password: director.password,
  });
  const complaint = async () =>
    (
      await graphql(
        config,
        'query ($reference: String) { complaint(reference: $reference) { id version statusCodeIssuedAt history { type actor { name } } } }',
        { reference },
        login.token,
      )
    ).complaint;

  await step('open the phone complaint: no status code yet', async () => {
    await page.locator('table tbody tr', { hasText: reference }).click();
    await page.locator('h1', { hasText: reference }).waitFor({ state: 'visible' });
    await issuedLine.filter({ hasText: 'Nog geen statuscode uitgegeven' }).waitFor({ state: 'visible' });
  });

  const earlier = await step('a code issued meanwhile elsewhere: the dialog refuses with the lock message and the page catches up', async () => {
    await page.getByRole('button', { name: 'Nieuwe statuscode', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByText('De oude code werkt daarna niet meer').waitFor({ state: 'visible' });
    await screenshot('status-code-confirm');
    const { id, version } = await complaint();
    const { issueStatusCode } = await graphql(
      config,
      'mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code } }',
      { id, version },
      login.token,
    );
    await dialog.getByRole('button', { name: 'Nieuwe code uitgeven' }).click();
    await page.locator('.MuiSnackbarContent-message', { hasText: 'intussen gewijzigd' }).waitFor({ state: 'visible' });
    await dialog.waitFor({ state: 'detached' });
    await issuedLine.filter({ hasText: /^Statuscode uitgegeven op / }).waitFor({ state: 'visible' });
    return issueStatusCode.code;
  });

  const code = await step('issue a new status code: confirm, then the code is shown once', async () => {
    await page.getByRole('button', { name: 'Nieuwe statuscode', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Nieuwe code uitgeven' }).click();
    const shown = dialog.getByRole('status', { name: 'Statuscode' });
    await shown.waitFor({ state: 'visible' });
    const text = (await shown.innerText()).trim();
    if (!CODE.test(text)) throw new Error(`the dialog shows "${text}", not a code`);
    if (text === earlier) throw new Error('the dialog shows the code issued before');
    await dialog.getByText('niet meer op te vragen').waitFor({ state: 'visible' });
    await dialog.getByText(/volgende ontvangstbevestiging/).waitFor({ state: 'visible' });
    // the copy button puts it on the clipboard
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: config.baseUrl });
    await dialog.getByRole('button', { name: 'Kopiëren' }).click();
    await dialog.getByRole('button', { name: 'Gekopieerd' }).waitFor({ state: 'visible' });
    const copied = await page.evaluate('navigator.clipboard.readText()');
    if (copied !== text) throw new Error(`the clipboard holds "${copied}", not the code`);
    await screenshot('status-code-issued');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await dialog.waitFor({ state: 'detached' });
    return text;
  });

  await step('closing refreshed the page: the issue date and the history', async () => {
    const { statusCodeIssuedAt } = await complaint();
    // the moment as the page writes its dates (formatDateTime), in the browser's own Intl
    const shown = await page.evaluate(
      (at) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(at)),
      statusCodeIssuedAt,
    );
    await issuedLine.filter({ hasText: `Statuscode uitgegeven op ${shown}` }).waitFor({ state: 'visible' });
    const history = page
      .getByRole('region', { name: 'Geschiedenis' })
      .locator('li[data-type="STATUS_CODE_ISSUED"]', { hasText: 'Nieuwe statuscode uitgegeven' });
    await history.nth(1).filter({ hasText: director.name }).waitFor({ state: 'visible' });
    if (await page.getByRole('dialog').count()) throw new Error('a dialog is still open');
  });

  await step('the code opens the status page (anonymous), the one before no longer; the history has STATUS_CODE_ISSUED', async () => {
    const { complaintStatus } = await graphql(config, STATUS, { reference, code });
    if (complaintStatus.reference !== reference) throw new Error(`the code opened ${complaintStatus.reference}`);
    const refused = await graphql(config, STATUS, { reference, code: earlier }).then(
      () => 'opened',
      (error) => error.message,
    );
    if (!refused.startsWith('NOT_FOUND')) throw new Error(`the code issued before: ${refused}`);
    const issued = (await complaint()).history.filter((event) => event.type === 'STATUS_CODE_ISSUED');
    if (issued.length !== 2 || issued.some((event) => event.actor?.name !== director.name)) throw new Error(`the history has ${JSON.stringify(issued)}`);
  });

  await step('back to the complaint list', async () => {
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    await page.locator('table tbody tr', { hasText: reference }).waitFor({ state: 'visible' });
  });
  return { code };
}

const SURVEY = `mutation ($reference: String!, $code: String!, $input: SurveyAnswerInput!) {
  answerSatisfactionSurvey(reference: $reference, code: $code, input: $input) { survey { reopenRequested } }
}`;
const SURVEY_STATUS = `query ($reference: String!, $code: String!) {
  complaintStatus(reference: $reference, code: $code) { survey { handling outcome reopenDecision reopenDeclinedReason } }
}`;

/**
 * The satisfaction survey on the answered complaint (the complaint page is open): the complainant, not satisfied,
 * asks online to reopen it; the page shows the request above it and the scores in words; declining it with a
 * reason ("Heropening afwijzen") ends the request, and the complainant reads the reason on their status page.
 */
export async function runReopenScenario(session, { reference, code, takeStep }) {
  const { page, step, config, screenshot } = session;
  const banner = page.locator('[data-reopen="requested"]');
  const survey = page.getByRole('region', { name: 'Tevredenheid (enquête)' });

  await step('the complainant, not satisfied, asks to reopen it online: the banner and the scores', async () => {
    await graphql(config, SURVEY, { reference, code, input: { handling: 2, outcome: 1, comment: 'Ik wil dat er opnieuw naar gekeken wordt.', reopen: true } });
    await page.reload();
    await banner.filter({ hasText: 'Ik wil dat er opnieuw naar gekeken wordt.' }).waitFor({ state: 'visible' });
    await survey.getByText('2 van 5 — ontevreden').waitFor({ state: 'visible' });
    await survey.getByText('1 van 5 — zeer ontevreden').waitFor({ state: 'visible' });
    await survey.getByText('Gevraagd, nog niet beslist').waitFor({ state: 'visible' });
    await screenshot('reopen-requested');
  });

  await step('decline it with a reason: the request ends, and the complainant reads the reason', async () => {
    const reason = 'De schikking is met u afgesproken en uitgevoerd; een nieuwe behandeling voegt niets toe.';
    await takeStep(page, 'Heropening afwijzen', async (dialog) => {
      await dialog.getByLabel('Reden voor de klager').fill(reason);
    });
    await banner.waitFor({ state: 'detached' });
    await survey.getByText(/^Afgewezen op /).waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Geschiedenis' }).locator('li[data-type="SATISFACTION_RECORDED"]', { hasText: 'de klager, online' }).waitFor({
      state: 'visible',
    });
    const { complaintStatus } = await graphql(config, SURVEY_STATUS, { reference, code });
    if (complaintStatus.survey?.reopenDecision !== 'DECLINED' || complaintStatus.survey.reopenDeclinedReason !== reason)
      throw new Error(`the status page says ${JSON.stringify(complaintStatus.survey)}`);
  });
}
