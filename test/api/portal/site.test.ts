import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';

/**
 * The ready-made complaint site (issue 15) over real HTTP: plain HTML, no script, framed only where allowed; the
 * form refuses a filled honeypot and a form sent too fast, shows the API's refusals in Dutch on their fields with
 * every value kept, survives a double click (files included), and confirms with the reference and the code.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let director: Member;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors";

const decode = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The values of the hidden inputs called `name`. */
const hidden = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`, 'g'))].map((m) => decode(m[1]));

async function get(url: string) {
  const response = await fetch(url.startsWith('http') ? url : `${app.url}${url}`, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

async function post(url: string, body: FormData | URLSearchParams) {
  const response = await fetch(`${app.url}${url}`, { method: 'POST', body, redirect: 'manual' });
  return { status: response.status, headers: response.headers, html: await response.text(), location: response.headers.get('location') };
}

/** The form as a browser sends it: the hidden fields first, then the values, then the files. */
function filled(html: string, values: Record<string, string>, files: Array<[string, Buffer]> = [], honeypot = '') {
  const form = new FormData();
  form.append('sleutel', hidden(html, 'sleutel')[0]);
  form.append('formulier', hidden(html, 'formulier')[0]);
  form.append('aanvulling', honeypot);
  for (const kept of hidden(html, 'bijlage')) form.append('bijlage', kept);
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  if (files.length === 0) form.append('bijlagen', new Blob([]), '');
  for (const [name, bytes] of files) form.append('bijlagen', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

const person = (overrides: Record<string, string> = {}) => ({
  naam: 'Sanne de Vries',
  email: 'sanne@example.org',
  telefoon: '',
  postadres: '',
  relatie: 'CLIENT',
  namens: '',
  organisatie: '',
  omschrijving: 'Mijn uitkering is twee maanden te laat betaald.',
  ...overrides,
});

/** The clock moves on as a person fills in the form. */
function fillIn(seconds = 5): void {
  clock.set(clock.now().plus({ seconds }).toISO()!);
}

const referenceOf = (html: string) => /<dd id="kenmerk">([^<]+)<\/dd>/.exec(html)?.[1];
const codeOf = (html: string) => /<dd id="code">([^<]+)<\/dd>/.exec(html)?.[1];

async function attachmentsOf(reference: string): Promise<string[]> {
  const read = await app.graphql<{ complaint: { attachments: Array<{ fileName: string }> } }>(
    'query ($reference: String) { complaint(reference: $reference) { attachments { fileName } } }',
    { reference },
    director.token,
  );
  return read.data!.complaint.attachments.map((attachment) => attachment.fileName);
}

beforeAll(async () => {
  app = await startTestApp({
    clock,
    env: { PORTAL_MIN_FILL_SECONDS: '3', SUBMIT_RATE_LIMIT: '100', WEBSITE_ATTACHMENTS: '2', WEBSITE_ATTACHMENT_MAX_MB: '1' },
  });
  director = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR']);
});
afterAll(() => app.stop());

describe('the complaint form', () => {
  it('is plain Dutch HTML without any script, never framed, never stored, with a hidden key, form token and honeypot', async () => {
    const page = await get('/klacht/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(`${CSP} 'none'`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain('<html lang="nl">');
    expect(page.html).not.toMatch(/<script|on(click|load|submit)=/i);
    expect(page.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page.html).toContain('href="#inhoud"');
    expect(hidden(page.html, 'sleutel')[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(hidden(page.html, 'formulier')[0]).toMatch(/^[0-9a-z]+\.[\w-]+$/);
    expect(page.html).toMatch(/<div class="hp" aria-hidden="true">[\s\S]*name="aanvulling" value="" tabindex="-1" autocomplete="off"/);
    // a fresh key per form shown
    expect(hidden((await get('/klacht/')).html, 'sleutel')[0]).not.toBe(hidden(page.html, 'sleutel')[0]);
    expect(page.html).toContain('U kunt hoogstens 2 bestanden meesturen');

    const css = await get(/href="(\/klacht\/site\.css\?v=[\w-]+)"/.exec(page.html)![1]);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect((await get('/klacht/logo')).status).toBe(404);
  });

  it('refuses a missing name in Dutch, on the field, keeping every other value and the same form token', async () => {
    const form = await get('/klacht/');
    fillIn();
    const refused = await post('/klacht/', filled(form.html, person({ naam: '', telefoon: '06-12345678', namens: 'Mijn moeder' })));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<title>Fout: Klacht indienen');
    expect(refused.html).toMatch(/<div class="error-summary" role="alert"[\s\S]*<a href="#naam">Vul uw naam in\.<\/a>/);
    expect(refused.html).toContain('<p class="error" id="naam-fout"><span class="visually-hidden">Fout:</span> Vul uw naam in.</p>');
    expect(refused.html).toMatch(
      /<input type="text" id="naam" name="naam" value="" autocomplete="name" aria-describedby="naam-fout" aria-invalid="true" required>/,
    );
    expect(refused.html).toContain('value="sanne@example.org"');
    expect(refused.html).toContain('value="06-12345678"');
    expect(refused.html).toContain('value="Mijn moeder"');
    expect(refused.html).toContain('>Mijn uitkering is twee maanden te laat betaald.</textarea>');
    expect(refused.html).not.toMatch(/is required|LENGTH|BAD_USER_INPUT/);
    expect(hidden(refused.html, 'formulier')).toEqual(hidden(form.html, 'formulier'));
    expect(hidden(refused.html, 'sleutel')).toEqual(hidden(form.html, 'sleutel'));
  });

  it('asks for a way to reach the complainant, on the e-mail field, as the API rules', async () => {
    const form = await get('/klacht/');
    fillIn();
    const refused = await post('/klacht/', filled(form.html, person({ email: '' })));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<a href="#email">Vul een e-mailadres, een telefoonnummer of een postadres in');
    expect(refused.html).toMatch(/id="email"[^>]*aria-describedby="email-hint email-fout" aria-invalid="true"/);
  });

  it('refuses a filled honeypot and a form sent too fast, storing none of their files', async () => {
    const form = await get('/klacht/');
    fillIn();
    const trapped = await post('/klacht/', filled(form.html, person(), [['bewijs.pdf', PDF]], 'http://spam.example'));
    expect(trapped.status).toBe(400);
    expect(trapped.html).toContain('het veld ‘Niet invullen’ moet leeg blijven');
    expect(hidden(trapped.html, 'bijlage')).toEqual([]);

    const quick = await get('/klacht/');
    fillIn(1);
    const tooFast = await post('/klacht/', filled(quick.html, person(), [['bewijs.pdf', PDF]]));
    expect(tooFast.status).toBe(400);
    expect(tooFast.html).toContain('heel snel na het openen');
    expect(hidden(tooFast.html, 'bijlage')).toEqual([]);
    // the same token: the time keeps counting, and the next send goes through
    expect(hidden(tooFast.html, 'formulier')).toEqual(hidden(quick.html, 'formulier'));
    fillIn(3);
    expect((await post('/klacht/', filled(tooFast.html, person()))).status).toBe(303);

    const forged = filled(form.html, person());
    forged.set('formulier', `${Date.parse('2026-01-01').toString(36)}.forged`);
    expect((await post('/klacht/', forged)).status).toBe(400);
  });

  it('confirms with the reference and a code that opens complaintStatus, the same on a reload, never the code in a URL', async () => {
    const form = await get('/klacht/');
    fillIn();
    const sent = await post('/klacht/', filled(form.html, person(), [['brief uwv.pdf', PDF]]));
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/klacht\/status\/KL-2026-\d{6}\.[0-9a-z]+\.n\.[\w-]+\?nieuw=1$/);

    const confirmation = await get(sent.location!);
    expect(confirmation.status).toBe(200);
    expect(confirmation.headers.get('cache-control')).toBe('no-store');
    expect(confirmation.html).toContain('<h1>Uw klacht is ontvangen</h1>');
    const reference = referenceOf(confirmation.html)!;
    const code = codeOf(confirmation.html)!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(sent.location).not.toContain(code);
    expect(confirmation.html).toMatch(/Wat u van ons kunt verwachten<\/dt><dd>[^<]+, uiterlijk \w+dag \d+ \w+ 2026\./);
    expect(confirmation.html).toContain('href="/klacht/status"');
    expect((await get(sent.location!)).html).toBe(confirmation.html);

    const status = await app.graphql<{ complaintStatus: { reference: string; stage: string } }>(
      'query ($reference: String!, $code: String!) { complaintStatus(reference: $reference, code: $code) { reference stage } }',
      { reference, code },
    );
    expect(status.data!.complaintStatus).toEqual({ reference, stage: 'RECEIVED' });
    expect(await attachmentsOf(reference)).toEqual(['brief uwv.pdf']);
  });

  it('takes the same form sent twice — a double click, with its files both times — as one complaint with one confirmation', async () => {
    const form = await get('/klacht/');
    fillIn();
    const values = person({ naam: 'Dubbel Klikker' });
    const [first, second] = await Promise.all([
      post('/klacht/', filled(form.html, values, [['bewijs.pdf', PDF]])),
      post('/klacht/', filled(form.html, values, [['bewijs.pdf', PDF]])),
    ]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.location).toBe(first.location);
    const reference = referenceOf((await get(first.location!)).html)!;
    expect(await attachmentsOf(reference)).toEqual(['bewijs.pdf']);

    // and once more after it went through (a reload of the POST)
    const again = await post('/klacht/', filled(form.html, values, [['bewijs.pdf', PDF]]));
    expect(again.location).toBe(first.location);
    const complaints = await app.graphql<{ complaintList: { total: number } }>(
      'query ($filter: ComplaintFilter) { complaintList(filter: $filter) { total } }',
      { filter: { q: 'Dubbel Klikker' } },
      director.token,
    );
    expect(complaints.data?.complaintList.total ?? complaints.errors).toBe(1);
  });

  it('keeps the files of a refused form as uploads already made, and sends them with the corrected one', async () => {
    const form = await get('/klacht/');
    fillIn();
    const refused = await post('/klacht/', filled(form.html, person({ omschrijving: 'Kort' }), [['foto.pdf', PDF]]));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<a href="#omschrijving">Beschrijf uw klacht in minstens 10 tekens.</a>');
    expect(hidden(refused.html, 'bijlage')).toHaveLength(1);
    expect(refused.html).toMatch(/Al toegevoegd[\s\S]*<li>foto\.pdf<\/li>/);

    const sent = await post('/klacht/', filled(refused.html, person()));
    expect(sent.status).toBe(303);
    expect(await attachmentsOf(referenceOf((await get(sent.location!)).html)!)).toEqual(['foto.pdf']);
  });

  it('names each file it did not take in Dutch on the file field, keeping the one it took', async () => {
    const form = await get('/klacht/');
    fillIn();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x7e), Buffer.from('PE\0\0'), Buffer.alloc(256)]);
    const large = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]);
    const refused = await post(
      '/klacht/',
      filled(form.html, person(), [
        ['goed.pdf', PDF],
        ['programma.pdf', exe],
        ['groot.pdf', large],
        ['derde.pdf', PDF],
      ]),
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Het bestand ‘programma.pdf’ kunnen wij niet aannemen.');
    expect(refused.html).toContain('Het bestand ‘groot.pdf’ is te groot: een bestand mag hoogstens 1 MB zijn.');
    expect(refused.html).toMatch(/id="bijlagen"[^>]*aria-describedby="bijlagen-al bijlagen-hint bijlagen-fout" aria-invalid="true"/);
    expect(refused.html).toMatch(/<li>goed\.pdf<\/li><li>derde\.pdf<\/li>/);
    expect(hidden(refused.html, 'bijlage')).toHaveLength(2);
  });
});

describe('a site framed by the organisation, with its logo', () => {
  let framed: TestApp;
  const logo = path.join(os.tmpdir(), `logo-${process.pid}.png`);

  beforeAll(async () => {
    fs.writeFileSync(logo, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    framed = await startTestApp({
      clock,
      env: {
        PORTAL_FRAME_ANCESTORS: 'https://www.example.nl https://klachten.example.nl',
        ORGANISATION_LOGO: logo,
        ORGANISATION_NAME: 'Voorbeeld Re-integratie',
      },
    });
  });
  afterAll(async () => {
    await framed.stop();
    fs.rmSync(logo, { force: true });
  });

  it('lists the origins in frame-ancestors and sends no X-Frame-Options; shows and serves the logo', async () => {
    const page = await fetch(`${framed.url}/klacht/`);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toBe(`${CSP} https://www.example.nl https://klachten.example.nl`);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(html).toContain('<img class="logo" src="/klacht/logo" alt=""><span class="org">Voorbeeld Re-integratie</span>');
    const image = await fetch(`${framed.url}/klacht/logo`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });
});
