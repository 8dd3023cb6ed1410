import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * The ready-made site's status pages (issue 15) over real HTTP: reference and code open a status link of half an hour
 * (a wrong code and an unknown reference get the same page); the page shows where the complaint stands in Dutch and
 * offers a form for exactly the actions the API offers; an objection sent from it is the complainant's OBJECTION_FILED;
 * a late one is told in Dutch with the date; a forged, expired or superseded link is a Dutch 404.
 */
const clock = new FixedClock('2026-04-02T10:00:00');
let app: TestApp;
let director: Member;
let handler: Member;
let unitId: string;
let steps: ReturnType<typeof complaintSteps>;

async function get(url: string) {
  const response = await fetch(`${app.url}${url}`, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

async function post(url: string, body: FormData | URLSearchParams) {
  const response = await fetch(`${app.url}${url}`, { method: 'POST', body, redirect: 'manual' });
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
}

const lookUp = (kenmerk: string, code: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/klacht/status`, { method: 'POST', body: new URLSearchParams({ kenmerk, code }), redirect: 'manual', headers }).then(async (response) => ({
    status: response.status,
    html: await response.text(),
    location: response.headers.get('location'),
  }));

/** A complaint by phone under focus, its code issued by staff, answered on Tuesday 14 April (objections until 29 April). */
async function answered(): Promise<{ c: ComplaintView; reference: string; code: string }> {
  clock.set('2026-04-02T10:00:00');
  let c = ok(await steps.register(director.token, { unitId, policyKey: 'focus' }));
  const issued = await app.graphql<{ issueStatusCode: { code: string } }>(
    'mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code } }',
    { id: c.id, version: c.version },
    director.token,
  );
  c = await steps.read(c, director.token);
  c = ok(await steps.assign(c, director.token, handler.id));
  c = ok(await steps.contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  c = ok(await steps.assess(c, handler.token, { verdict: 'UNFOUNDED' }));
  clock.set('2026-04-14T11:00:00');
  c = ok(await steps.respond(c, handler.token));
  return { c, reference: c.reference, code: issued.data!.issueStatusCode.code };
}

beforeAll(async () => {
  app = await startTestApp({ clock, env: { PORTAL_MIN_FILL_SECONDS: '0', SUBMIT_RATE_LIMIT: '100', TRUSTED_PROXIES: 'loopback' } });
  steps = complaintSteps(app);
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  unitId = await createUnit(app, adminToken, { code: 'NOORD', name: 'Regio Noord', directorId: director.id });
});
afterAll(() => app.stop());

describe('the status lookup', () => {
  it('asks for kenmerk and code in Dutch, the code without autocomplete', async () => {
    const page = await get('/klacht/status');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Status van uw klacht</h1>');
    expect(page.html).toMatch(/<label for="kenmerk">Kenmerk<\/label>/);
    expect(page.html).toMatch(/<input type="text" id="code" name="code" value="" autocomplete="off"/);
  });

  it('answers a wrong code and an unknown reference with the same page, tied to both fields, never echoing the code', async () => {
    const { reference } = await answered();
    const wrong = await lookUp(reference, 'AAAA-BBBB-CCCC-DDDD', { 'x-forwarded-for': '203.0.113.21' });
    const unknown = await lookUp('KL-2026-999999', 'AAAA-BBBB-CCCC-DDDD', { 'x-forwarded-for': '203.0.113.22' });
    expect(wrong.status).toBe(400);
    expect(wrong.html.replace(reference, 'KL-2026-999999')).toBe(unknown.html);
    expect(wrong.html).toContain('Wij vinden geen klacht met dit kenmerk en deze code.');
    expect(wrong.html).toMatch(/id="kenmerk"[^>]*aria-describedby="kenmerk-hint kenmerk-fout" aria-invalid="true"/);
    expect(wrong.html).toMatch(/id="code"[^>]*aria-describedby="code-hint code-fout" aria-invalid="true"/);
    expect(wrong.html).not.toContain('AAAA-BBBB');
  });

  it('says in Dutch how long to wait once the API throttles the reference, with Retry-After', async () => {
    const { reference, code } = await answered();
    for (let attempt = 0; attempt < 10; attempt++) await lookUp(reference, 'AAAA-BBBB-CCCC-DDDD', { 'x-forwarded-for': `203.0.113.${100 + attempt}` });
    const response = await fetch(`${app.url}/klacht/status`, {
      method: 'POST',
      body: new URLSearchParams({ kenmerk: reference, code }),
      redirect: 'manual',
      headers: { 'x-forwarded-for': '203.0.113.99' },
    });
    const html = await response.text();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(html).toMatch(/U hebt het te vaak achter elkaar geprobeerd\. Probeer het over \d+ minuten opnieuw\./);
    expect(html).not.toContain('RATE_LIMITED');
  });

  it('opens a status link with the code as typed (any case, no dashes), showing where the complaint stands in Dutch', async () => {
    const { reference, code } = await answered();
    const opened = await lookUp(reference.toLowerCase(), code.toLowerCase().replace(/-/g, ''));
    expect(opened.status).toBe(303);
    expect(opened.location).toMatch(new RegExp(`^/klacht/status/${reference}\\.[0-9a-z]+\\.s\\.[\\w-]+$`));
    expect(opened.location).not.toContain(code);

    const page = await get(opened.location!);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.html).toContain(`<h1>Uw klacht <span class="nowrap">${reference}</span></h1>`);
    expect(page.html).not.toContain('id="code"');
    expect(page.html).toContain('<strong>Beantwoord.</strong>');
    expect(page.html).toContain('<dt>Bezwaar maken kan tot en met</dt><dd>woensdag 29 april 2026</dd>');
    expect(page.html).toContain(`action="${opened.location}/bezwaar"`);
    // only what the API offers: no hearing, no information request, and nobody of the staff
    expect(page.html).not.toMatch(/\/hoorzitting"|\/informatie"/);
    for (const name of [director.name, handler.name, director.email, handler.email]) expect(page.html).not.toContain(name);
  });
});

describe('acting on the status page', () => {
  it('files an objection: 303 back with a Dutch confirmation, the complaint OBJECTED by the complainant', async () => {
    const { c, reference, code } = await answered();
    clock.set('2026-04-20T10:00:00');
    const link = (await lookUp(reference, code)).location!;
    const form = new FormData();
    form.append('gronden', 'Er is niets uitgelegd over de late betaling.');
    form.append('bijlagen', new Blob([]), '');
    const sent = await post(`${link}/bezwaar`, form);
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${link}?gedaan=bezwaar`);

    const page = await get(sent.location!);
    expect(page.html).toContain('<div class="notice" role="status"><p>Wij hebben uw bezwaar ontvangen.');
    expect(page.html).toContain('<strong>Bezwaar.</strong>');
    expect(page.html).toContain('<dt>Uw bezwaar is ontvangen op</dt><dd>maandag 20 april 2026</dd>');
    // a hearing may now be waived, and the objection is not offered again
    expect(page.html).toContain('value="nee" class="secondary">Ik wil geen hoorzitting</button>');
    expect(page.html).not.toContain('/bezwaar"');

    const after = await steps.read(c, director.token);
    expect(after.status).toBe('OBJECTED');
    expect(after.history.at(-1)).toMatchObject({ type: 'OBJECTION_FILED', actor: null, data: { by: 'COMPLAINANT', channel: 'WEB_FORM' } });

    // the second of a double click is answered as the first was, and files nothing more
    clock.set('2026-04-20T10:00:02');
    const again = await post(`${link}/bezwaar`, new URLSearchParams({ gronden: 'Er is niets uitgelegd over de late betaling.' }));
    expect(again.status).toBe(303);
    expect(again.location).toBe(`${link}?gedaan=bezwaar`);
    expect((await steps.read(c, director.token)).history.filter((event) => event.type === 'OBJECTION_FILED')).toHaveLength(1);
    // long after, the same form is refused as a step no longer possible
    clock.set('2026-04-20T10:11:00');
    const fresh = (await lookUp(reference, code)).location!;
    const late = await post(`${fresh}/bezwaar`, new URLSearchParams({ gronden: 'Nog een keer.' }));
    expect(late.status).toBe(409);
  });

  it('answers a request for information with a file: the question shown, the answer and the file sent, the clock running again', async () => {
    clock.set('2026-06-01T10:00:00');
    let c = ok(await steps.register(director.token, { unitId, policyKey: 'focus' }));
    const issued = await app.graphql<{ issueStatusCode: { code: string } }>(
      'mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code } }',
      { id: c.id, version: c.version },
      director.token,
    );
    c = ok(await steps.assign(await steps.read(c, director.token), director.token, handler.id));
    c = ok(await steps.contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: InformationRequestInput!) { requestInformation(id: $id, version: $version, input: $input) { id } }',
      { id: c.id, version: c.version, input: { question: 'Stuurt u de brief van het UWV mee?', channel: 'EMAIL' } },
      handler.token,
    );
    const link = (await lookUp(c.reference, issued.data!.issueStatusCode.code)).location!;
    const page = await get(link);
    expect(page.html).toContain('<strong>Wij wachten op u.</strong>');
    expect(page.html).toContain('<p class="quote">Stuurt u de brief van het UWV mee?</p>');

    const form = new FormData();
    form.append('antwoord', 'Hierbij de brief.');
    form.append('bijlagen', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))]), 'brief-uwv.pdf');
    const sent = await post(`${link}/informatie`, form);
    expect(sent.location).toBe(`${link}?gedaan=informatie`);
    expect((await get(sent.location!)).html).toContain('Wij hebben uw antwoord ontvangen');
    const after = await app.graphql<{ complaint: { pausedSince: string | null; attachments: Array<{ fileName: string }> } }>(
      'query ($id: ID) { complaint(id: $id) { pausedSince attachments { fileName } } }',
      { id: c.id },
      handler.token,
    );
    expect(after.data!.complaint).toEqual({ pausedSince: null, attachments: [{ fileName: 'brief-uwv.pdf' }] });
  });

  it('refuses empty grounds in Dutch on the field, and a late objection with the date of the last day', async () => {
    const { reference, code } = await answered();
    clock.set('2026-04-29T16:00:00');
    const link = (await lookUp(reference, code)).location!;
    const empty = await post(`${link}/bezwaar`, new URLSearchParams({ gronden: '  ' }));
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('<a href="#bezwaar-gronden">Schrijf waarom u het niet eens bent met ons antwoord.</a>');
    expect(empty.html).toMatch(/id="bezwaar-gronden"[^>]*aria-describedby="bezwaar-gronden-hint bezwaar-gronden-fout" aria-invalid="true"/);

    clock.set('2026-04-29T23:50:00');
    const stillOpen = (await lookUp(reference, code)).location!;
    clock.set('2026-04-30T00:10:00'); // the link still works, the window does not
    const late = await post(`${stillOpen}/bezwaar`, new URLSearchParams({ gronden: 'Te laat, maar toch.' }));
    expect(late.status).toBe(409);
    expect(late.html).toContain('De termijn om bezwaar te maken is verlopen op woensdag 29 april 2026.');
    expect(late.html).not.toContain('OBJECTION_LATE');
  });

  it('answers the survey: two questions of five choices each in a fieldset, reopening only where possible', async () => {
    const { reference, code } = await answered();
    clock.set('2026-04-15T10:00:00');
    const link = (await lookUp(reference, code)).location!;
    const page = await get(link);
    expect(page.html).toMatch(/<fieldset class="scale field">\s*<legend>Hoe tevreden bent u over de afhandeling\?<\/legend>/);
    expect(page.html).toContain('<label for="tevredenheid-uitkomst-5">5 – zeer tevreden</label>');
    expect(page.html).toContain('Ik ben niet tevreden: behandel mijn klacht opnieuw');

    const missing = await post(`${link}/tevredenheid`, new URLSearchParams({ afhandeling: '4' }));
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('<a href="#tevredenheid-uitkomst-1">Kies hoe tevreden u bent over de uitkomst.</a>');
    expect(missing.html).toContain('id="tevredenheid-afhandeling-4" name="afhandeling" value="4" checked');

    const sent = await post(`${link}/tevredenheid`, new URLSearchParams({ afhandeling: '4', uitkomst: '2', opmerking: 'Duidelijk.' }));
    expect(sent.location).toBe(`${link}?gedaan=tevredenheid`);
    const after = await get(sent.location!);
    expect(after.html).toContain('Over de afhandeling: 4 – tevreden. Over de uitkomst: 2 – ontevreden.');
    expect(after.html).not.toContain('/tevredenheid"');
    // sent again (a double click, a reload of the POST): answered as done, the first answer kept
    const twice = await post(`${link}/tevredenheid`, new URLSearchParams({ afhandeling: '1', uitkomst: '1' }));
    expect(twice.location).toBe(`${link}?gedaan=tevredenheid`);
    expect((await get(twice.location!)).html).toContain('Over de afhandeling: 4 – tevreden. Over de uitkomst: 2 – ontevreden.');
  });
});

describe('a status link that does not open', () => {
  it('is a Dutch 404 when forged, expired, or made before a new code', async () => {
    const { c, reference, code } = await answered();
    const link = (await lookUp(reference, code)).location!;
    const forged = link.replace(/\.[\w-]+$/, '.dGhpcyBpcyBub3QgYSBtYWM');
    const gone = await get(forged);
    expect(gone.status).toBe(404);
    expect(gone.html).toContain('<h1>Deze link werkt niet (meer)</h1>');
    expect((await get('/klacht/status/zomaar-iets')).html).toBe(gone.html);

    clock.set(clock.now().plus({ minutes: 31 }).toISO()!);
    expect((await get(link)).status).toBe(404);
    const expiredAction = await post(`${link}/bezwaar`, new URLSearchParams({ gronden: 'Mijn lange tekst.' }));
    expect(expiredAction.status).toBe(404);
    expect(expiredAction.html).toContain('>Mijn lange tekst.</textarea>');

    const fresh = (await lookUp(reference, code)).location!;
    expect((await get(fresh)).status).toBe(200);
    const read = await steps.read(c, director.token);
    await app.graphql(
      'mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code } }',
      { id: c.id, version: read.version },
      director.token,
    );
    expect((await get(fresh)).status).toBe(404);
    expect((await get('/klacht/bestaat-niet')).html).toContain('<h1>Deze pagina bestaat niet</h1>');
  });
});
