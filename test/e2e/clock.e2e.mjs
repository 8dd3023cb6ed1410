// The clock in the browser (DOMAIN.md, "Pausing and extending"): a complaint received a week ago is put on
// hold through "Informatie opvragen" as asked five days ago, resumed through "Hervatten", and its answer
// deadline shows the moved date with the explanation of the pause beside it.
import { DateTime } from 'luxon';
import { createStaffAccount, graphql } from './admin.e2e.mjs';
import { ZONE, typeMoment } from './widgets.mjs';

/**
 * react-admin's "Vernieuwen" (refetch what the page shows). Its app bar slides out of view once the page is scrolled
 * down more than 100 px (HideOnScroll: `visibility: hidden`, so its buttons leave the accessibility tree and no role
 * selector finds them) — as after clicking "Brief schrijven" far down a long complaint page. So scroll back up first
 * and click the app bar's own button; should it still not be there in time, reload the page.
 */
async function refreshData(page) {
  await page.evaluate('window.scrollTo(0, 0)'); // runs in the page
  await page
    .getByRole('banner')
    .getByRole('button', { name: 'Vernieuwen', exact: true })
    .click({ timeout: 3_000 })
    .catch(() => page.reload());
}

/** The RESPOND row's due date as the page shows it (the text of its second cell). */
async function respondDue(page) {
  const cell = page.getByRole('table', { name: 'Termijnen' }).locator('tr[data-kind="RESPOND"] td').nth(1);
  return (await cell.innerText()).replace('?', '').trim();
}

export async function runClockScenario(session, director) {
  const { page, step, config, screenshot } = session;
  const now = DateTime.now().setZone(ZONE);

  const complaint = await step('a complaint received a week ago, with the director as its handler (through GraphQL)', async () => {
    const { login } = await graphql(config, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
      email: director.email,
      password: director.password,
    });
    const { me } = await graphql(config, '{ me { id } }', {}, login.token);
    const { registerComplaint } = await graphql(
      config,
      'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id version reference } }',
      {
        input: {
          channel: 'PHONE',
          receivedAt: now.minus({ days: 7 }).toISO(),
          complainant: { name: 'Willem Wachter', phone: '06 87654321', relation: 'CLIENT' },
          description: 'Mijn re-integratieplan is nog steeds niet besproken.',
        },
      },
      login.token,
    );
    await graphql(
      config,
      'mutation ($id: ID!, $version: Int!, $handlerId: ID!) { assignHandler(id: $id, version: $version, handlerId: $handlerId) { id } }',
      { id: registerComplaint.id, version: registerComplaint.version, handlerId: me.id },
      login.token,
    );
    return { ...registerComplaint, directorId: me.id };
  });

  const before = await step('open it: the answer deadline and its explanation', async () => {
    await page.goto(`${config.baseUrl}/admin/#/Complaint/${complaint.id}/show`);
    await page.locator('h1', { hasText: complaint.reference }).waitFor({ state: 'visible' });
    await page.getByRole('table', { name: 'Termijnen' }).locator('tr[data-kind="RESPOND"]').waitFor({ state: 'visible' });
    return respondDue(page);
  });

  await step('ask the complainant for information, as asked five days ago: the clock stands still', async () => {
    await page.getByRole('button', { name: 'Informatie opvragen', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Wat wordt gevraagd').fill('Stuur het verslag van het gesprek met de arbeidsdeskundige.');
    await typeMoment(page, dialog, 'Gevraagd op', now.minus({ days: 5 }));
    await screenshot('clock-request-dialog');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-clock="paused"]').waitFor({ state: 'visible' });
    await page.getByRole('table', { name: 'Termijnen' }).locator('tr[data-kind="RESPOND"][data-status="PAUSED"]').waitFor({ state: 'visible' });
  });

  await step('record the answer ("Hervatten"): the clock runs again', async () => {
    await page.getByRole('button', { name: 'Hervatten', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Het antwoord (samenvatting)').fill('Verslag per e-mail ontvangen.');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-clock="paused"]').waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Termijnen' }).locator('tr[data-kind="RESPOND"][data-status="PENDING"]').waitFor({ state: 'visible' });
  });

  await step('the answer deadline moved, and says why', async () => {
    const after = await respondDue(page);
    if (after === before) throw new Error(`the answer deadline did not move: still ${after}`);
    await page.getByRole('button', { name: /^Waarom antwoord op .*\?$/ }).click();
    const explanation = page.getByRole('list', { name: 'Uitleg antwoord' });
    await explanation.getByText(/^Stilgestaan van .* \(wachten op de klager\): \d+ dagen?, verschoven van .* naar .*/).waitFor({ state: 'visible' });
    await screenshot('clock-moved-date-explained');
  });
  return { directorId: complaint.directorId };
}

/** A colleague assigns a complaint to the director: the bell in the app bar counts it, and the list links to it. */
export async function runBellScenario(session, directorId) {
  const { page, step, config, screenshot } = session;
  const reference = await step('another director assigns a complaint to this one (through GraphQL)', async () => {
    const colleague = await createStaffAccount(config, { name: 'Cora Collega (e2e)', roles: ['DIRECTOR'] });
    const { login } = await graphql(config, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
      email: colleague.email,
      password: colleague.password,
    });
    const { registerComplaint } = await graphql(
      config,
      'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id version reference } }',
      { input: { channel: 'EMAIL', complainant: { name: 'Bea Bel', email: 'bea@example.org', relation: 'CLIENT' }, description: 'Niemand belt terug.' } },
      login.token,
    );
    await graphql(
      config,
      'mutation ($id: ID!, $version: Int!, $handlerId: ID!) { assignHandler(id: $id, version: $version, handlerId: $handlerId) { id } }',
      { id: registerComplaint.id, version: registerComplaint.version, handlerId: directorId },
      login.token,
    );
    return registerComplaint.reference;
  });

  await step('the bell counts it', async () => {
    await page.reload();
    await page.getByRole('button', { name: /^Meldingen: \d+ ongelezen$/ }).waitFor({ state: 'visible' });
    await screenshot('bell-unread');
  });

  await step('the bell opens the list, which links to the complaint', async () => {
    await page.getByRole('button', { name: /^Meldingen: \d+ ongelezen$/ }).click();
    await page.waitForURL(/#\/meldingen$/);
    const item = page.getByRole('list', { name: 'Meldingen' }).locator('li[data-kind="ASSIGNED"]', { hasText: reference });
    await item
      .and(page.locator('[data-read="false"]'))
      .getByText(/is aan u toegewezen door Cora Collega \(e2e\)\./)
      .waitFor({ state: 'visible' });
    await screenshot('notifications-list');
    await page.getByRole('button', { name: 'Alles gelezen' }).click();
    // read: the bell counts none
    await item.and(page.locator('[data-read="true"]')).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Meldingen', exact: true }).waitFor({ state: 'visible' });
    await item.getByRole('link', { name: reference }).click();
    await page.locator('h1', { hasText: reference }).waitFor({ state: 'visible' });
  });

  await step('write the acknowledgement from the complaint page: the preview fills it in', async () => {
    await page.getByRole('button', { name: 'Brief schrijven', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Eigen tekst in de brief').fill('U hoort binnen twee werkdagen van ons.');
    const preview = dialog.getByRole('region', { name: 'Voorbeeld van de brief' });
    await preview.getByText(`Ontvangstbevestiging van uw klacht ${reference}`).waitFor({ state: 'visible' });
    await preview.getByText(/Beste Bea Bel,/).waitFor({ state: 'visible' });
    await preview.getByText(/U hoort binnen twee werkdagen van ons\./).waitFor({ state: 'visible' });
    await screenshot('letter-compose');
    await dialog.getByRole('button', { name: 'Versturen' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  await step('it is listed as sent (through the mail server), with its PDF', async () => {
    const row = page.getByRole('table', { name: 'Brieven' }).locator('tr[data-letter="ACKNOWLEDGEMENT"]');
    await row.waitFor({ state: 'visible' });
    for (let attempt = 0; attempt < 40 && (await row.getAttribute('data-status')) !== 'SENT'; attempt++) {
      await page.waitForTimeout(500);
      await refreshData(page);
    }
    if ((await row.getAttribute('data-status')) !== 'SENT') throw new Error(`the letter is ${await row.getAttribute('data-status')}, not SENT`);
    await row.getByText('Verzonden').waitFor({ state: 'visible' });
    // the acknowledgement met ACKNOWLEDGE
    await page.getByRole('table', { name: 'Termijnen' }).locator('tr[data-kind="ACKNOWLEDGE"][data-status="MET"]').waitFor({ state: 'visible' });
    const [popup] = await Promise.all([page.waitForEvent('popup'), row.getByRole('button', { name: 'PDF' }).click()]);
    if (!popup.url().startsWith('blob:')) throw new Error(`the PDF opened as ${popup.url()}`);
    await popup.close();
    await screenshot('letter-sent');
  });
}
