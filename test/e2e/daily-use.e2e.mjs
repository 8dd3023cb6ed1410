// The panel for daily use (issue 16), in the browser: an EMPLOYEE's menu holds their own work only, their forward picker
// only colleagues who work on complaints, in a browser that speaks English while the panel speaks Dutch (dates typed as 03-12-2026 14:05, the e-mail check in the panel's words);
// the intake form refuses a complaint without a name on the field, in Dutch, without sending anything; a DIRECTOR
// switches the panel to English and back (the choice is theirs, kept by the API: it survives a reload and a new
// sign-in); and changes their password in the user menu, after which the session goes on with the new token.
import { createStaffAccount, graphql, login, logout, withBrowser } from './admin.e2e.mjs';
import { menuGroups } from './widgets.mjs';

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** The token the panel keeps in its session (providers/session.ts). */
// the function runs in the page (its `localStorage`), written as text as admin.e2e.mjs does
const sessionToken = (page) => page.evaluate("JSON.parse(localStorage.getItem('klachten.admin.session') ?? '{}').token");

/** The GraphQL requests the page sends that name `operation`, until `stop`. */
const recordRequests = (page, operation) => {
  const sent = [];
  const listener = (request) => {
    if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes(operation)) sent.push(request);
  };
  page.on('request', listener);
  return { sent, stop: () => page.off('request', listener) };
};

/** The helper text under an input (react-admin names it as the input's description). */
const helperOf = async (page, input) => page.locator(`[id="${await input.getAttribute('aria-describedby')}"]`);

/** Opens the user menu (its button is labelled by react-admin's `ra.auth.user_menu`). */
const openUserMenu = async (page, label) => {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('menu').waitFor({ state: 'visible' });
};

/**
 * An EMPLOYEE's own browser, set to American English: the menu offers their work (Klachten, Termijnen, Meldingen) and
 * none of the set-up (Sluitingsdagen, Klachtenregelingen, Medewerkers); the intake form types and shows its date in
 * Dutch on a 24-hour clock, and refuses a bad e-mail address on the field in Dutch, not with the browser's popup.
 */
export async function runEmployeeMenuScenario(config) {
  const employee = await createStaffAccount(config, { name: 'Esther Employee (e2e)', roles: ['EMPLOYEE'] });
  // whom a complaint may be forwarded to: a colleague who works on complaints, not an ANALYST (nor the ADMIN)
  await createStaffAccount(config, { name: 'Anna Analist (e2e)', roles: ['ANALYST'] });
  const colleague = await createStaffAccount(config, { name: 'Dennis Doorstuur (e2e)', roles: ['DIRECTOR'] });
  await withBrowser({ ...config, locale: 'en-US' }, async (session) => {
    const { page, step, screenshot } = session;
    await login({ ...session, config: { ...config, email: employee.email, password: employee.password } });
    await step("an EMPLOYEE's menu: their work, not the set-up", async () => {
      // they start on Mijn werk
      await page.waitForURL(/#\/$/);
      await page.getByRole('region', { name: 'Wat ik moet doen' }).waitFor({ state: 'visible' });
      await page.locator('[data-menu-group]').first().waitFor({ state: 'visible' });
      const groups = await menuGroups(page);
      const items = Object.values(groups).flat();
      if (JSON.stringify(Object.keys(groups)) !== JSON.stringify(['Werk'])) throw new Error(`the EMPLOYEE's menu has the groups ${JSON.stringify(groups)}`);
      for (const item of ['Mijn werk', 'Klachten', 'Termijnen', 'Meldingen'])
        if (!items.includes(item)) throw new Error(`the EMPLOYEE's menu lacks ${item}: ${items.join(', ')}`);
      const foreign = items.filter((item) =>
        ['Sluitingsdagen', 'Klachtenregelingen', 'Medewerkers', 'Eenheden', 'Categorieën', 'Externe partijen'].includes(item),
      );
      if (foreign.length) throw new Error(`the EMPLOYEE's menu offers ${foreign.join(', ')}`);
      await screenshot('daily-use-employee-menu');
    });
    await step('the forward picker offers colleagues who work on complaints (not the ADMIN, an ANALYST or oneself); the toast names both', async () => {
      const { login: signedIn } = await graphql(config, LOGIN, { email: employee.email, password: employee.password });
      const { registerComplaint } = await graphql(
        config,
        'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id reference } }',
        { input: { channel: 'PHONE', complainant: { name: 'Frits Forward', phone: '06 55554444', relation: 'CLIENT' }, description: 'Graag doorsturen.' } },
        signedIn.token,
      );
      await page.goto(`${config.baseUrl}/admin/#/Complaint/${registerComplaint.id}/show`);
      await page.getByRole('button', { name: 'Doorsturen', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: /^Doorsturen naar/ }).click();
      await page.getByRole('option', { name: colleague.name }).waitFor({ state: 'visible' });
      const offered = await page.getByRole('option').allInnerTexts();
      const wrong = offered.filter((name) => ['Beheerder', 'Anna Analist (e2e)', employee.name].includes(name.trim()));
      if (wrong.length) throw new Error(`the forward picker offers ${wrong.join(', ')}`);
      await page.getByRole('option', { name: colleague.name }).click();
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await page
        .locator('.MuiSnackbarContent-message', { hasText: `Klacht ${registerComplaint.reference} doorgestuurd aan ${colleague.name}` })
        .waitFor({ state: 'visible' });
      await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    });
    await step('the intake form in an English browser: the date in Dutch on a 24-hour clock, the e-mail checked in Dutch', async () => {
      await page.getByRole('link', { name: 'Klacht registreren' }).click();
      const email = page.locator('input[name="complainant.email"]');
      await email.waitFor({ state: 'visible' });
      const received = await page.locator('input[name="receivedAt"]').inputValue();
      if (!/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/.test(received)) throw new Error(`"Ontvangen op" shows ${received}`);
      if ((await email.getAttribute('type')) === 'email') throw new Error('the e-mail input leaves its check to the browser');
      await email.fill('geen-adres');
      await page.locator('input[name="complainant.name"]').fill('Emma Example');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await (await helperOf(page, email)).filter({ hasText: 'Geen geldig e-mailadres' }).waitFor({ state: 'visible' });
    });
    await logout(session);
  });
}

/**
 * As the DIRECTOR of the complaint workflow (signed in, on the complaint list): the intake form's name, the language
 * switch, and a new password. `director.password` is the new one afterwards, for the scenarios that follow.
 */
export async function runDailyUseScenario(session, { director }) {
  const { page, step, config, screenshot } = session;

  await step('the intake form refuses a complaint without a name on the field, in Dutch, and sends nothing', async () => {
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    await page.getByRole('link', { name: 'Klacht registreren' }).click();
    const name = page.locator('input[name="complainant.name"]');
    await name.waitFor({ state: 'visible' });
    const { sent, stop } = recordRequests(page, 'registerComplaint');
    await page.locator('input[name="complainant.phone"]').fill('06 11112222');
    await page.locator('textarea[name="description"]').fill('Niemand neemt de telefoon op.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // the message on the field is the form's refusal: react-admin validates before it sends anything
    await (await helperOf(page, name)).filter({ hasText: 'Verplicht' }).waitFor({ state: 'visible' });
    stop();
    if (sent.length) throw new Error(`the form sent registerComplaint ${sent.length} time(s) without a name`);
    if (!/#\/Complaint\/create/.test(page.url())) throw new Error(`the form left for ${page.url()}`);
    await screenshot('daily-use-intake-name-required');
  });

  await step('English in the user menu: the panel speaks it, after a reload too, and the API keeps the choice', async () => {
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    await openUserMenu(page, 'Profiel');
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Complaints', exact: true }).waitFor({ state: 'visible' });
    await page.locator('[data-menu-group]', { hasText: 'Work' }).waitFor({ state: 'visible' });
    if ((await page.locator('html').getAttribute('lang')) !== 'en') throw new Error('the page does not say it is in English');
    // back and forth without a reload: each choice holds, and the menu ticks the language spoken
    await openUserMenu(page, 'Profile');
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).waitFor({ state: 'visible' });
    if ((await page.locator('html').getAttribute('lang')) !== 'nl') throw new Error('the page does not say it is in Dutch');
    await openUserMenu(page, 'Profiel');
    await page.locator('[role="menuitem"][data-locale="nl"].Mui-selected').waitFor({ state: 'visible' });
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Complaints', exact: true }).waitFor({ state: 'visible' });
    await page.reload();
    await page.getByRole('menuitem', { name: 'Complaints', exact: true }).waitFor({ state: 'visible' });
    await page.getByRole('link', { name: 'Register complaint' }).waitFor({ state: 'visible' });
    await screenshot('daily-use-english');
    const { login: signedIn } = await graphql(config, LOGIN, { email: director.email, password: director.password });
    const { me } = await graphql(config, '{ me { language } }', {}, signedIn.token);
    if (me.language !== 'EN') throw new Error(`the API keeps ${me.language}`);
  });

  await step('a new sign-in (as on another device) speaks English: the choice follows the person', async () => {
    await logout(session);
    await login({ ...session, config: { ...config, email: director.email, password: director.password } });
    await page.getByRole('menuitem', { name: 'Complaints', exact: true }).waitFor({ state: 'visible' });
    // the English date format, on a 24-hour clock
    await page.getByRole('menuitem', { name: 'Complaints', exact: true }).click();
    await page.getByRole('link', { name: 'Register complaint' }).click();
    const received = await page.locator('input[name="receivedAt"]').inputValue();
    if (!/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(received)) throw new Error(`"Received at" shows ${received}`);
  });

  await step('and back to Nederlands', async () => {
    await openUserMenu(page, 'Profile');
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).waitFor({ state: 'visible' });
    await page.reload();
    await page.locator('[data-menu-group]', { hasText: 'Werk' }).waitFor({ state: 'visible' });
    await page.getByRole('menuitem', { name: 'Klachten', exact: true }).click();
    await page.locator('table tbody tr').first().waitFor({ state: 'visible' });
  });

  await step('"Wachtwoord wijzigen": a wrong current password is told on its field; then the new one, and the session goes on', async () => {
    const before = await sessionToken(page);
    await openUserMenu(page, 'Profiel');
    await page.getByRole('menuitem', { name: 'Wachtwoord wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wachtwoord wijzigen' });
    await dialog.waitFor({ state: 'visible' });
    const password = `${director.password}-nieuw`;
    const current = dialog.locator('input[name="currentPassword"]');
    await current.fill('niet mijn wachtwoord');
    await dialog.locator('input[name="newPassword"]').fill(password);
    await dialog.locator('input[name="newPasswordAgain"]').fill(password);
    await dialog.getByRole('button', { name: 'Wijzigen' }).click();
    await (await helperOf(page, current)).filter({ hasText: 'Dit is niet uw huidige wachtwoord' }).waitFor({ state: 'visible' });
    await current.fill(director.password);
    await screenshot('daily-use-password-dialog');
    await dialog.getByRole('button', { name: 'Wijzigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.MuiSnackbarContent-message', { hasText: 'Uw wachtwoord is gewijzigd' }).waitFor({ state: 'visible' });
    const after = await sessionToken(page);
    if (!after || after === before) throw new Error('the session kept its old token');
    const refused = await graphql(config, '{ me { id } }', {}, before).then(
      () => 'accepted',
      (error) => error.message,
    );
    if (!refused.startsWith('UNAUTHENTICATED')) throw new Error(`the old token: ${refused}`);
    // the session goes on: the list loads with the new token, without signing in again
    await page.reload();
    await page.locator('table tbody tr').first().waitFor({ state: 'visible' });
    if (await page.locator('input[name=username]').count()) throw new Error('the panel asked to sign in again');
    director.password = password;
    await graphql(config, LOGIN, { email: director.email, password });
  });
}
