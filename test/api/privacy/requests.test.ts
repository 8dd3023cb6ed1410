import yauzl from 'yauzl';
import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { findPersonalData } from '../../helpers/personal-data';
import { staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * A complainant's access (art. 15) and erasure (art. 17) requests: their complaints are found by identity (the
 * same e-mail address or phone number, or the same name at the same address), never by a name alone; the
 * export holds both of Carla's complaints and nothing of anyone else; the erasure removes what nothing keeps
 * and says why it keeps the rest.
 */
const clock = new FixedClock('2026-05-04T10:00:00');
let app: TestApp;
let director: Member;
let qualityManager: Member;
let employee: Member;
let steps: ReturnType<typeof complaintSteps>;

const CARLA = { name: 'Carla de Wit', email: 'carla.dewit@example.org', phone: '06-12345678', relation: 'CLIENT' };
// the same person, writing later with only her e-mail address and her name written differently
const CARLA_AGAIN = { name: 'C. de Wit', email: 'carla.dewit@example.org', relation: 'CLIENT' };
// someone else with the same name
const NAMESAKE = { name: 'Carla de Wit', email: 'c.wit@example.net', phone: '06-99998888', relation: 'EMPLOYER' };

let first: ComplaintView;
let second: ComplaintView;
let namesake: ComplaintView;

type Request = {
  id: string;
  kind: string;
  status: string;
  version: number;
  exportPath: string | null;
  dossiers: Array<{ complaintId: string; reference: string; keep: string[]; letters: number; attachments: number }>;
};
const REQUEST_FIELDS =
  'id kind status version exportPath carriedOutAt dossiers { complaintId reference status keep letters attachments contactMoments events }';

async function record(kind: string, complaintId: string, token = qualityManager.token) {
  return app.graphql<{ recordPrivacyRequest: Request }>(
    `mutation ($input: PrivacyRequestInput!) { recordPrivacyRequest(input: $input) { ${REQUEST_FIELDS} } }`,
    { input: { kind, complaintId } },
    token,
  );
}

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file!))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream!.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream!.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Through the procedure to CLOSED (with an attachment on the way when asked). */
async function closed(c: ComplaintView, attach?: string): Promise<ComplaintView> {
  c = ok(await steps.assign(c, director.token, director.id));
  c = ok(await steps.contact(c, director.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  if (attach) {
    await uploadPdf(director.token, c.id, attach);
    c = await steps.read(c, director.token);
  }
  c = ok(await steps.assess(c, director.token));
  c = ok(await steps.respond(c, director.token, { summary: 'Excuses.' }));
  c = ok(await steps.outcome(c, director.token));
  return ok(await steps.close(c, director.token));
}

async function uploadPdf(token: string, complaintId: string, text: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`))]), 'bewijs.pdf');
  const response = await fetch(`${app.url}/complaints/${complaintId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR']);
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER']);
  employee = await staffMember(app, adminToken, ['EMPLOYEE']);
  steps = complaintSteps(app);

  first = await closed(
    ok(await steps.register(director.token, { channel: 'EMAIL', complainant: CARLA, description: 'Mijn jobcoach kwam twee keer niet opdagen.' })),
    'verslag van Carla',
  );
  // Carla answered the satisfaction survey online: her own words are hers to see
  const issued = await app.graphql<{ issueStatusCode: { code: string } }>(
    'mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code } }',
    { id: first.id, version: first.version },
    director.token,
  );
  const survey = await app.graphql(
    'mutation ($reference: String!, $code: String!, $input: SurveyAnswerInput!) { answerSatisfactionSurvey(reference: $reference, code: $code, input: $input) { stage } }',
    { reference: first.reference, code: issued.data!.issueStatusCode.code, input: { handling: 4, outcome: 3, comment: 'Het tweede gesprek was prettig.' } },
  );
  expect(survey.errors).toBeUndefined();
  second = ok(await steps.register(director.token, { channel: 'LETTER', complainant: CARLA_AGAIN, description: 'Mijn reiskosten zijn niet vergoed.' }));
  namesake = ok(
    await steps.register(director.token, { channel: 'PHONE', complainant: NAMESAKE, description: 'De werkgever kreeg geen terugkoppeling over het traject.' }),
  );
});
afterAll(() => app.stop());

describe('an access request', () => {
  it("exports both of the complainant's complaints and nothing of anyone else, as HTML, JSON and files in a ZIP", async () => {
    const recorded = await record('ACCESS', second.id);
    expect(recorded.errors).toBeUndefined();
    const request = recorded.data!.recordPrivacyRequest;
    expect(request.dossiers.map((dossier) => dossier.reference).sort()).toEqual([first.reference, second.reference].sort());
    expect(request.exportPath).toBe(`/privacy-requests/${request.id}/export.zip`);

    const response = await fetch(`${app.url}${request.exportPath}`, { headers: { authorization: `Bearer ${qualityManager.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="inzage-KL-/);
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    const names = [...entries.keys()];
    expect(names).toEqual(expect.arrayContaining(['overzicht.html', 'gegevens.json']));
    expect(names.filter((name) => name.startsWith('bijlagen/'))).toEqual([`bijlagen/${first.reference}/01-bewijs.pdf`]);

    const data = JSON.parse(entries.get('gegevens.json')!.toString('utf8')) as {
      complaints: Array<{ reference: string; complainant: { email: string }; letters: Array<{ file: string | null }> }>;
    };
    const letterFiles = data.complaints.flatMap((complaint) => complaint.letters.map((letter) => letter.file).filter(Boolean));
    expect(names.filter((name) => name.startsWith('brieven/')).sort()).toEqual(letterFiles.sort());
    for (const file of letterFiles) expect(entries.get(file!)!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(data.complaints.map((complaint) => complaint.reference).sort()).toEqual([first.reference, second.reference].sort());
    expect(data.complaints.every((complaint) => complaint.complainant.email === CARLA.email)).toBe(true);
    const html = entries.get('overzicht.html')!.toString('utf8');
    expect(html).toContain('Mijn jobcoach kwam twee keer niet opdagen.');
    expect(html).toContain('Mijn reiskosten zijn niet vergoed.');
    expect(html).toContain('Het tweede gesprek was prettig.');
    expect(data.complaints.find((complaint) => complaint.reference === first.reference)).toMatchObject({
      survey: { handling: 4, outcome: 3, comment: 'Het tweede gesprek was prettig.', reopenRequested: false },
    });

    const everything = Buffer.concat([...entries.values()]).toString('latin1');
    for (const other of [namesake.reference, NAMESAKE.email, NAMESAKE.phone, 'De werkgever kreeg geen terugkoppeling']) expect(everything).not.toContain(other);

    const after = await app.graphql<{ privacyRequest: Request }>(
      `query ($id: ID!) { privacyRequest(id: $id) { ${REQUEST_FIELDS} } }`,
      { id: request.id },
      qualityManager.token,
    );
    expect(after.data!.privacyRequest.status).toBe('CARRIED_OUT');
  });

  it('is for a QUALITY_MANAGER or DIRECTOR only', async () => {
    expect((await record('ACCESS', first.id, employee.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const request = (await record('ACCESS', first.id)).data!.recordPrivacyRequest;
    expect((await fetch(`${app.url}${request.exportPath}`, { headers: { authorization: `Bearer ${employee.token}` } })).status).toBe(403);
    expect((await fetch(`${app.url}${request.exportPath}`)).status).toBe(401);
  });
});

describe('whose complaints a request covers', () => {
  it("never links people through a representative's shared mailbox or phone, and lets staff correct the proposal", async () => {
    const lawyer = { email: 'info@advocaat.example', phone: '+31 20 555 0101', relation: 'REPRESENTATIVE' };
    const piet = ok(
      await steps.register(director.token, {
        channel: 'EMAIL',
        complainant: { ...lawyer, name: 'Mr. Jansen namens Piet' },
        description: 'Namens Piet: traject gestopt.',
      }),
    );
    const jolanda = ok(
      await steps.register(director.token, {
        channel: 'EMAIL',
        complainant: { ...lawyer, name: 'Mr. Jansen namens Jolanda' },
        description: 'Namens Jolanda: geen reactie.',
      }),
    );
    const request = (await record('ACCESS', piet.id)).data!.recordPrivacyRequest;
    expect(request.dossiers.map((dossier) => dossier.reference)).toEqual([piet.reference]);

    // a phone number written another way is the same number
    const carlaByPhone = ok(
      await steps.register(director.token, {
        channel: 'PHONE',
        complainant: { name: 'Carla', phone: '+31 6 1234 5678', relation: 'CLIENT' },
        description: 'Telefonisch: nog een klacht.',
      }),
    );
    const carla = (await record('ACCESS', first.id)).data!.recordPrivacyRequest;
    expect(carla.dossiers.map((dossier) => dossier.reference)).toContain(carlaByPhone.reference);

    const corrected = await app.graphql<{ setPrivacyRequestDossiers: Request }>(
      `mutation ($id: ID!, $version: Int!, $ids: [ID!]!) { setPrivacyRequestDossiers(id: $id, version: $version, complaintIds: $ids) { ${REQUEST_FIELDS} } }`,
      { id: request.id, version: request.version, ids: [jolanda.id] },
      qualityManager.token,
    );
    expect(corrected.data!.setPrivacyRequestDossiers.dossiers.map((dossier) => dossier.reference).sort()).toEqual([piet.reference, jolanda.reference].sort());
  });

  it('is never handled by the member of staff a dossier names', async () => {
    const namedDirector = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR']);
    const aboutThem = ok(
      await steps.register(director.token, {
        channel: 'EMAIL',
        complainant: { name: 'Noor', email: 'noor@example.org', relation: 'CLIENT' },
        description: 'Over de directeur.',
        subjectStaffIds: [namedDirector.id],
      }),
    );
    expect((await record('ERASURE', aboutThem.id, namedDirector.token)).errors?.[0].extensions?.code).toBe('CONFLICT_OF_INTEREST');
    const request = (await record('ACCESS', aboutThem.id)).data!.recordPrivacyRequest;
    expect((await fetch(`${app.url}${request.exportPath}`, { headers: { authorization: `Bearer ${namedDirector.token}` } })).status).toBe(403);
  });
});

describe('an erasure request', () => {
  it('shows what it removes and what it must keep and why, then removes only that', async () => {
    const held = ok(
      await steps.register(director.token, { channel: 'EMAIL', complainant: { ...CARLA, phone: undefined }, description: 'Derde klacht van Carla.' }),
    );
    const closedHeld = await closed(held);
    const setHold = await app.graphql(
      'mutation ($id: ID!, $version: Int!) { setLegalHold(id: $id, version: $version, reason: "Procedure bij de rechter") { id } }',
      {
        id: closedHeld.id,
        version: closedHeld.version,
      },
      director.token,
    );
    expect(setHold.errors).toBeUndefined();

    const request = (await record('ERASURE', first.id)).data!.recordPrivacyRequest;
    expect(request.exportPath).toBeNull();
    const keep = Object.fromEntries(request.dossiers.map((dossier) => [dossier.reference, dossier.keep]));
    expect(keep).toMatchObject({ [first.reference]: [], [second.reference]: ['OPEN_PROCEDURE'], [closedHeld.reference]: ['LEGAL_HOLD'] });
    // and the complaint she phoned in, still open
    expect(Object.values(keep).filter((reasons) => reasons.join() === 'OPEN_PROCEDURE')).toHaveLength(2);
    expect(request.dossiers.find((dossier) => dossier.reference === first.reference)).toMatchObject({ attachments: 1 });

    const done = await app.graphql<{ carryOutErasure: { request: Request; dossiers: Array<{ reference: string; keep: string[] }> } }>(
      `mutation ($id: ID!, $version: Int!) { carryOutErasure(id: $id, version: $version) { request { ${REQUEST_FIELDS} } dossiers { reference keep } } }`,
      { id: request.id, version: request.version },
      qualityManager.token,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.carryOutErasure.request.status).toBe('CARRIED_OUT');

    expect(await findPersonalData(app.database.ownerUrl, ['Mijn jobcoach kwam twee keer niet opdagen', 'verslag van Carla'])).toEqual([]);
    expect((await findPersonalData(app.database.ownerUrl, ['Mijn reiskosten zijn niet vergoed'])).length).toBeGreaterThan(0);
    expect((await findPersonalData(app.database.ownerUrl, ['Derde klacht van Carla'])).length).toBeGreaterThan(0);
    expect((await findPersonalData(app.database.ownerUrl, ['De werkgever kreeg geen terugkoppeling'])).length).toBeGreaterThan(0);

    const ledger = await app.graphql<{ retentionLedger: { items: Array<{ reference: string; rule: string; privacyRequestId: string; actorId: string }> } }>(
      '{ retentionLedger { items { reference rule privacyRequestId actorId } } }',
      {},
      qualityManager.token,
    );
    expect(ledger.data!.retentionLedger.items).toEqual([
      { reference: first.reference, rule: 'ERASURE_REQUEST', privacyRequestId: request.id, actorId: qualityManager.id },
    ]);
    const again = await app.graphql(
      `mutation ($id: ID!, $version: Int!) { carryOutErasure(id: $id, version: $version) { request { id } } }`,
      {
        id: request.id,
        version: done.data!.carryOutErasure.request.version,
      },
      qualityManager.token,
    );
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
