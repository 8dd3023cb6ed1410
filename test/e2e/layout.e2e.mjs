// The panel's layout in the browser (issue 16, "the panel for daily use"): on the complaint page the next step of the
// procedure is the one primary button and the steps that cannot be undone stand apart, in the error colour, each
// confirmed in its dialog; at 1280 × 720 no complaint reference breaks over two lines; on a phone (390 × 844) the
// complaint list and Termijnen show cards instead of their wide tables, and neither they nor the complaint page
// scroll sideways (a table scrolls in its own box, a long e-mail address wraps, a dialog takes the whole screen).
/* global document, window, localStorage, NodeFilter, getComputedStyle -- in the functions the browser runs (page.evaluate) */
import { login, logout } from './admin.e2e.mjs';
import { seedCaseload } from './layout-data.mjs';

const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

/** How wide the page is against the window: the page scrolls sideways when scrollWidth > innerWidth. */
const pageWidth = (page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

async function expectNoSidewaysScrolling(page, what) {
  const { scrollWidth, innerWidth } = await pageWidth(page);
  if (scrollWidth > innerWidth) throw new Error(`${what} is ${scrollWidth} px wide in a window of ${innerWidth} px`);
  return scrollWidth;
}

/**
 * Every complaint reference (KL-2026-000032) the page shows, with the number of lines it takes: each one's text is
 * measured with a Range, whose rectangles are one per line box.
 */
const referenceLines = (page) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/KL-\d{4}-\d{6}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        if (rects.length) found.push({ reference: match[0], lines: new Set(rects.map((rect) => Math.round(rect.top))).size });
      }
    }
    return found;
  });

async function expectReferencesOnOneLine(page, what) {
  const references = await referenceLines(page);
  if (references.length === 0) throw new Error(`${what} shows no reference`);
  const broken = references.filter((reference) => reference.lines > 1);
  if (broken.length) throw new Error(`${what}: ${broken.map((reference) => `${reference.reference} over ${reference.lines} lines`).join(', ')}`);
}

/**
 * Another window size. The sidebar's state is kept in the browser (react-admin's store): open, as on the desktop, it
 * would cover a phone's page as a drawer, where a phone's own visit starts with it closed; so it is set as the size
 * would start it, and the page reloaded.
 */
async function resize(page, size, { sidebarOpen }) {
  await page.setViewportSize(size);
  await page.evaluate((open) => {
    for (const key of Object.keys(localStorage)) if (key.endsWith('.sidebar.open')) localStorage.setItem(key, JSON.stringify(open));
  }, sidebarOpen);
  await page.reload();
}

/** The complaint list searched for a reference. */
const search = (reference) => `Complaint?filter=${encodeURIComponent(JSON.stringify({ q: reference }))}`;

/** Opens a page of the panel by its route and waits until `ready` (a locator) is visible. */
async function open(page, config, route, ready) {
  await page.goto(`${config.baseUrl}/admin/#/${route}`);
  await ready.first().waitFor({ state: 'visible' });
}

export async function runLayoutScenario(session, director) {
  const { page, step, config, screenshot } = session;
  const caseload = await step('a caseload through GraphQL: new, overdue, in handling, answered, referred, a hearing ahead', () =>
    seedCaseload(config, director),
  );
  // the first is new and untouched, from a complainant with a long e-mail address
  const fresh = caseload.complaints[0];
  const hearing = caseload.complaints.find((complaint) => complaint.upTo === 'hearing');
  // as the director whose caseload it is, whoever was signed in before
  if (page.url().startsWith(config.baseUrl)) await logout(session);
  await login({ ...session, config: { ...config, email: director.email, password: director.password } });
  const widths = {};
  try {
    await page.setViewportSize(DESKTOP);
    const steps = page.getByRole('group', { name: 'Stappen', exact: true });
    const destructive = page.getByRole('group', { name: 'Onomkeerbare stappen', exact: true });

    await step('the complaint page: the next step (Doorsturen) is the one primary button; Intrekken stands apart, in the error colour', async () => {
      await open(page, config, `Complaint/${fresh.id}/show`, page.locator('h1', { hasText: fresh.reference }));
      const primary = steps.locator('.MuiButton-contained');
      await primary.first().waitFor({ state: 'visible' });
      const contained = await primary.evaluateAll((buttons) => buttons.map((button) => button.dataset.action));
      if (JSON.stringify(contained) !== '["FORWARD"]') throw new Error(`the contained buttons are ${JSON.stringify(contained)}, not only FORWARD`);
      const ordinary = await steps.locator(':scope > button').evaluateAll((buttons) => buttons.map((button) => button.dataset.action));
      if (ordinary[0] !== 'FORWARD' || ordinary.includes('WITHDRAW') || ordinary.length < 3) throw new Error(`the ordinary steps: ${ordinary.join(', ')}`);
      const withdraw = destructive.getByRole('button', { name: 'Intrekken', exact: true });
      await withdraw.waitFor({ state: 'visible' });
      if (!(await withdraw.getAttribute('class')).includes('MuiButton-colorError')) throw new Error('Intrekken is not in the error colour');
      if ((await withdraw.getAttribute('class')).includes('MuiButton-contained')) throw new Error('Intrekken is a contained button');
      // apart: not beside the primary button, but after every ordinary step
      const [first, last, apart] = await Promise.all([
        primary.first().boundingBox(),
        steps.locator(':scope > button').last().boundingBox(),
        withdraw.boundingBox(),
      ]);
      if (apart.y < last.y || (apart.y === last.y && apart.x < last.x + last.width)) throw new Error('Intrekken is not after the ordinary steps');
      if (Math.abs(apart.y - first.y) < 1 && apart.x - (first.x + first.width) < 100) throw new Error('Intrekken sits beside the next step');
      await screenshot('layout-steps');
    });

    await step('Intrekken asks to confirm: what cannot be undone, the confirm button in the error colour; cancelling changes nothing', async () => {
      await destructive.getByRole('button', { name: 'Intrekken', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Dit kan niet ongedaan worden gemaakt').waitFor({ state: 'visible' });
      const confirm = dialog.getByRole('button', { name: 'Ja, intrekken' });
      if (!(await confirm.getAttribute('class')).includes('MuiButton-colorError')) throw new Error('the confirm button is not in the error colour');
      if (await dialog.getByRole('button', { name: 'Opslaan' }).count()) throw new Error('the dialog offers a plain "Opslaan"');
      await screenshot('layout-withdraw-confirm');
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.MuiChip-root[data-status="RECEIVED"]').first().waitFor({ state: 'visible' });
    });

    await step(
      'at 1280 × 720 no reference breaks over two lines: Klachten, Termijnen, Hoorzittingen, Doorverwijzingen, Privacyverzoeken, a complaint page',
      async () => {
        await open(page, config, 'Complaint', page.locator('table tbody tr', { hasText: /KL-\d{4}-\d{6}/ }));
        await page.getByRole('columnheader', { name: 'Onderwerp' }).waitFor({ state: 'visible' });
        await page.getByRole('columnheader', { name: 'Categorie' }).waitFor({ state: 'visible' });
        await expectReferencesOnOneLine(page, 'Klachten');
        widths.list1280 = await expectNoSidewaysScrolling(page, 'Klachten');
        await screenshot('layout-list-1280');
        await open(page, config, search(fresh.reference), page.locator('table tbody tr', { hasText: fresh.reference }));
        await page
          .locator('table tbody tr', { hasText: fresh.reference })
          .filter({ hasText: 'Bereikbaarheid' })
          .filter({ hasText: 'Ik probeer al drie weken' })
          .waitFor();
        for (const [route, what] of [
          ['Deadline', 'Termijnen'],
          ['Hearing', 'Hoorzittingen'],
          ['Referral', 'Doorverwijzingen'],
          ['PrivacyRequest', 'Privacyverzoeken'],
        ]) {
          await open(page, config, route, page.locator('table tbody tr', { hasText: /KL-\d{4}-\d{6}/ }));
          await expectReferencesOnOneLine(page, what);
        }
        await open(page, config, `Complaint/${hearing.id}/show`, page.getByRole('region', { name: 'Hoorzittingen' }));
        await expectReferencesOnOneLine(page, `the complaint page of ${hearing.reference}`);
      },
    );

    await step('at 1280 × 720 the generic lists fit beside the menu: Medewerkers, Eenheden, Klachtenregelingen (six columns, the rest to choose)', async () => {
      for (const [route, what] of [
        ['Staff', 'Medewerkers'],
        ['Unit', 'Eenheden'],
        ['Policy', 'Klachtenregelingen'],
      ]) {
        await open(page, config, route, page.locator('table tbody tr'));
        widths[`${route}1280`] = await expectNoSidewaysScrolling(page, what);
      }
      await page.getByRole('button', { name: 'Kolommen' }).waitFor({ state: 'visible' });
    });

    await step('an empty window of Termijnen says so plainly, naming the filters when there are some, with no filters to clear', async () => {
      const filtered = encodeURIComponent(JSON.stringify({ due: 'OVERDUE', kind: 'EXTENSION_NOTICE' }));
      await open(page, config, `Deadline?filter=${filtered}`, page.locator('[data-empty="deadlines"]'));
      const text = await page.locator('[data-empty="deadlines"]').innerText();
      if (text !== 'Niets te laat. Dat is met de gekozen filters.') throw new Error(`the empty window says "${text}"`);
      if (await page.getByRole('button', { name: /filters wissen/i }).count()) throw new Error('an empty window offers to clear filters');
      // the list keeps its filters for the next visit: back to the overdue deadlines of every kind
      await open(page, config, `Deadline?filter=${encodeURIComponent(JSON.stringify({ due: 'OVERDUE' }))}`, page.locator('table tbody tr'));
    });

    await resize(page, PHONE, { sidebarOpen: false });

    await step(
      'the complaint list at 390 × 844: cards with reference, status, complainant, subject and deadline; no table; no sideways scrolling',
      async () => {
        await open(page, config, 'Complaint', page.locator('[data-layout="cards"] li', { hasText: /KL-\d{4}-\d{6}/ }));
        if (await page.locator('main table').count()) throw new Error('the phone shows a table');
        widths.list390 = await expectNoSidewaysScrolling(page, 'Klachten on a phone');
        await screenshot('layout-list-390');
        await open(page, config, search(fresh.reference), page.locator('[data-layout="cards"]'));
        const card = page.locator('[data-layout="cards"] li', { hasText: fresh.reference });
        await card.waitFor({ state: 'visible' });
        for (const part of [fresh.name, 'Bereikbaarheid', 'Ik probeer al drie weken']) await card.getByText(part).first().waitFor({ state: 'visible' });
        await card.locator('.MuiChip-root[data-status="RECEIVED"]').waitFor({ state: 'visible' });
        await card.locator('.MuiChip-root[data-due]').waitFor({ state: 'visible' });
      },
    );

    await step('Termijnen, Hoorzittingen, Doorverwijzingen and Privacyverzoeken at 390 × 844: cards, no table, no sideways scrolling', async () => {
      await open(page, config, 'Deadline', page.locator('[data-layout="cards"] li', { hasText: /KL-\d{4}-\d{6}/ }));
      await page.locator('[data-layout="cards"] .MuiChip-root[data-due="late"]').first().waitFor({ state: 'visible' });
      if (await page.locator('main table').count()) throw new Error('Termijnen shows a table on a phone');
      widths.deadlines390 = await expectNoSidewaysScrolling(page, 'Termijnen on a phone');
      for (const [route, what] of [
        ['Hearing', 'Hoorzittingen'],
        ['Referral', 'Doorverwijzingen'],
        ['PrivacyRequest', 'Privacyverzoeken'],
      ]) {
        await open(page, config, route, page.locator('[data-layout="cards"]').getByText(/KL-\d{4}-\d{6}/));
        if (await page.locator('main table').count()) throw new Error(`${what} shows a table on a phone`);
        await expectNoSidewaysScrolling(page, `${what} on a phone`);
      }
    });

    await step(
      'the complaint page at 390 × 844 fits: no sideways scrolling, the e-mail address wraps, the deadlines scroll in their box, a dialog takes the screen',
      async () => {
        await open(page, config, `Complaint/${fresh.id}/show`, page.locator('h1', { hasText: fresh.reference }));
        await page.getByRole('table', { name: 'Termijnen' }).waitFor({ state: 'visible' });
        widths.complaint390 = await expectNoSidewaysScrolling(page, 'the complaint page on a phone');
        const scroller = await page.getByRole('table', { name: 'Termijnen' }).evaluate((table) => {
          const parent = table.parentElement;
          return { overflowX: getComputedStyle(parent).overflowX, right: parent.getBoundingClientRect().right };
        });
        if (scroller.overflowX !== 'auto' || scroller.right > PHONE.width) throw new Error(`the deadlines' box: ${JSON.stringify(scroller)}`);
        const email = page.getByRole('link', { name: fresh.email });
        const [link, panel] = await Promise.all([email.boundingBox(), page.getByRole('region', { name: 'Klager' }).boundingBox()]);
        if (link.x + link.width > panel.x + panel.width)
          throw new Error(`the e-mail address sticks out of its panel (${link.x + link.width} > ${panel.x + panel.width})`);
        if (link.height < 30) throw new Error('the long e-mail address did not wrap');
        await destructive.getByRole('button', { name: 'Intrekken', exact: true }).click();
        const paper = page.locator('.MuiDialog-paper');
        await paper.waitFor({ state: 'visible' });
        const box = await paper.boundingBox();
        if (Math.round(box.width) !== PHONE.width) throw new Error(`the dialog is ${box.width} px wide on a ${PHONE.width} px phone`);
        await screenshot('layout-dialog-390');
        await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await open(page, config, `Complaint/${hearing.id}/show`, page.getByRole('region', { name: 'Hoorzittingen' }));
        await expectNoSidewaysScrolling(page, `the complaint page of ${hearing.reference} on a phone`);
        await screenshot('layout-complaint-390');
      },
    );
  } finally {
    await resize(page, { width: 1280, height: 800 }, { sidebarOpen: true });
  }
  console.log(`[layout e2e] page widths: ${JSON.stringify(widths)}`);
  return caseload;
}
