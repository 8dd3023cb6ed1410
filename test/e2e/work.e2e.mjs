// Mijn werk, the queue and the search in the browser (issue 16): a HANDLER starts on Mijn werk with their overdue step
// first, marked late, and one click opens its form on the complaint page; they pick up a complaint from their unit's
// queue; the search in the app bar ("/") goes straight to a reference, and finds a complaint by a word of its text.
import { DateTime } from 'luxon';
import { createStaffAccount, graphql, login, logout } from './admin.e2e.mjs';
import { ZONE } from './widgets.mjs';

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const REGISTER = 'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id version reference } }';

export async function runWorkScenario(session, director) {
  const { page, step, config, screenshot } = session;
  const now = DateTime.now().setZone(ZONE);

  const { overdue, waiting, handler } = await step(
    'a handler in a unit whose policy lets handlers pick up; one complaint of theirs overdue, one waiting (through GraphQL)',
    async () => {
      const { login: admin } = await graphql(config, LOGIN, { email: config.email, password: config.password });
      const { login: boss } = await graphql(config, LOGIN, director);
      const { me } = await graphql(config, '{ me { id } }', {}, boss.token);
      const { createUnit } = await graphql(
        config,
        'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
        { input: { code: `W${Date.now() % 100000}`, name: 'Regio Werk (e2e)', directorId: me.id } },
        admin.token,
      );
      const { policyList } = await graphql(config, '{ policyList(perPage: 50) { items { id version isDefault } } }', {}, admin.token);
      const policy = policyList.items.find((item) => item.isDefault);
      await graphql(
        config,
        'mutation ($id: ID!, $version: Int!) { updatePolicy(id: $id, version: $version, input: { selfAssignment: true }) { id } }',
        policy,
        admin.token,
      );
      const account = await createStaffAccount(config, { name: 'Hanna Handler (e2e)', roles: ['HANDLER'] });
      const { staffList } = await graphql(
        config,
        'query ($q: String) { staffList(filter: { q: $q }) { items { id version } } }',
        { q: account.email },
        admin.token,
      );
      const [member] = staffList.items;
      await graphql(
        config,
        'mutation ($id: ID!, $version: Int!, $input: UpdateStaffInput!) { updateStaff(id: $id, version: $version, input: $input) { id } }',
        { ...member, input: { unitId: createUnit.id } },
        admin.token,
      );
      const register = async (description, receivedAt) =>
        (
          await graphql(
            config,
            REGISTER,
            {
              input: {
                channel: 'PHONE',
                receivedAt,
                unitId: createUnit.id,
                complainant: { name: 'Wil Werk', phone: '06 11223344', relation: 'CLIENT' },
                description,
              },
            },
            boss.token,
          )
        ).registerComplaint;
      const late = await register('Mijn uitkering is opnieuw te laat; niemand belt terug.', now.minus({ days: 16 }).toISO());
      await graphql(
        config,
        'mutation ($id: ID!, $version: Int!, $handlerId: ID!) { assignHandler(id: $id, version: $version, handlerId: $handlerId) { id } }',
        { id: late.id, version: late.version, handlerId: member.id },
        boss.token,
      );
      const queued = await register('De reiskostenvergoeding voor het sollicitatiegesprek bleef uit.', now.toISO());
      return { overdue: late, waiting: queued, handler: account };
    },
  );

  await logout(session);
  await login({ ...session, config: { ...config, email: handler.email, password: handler.password } });

  await step('Mijn werk is the start page: the overdue step first, marked late, with its step', async () => {
    const mine = page.getByRole('region', { name: 'Wat ik moet doen' });
    const first = mine.locator('li').first();
    await first.waitFor({ state: 'visible' });
    if ((await first.getAttribute('data-late')) !== 'true') throw new Error(`the first item is not late: ${await first.innerText()}`);
    const text = await first.innerText();
    if (!text.includes(overdue.reference) || !/te laat/.test(text) || !text.includes('Ontvangst')) throw new Error(`the first item says "${text}"`);
    await screenshot('mijn-werk');
  });

  await step("one click opens the step's form on the complaint page", async () => {
    await page.getByRole('region', { name: 'Wat ik moet doen' }).locator('li').first().getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await page.locator('h1', { hasText: overdue.reference }).waitFor({ state: 'visible' });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Ontvangst bevestigen').first().waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  await step("pick up the complaint waiting in the unit's queue", async () => {
    await page.getByRole('menuitem', { name: 'Mijn werk' }).click();
    const queue = page.getByRole('region', { name: 'Wachtrij' });
    const row = queue.locator(`li[data-reference="${waiting.reference}"]`);
    await row.waitFor({ state: 'visible' });
    await row.getByRole('button', { name: 'Oppakken' }).click();
    await page.locator('.MuiSnackbarContent-message', { hasText: `${waiting.reference} opgepakt` }).waitFor({ state: 'visible' });
    await row.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Wat ik moet doen' }).locator('li', { hasText: waiting.reference }).first().waitFor({ state: 'visible' });
  });

  await step('the search in the app bar ("/") goes straight to a reference', async () => {
    await page.locator('body').press('/');
    const search = page.getByRole('combobox', { name: /Klachten zoeken/ });
    await search.fill(overdue.reference);
    await search.press('Enter');
    await page.locator('h1', { hasText: overdue.reference }).waitFor({ state: 'visible' });
  });

  await step('and finds a complaint by a word of its text, the word marked', async () => {
    const search = page.getByRole('combobox', { name: /Klachten zoeken/ });
    await search.click();
    await search.fill('reiskosten');
    const option = page.getByRole('option', { name: new RegExp(waiting.reference) });
    await option.waitFor({ state: 'visible' });
    if (!(await option.locator('mark').count())) throw new Error('the word found is not marked');
    await screenshot('search');
    await option.click();
    await page.locator('h1', { hasText: waiting.reference }).waitFor({ state: 'visible' });
  });

  await logout(session);
}
