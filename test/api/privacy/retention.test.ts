import { Client } from 'pg';
import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { findPersonalData, textColumnCount } from '../../helpers/personal-data';
import { staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * Forgetting (DOMAIN.md; issue 14): a closed dossier is kept for its policy's retention period (2 years by
 * default), then the retention job anonymises it through the database's one reviewed path; a held dossier
 * survives until its hold is lifted. Afterwards no text column of any table — found in the catalogue, not
 * listed — holds the complainant's name, e-mail, phone or the description; the files are gone; the
 * statistics are the same; the ledger has one entry per dossier.
 */
const clock = new FixedClock('2026-03-02T10:00:00');
let app: TestApp;
let director: Member;
let employee: Member;
let steps: ReturnType<typeof complaintSteps>;

const ANNA = { name: 'Annabel Verstappen', email: 'annabel.verstappen@example.org', phone: '+31 6 8765 4321', postalAddress: 'Lindelaan 7, 3512 AB Utrecht' };
const ANNA_DESCRIPTION = 'Mijn traject bij de jobcoach stopte zonder bericht en niemand belde terug';
const BEN = { name: 'Benedikt Oosterhuis', email: 'benedikt.oosterhuis@example.org', phone: '+31 6 1111 2222' };
const BEN_DESCRIPTION = 'De intake voor mijn werkfit-traject werd drie keer verzet';

const STATS = `query ($input: StatisticsInput!) {
  complaintStatistics(input: $input) {
    month unit category channel complaints signals assessed wellFoundedShare
    toAcknowledgement { median p90 count } toResponse { median p90 count } toClosure { median p90 count }
    compliance { kind onTime late open breached onTimeShare } objections hearingsHeld referrals averageSatisfaction satisfactionResponses
  }
}`;
const PERIOD = { from: '2026-01-01T00:00:00+01:00', to: '2026-07-01T00:00:00+02:00' };
const LEDGER = '{ retentionLedger(perPage: 50) { total items { complaintId reference rule retentionMonths removed eventsRedacted actorId } } }';

async function upload(token: string, complaintId: string, fileName: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const response = await fetch(`${app.url}/complaints/${complaintId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as { attachment?: { id: string }; errors?: Array<{ extensions: { code: string } }> } };
}

async function handledAndClosed(person: Record<string, string>, description: string, received?: ComplaintView, statusCode?: string): Promise<ComplaintView> {
  const concerning = !received;
  let c =
    received ??
    ok(
      await steps.register(director.token, {
        channel: 'EMAIL',
        policyKey: 'reintegratie',
        complainant: { ...person, relation: 'CLIENT' },
        description,
        subjectStaffIds: [employee.id],
      }),
    );
  c = ok(await steps.assign(c, director.token, director.id));
  if (concerning) {
    // the employee's side (append-only) and an extension whose reason names the complainant (kept in its deadline)
    const statement = await app.graphql(
      'mutation ($id: ID!, $input: StatementInput!) { recordStatement(id: $id, input: $input) { id } }',
      { id: c.id, input: { text: `Ik heb ${person.name} twee keer gebeld.` } },
      employee.token,
    );
    expect(statement.errors).toBeUndefined();
    c = await steps.read(c, director.token);
    const extended = await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: ExtensionInput!) { extendComplaint(id: $id, version: $version, input: $input) { id } }',
      { id: c.id, version: c.version, input: { weeks: 2, reason: `${person.name} ligt in het ziekenhuis` } },
      director.token,
    );
    expect(extended.errors).toBeUndefined();
    c = await steps.read(c, director.token);
  }
  c = ok(await steps.contact(c, director.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE', summary: `Gebeld met ${person.name} op ${person.phone}` }));
  const noted = await app.graphql(
    'mutation ($id: ID!, $text: String!) { addComplaintNote(id: $id, text: $text) { id } }',
    {
      id: c.id,
      text: `${person.name} (${person.email}) wil teruggebeld worden`,
    },
    director.token,
  );
  expect(noted.errors).toBeUndefined();
  const pdf = Buffer.from(`%PDF-1.4\n% brief van ${person.name}, ${person.postalAddress ?? ''}\n1 0 obj << >> endobj\n%%EOF\n`);
  expect((await upload(director.token, c.id, `brief-${person.name.split(' ')[1].toLowerCase()}.pdf`, pdf)).status).toBe(201);
  c = await steps.read(c, director.token);
  c = ok(await steps.assess(c, director.token, { cause: `Agenda van ${person.name} kwijt`, solution: 'Nieuwe afspraak' }));
  c = ok(await steps.respond(c, director.token, { summary: `Beste ${person.name}, onze excuses.` }));
  if (statusCode) {
    // the survey, online, in the complainant's own words, and the reason their request to reopen was declined
    const survey = await app.graphql(
      'mutation ($reference: String!, $code: String!, $input: SurveyAnswerInput!) { answerSatisfactionSurvey(reference: $reference, code: $code, input: $input) { stage } }',
      { reference: c.reference, code: statusCode, input: { handling: 2, outcome: 1, comment: `${person.name} voelt zich niet gehoord`, reopen: true } },
    );
    expect(survey.errors).toBeUndefined();
    c = await steps.read(c, director.token);
    const declined = await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: DeclineReopenInput!) { declineReopenRequest(id: $id, version: $version, input: $input) { id } }',
      { id: c.id, version: c.version, input: { reason: `${person.name} kreeg al een volledig antwoord` } },
      director.token,
    );
    expect(declined.errors).toBeUndefined();
    c = await steps.read(c, director.token);
  }
  c = ok(await steps.outcome(c, director.token));
  return ok(await steps.close(c, director.token));
}

async function asRequestRole<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: app.database.url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  app = await startTestApp({ clock, env: { SUBMIT_RATE_LIMIT: '1000' } });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  employee = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Eva Medewerker' });
  steps = complaintSteps(app);
});
afterAll(() => app.stop());

describe('the retention job', () => {
  let anna: ComplaintView;
  let ben: ComplaintView;
  let statsBefore: unknown;

  it('keeps closed dossiers until their period has passed', async () => {
    // Anna used the website: an idempotency record, an automatic confirmation by e-mail in the outbox
    const submitted = await app.graphql<{ submitComplaint: { reference: string; statusCode: string } }>(
      'mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference statusCode } }',
      { input: { complainant: { ...ANNA, relation: 'CLIENT' }, description: ANNA_DESCRIPTION, idempotencyKey: 'form-anna-1' } },
    );
    expect(submitted.errors).toBeUndefined();
    const received = await app.graphql<{ complaint: { id: string } }>(
      'query ($reference: String) { complaint(reference: $reference) { id } }',
      {
        reference: submitted.data!.submitComplaint.reference,
      },
      director.token,
    );
    anna = await handledAndClosed(
      ANNA,
      ANNA_DESCRIPTION,
      await steps.read(received.data!.complaint, director.token),
      submitted.data!.submitComplaint.statusCode,
    );
    ben = await handledAndClosed(BEN, BEN_DESCRIPTION);
    const held = await app.graphql<{ setLegalHold: { legalHoldAt: string } }>(
      'mutation ($id: ID!, $version: Int!) { setLegalHold(id: $id, version: $version, reason: "Claim van de werkgever loopt") { legalHoldAt } }',
      { id: ben.id, version: ben.version },
      director.token,
    );
    expect(held.data?.setLegalHold.legalHoldAt).toBeTruthy();
    statsBefore = (await app.graphql(STATS, { input: PERIOD }, director.token)).data;

    clock.set('2028-03-01T10:00:00'); // a day short of two years after closure
    expect(await app.running.services.retention.run()).toEqual({ anonymised: 0, held: 0, unclaimedUploads: 0, filesRemoved: 0 });
    expect(await findPersonalData(app.database.ownerUrl, [ANNA.name])).not.toEqual([]);
  });

  it('anonymises a dossier past its period: nothing of the complainant is left in any table or file', async () => {
    clock.set('2028-03-03T04:00:00');
    const run = await app.running.services.retention.run();
    // Anna's dossier; Ben's is held
    expect(run).toMatchObject({ anonymised: 1, held: 1 });
    expect(run.filesRemoved).toBe(1);

    const searched = await textColumnCount(app.database.ownerUrl);
    expect(searched).toBeGreaterThan(100);
    expect(
      await findPersonalData(app.database.ownerUrl, [ANNA.name, 'Verstappen', ANNA.email, '8765 4321', '87654321', 'Lindelaan', ANNA_DESCRIPTION]),
    ).toEqual([]);
    expect(await asRequestRole(async (client) => (await client.query('SELECT 1 FROM idempotency_key WHERE complaint_id = $1', [anna.id])).rowCount)).toBe(0);

    // Ben is held: untouched
    expect((await findPersonalData(app.database.ownerUrl, [BEN.name])).length).toBeGreaterThan(0);
    expect(await app.running.services.files.list('attachments/')).toHaveLength(1);

    const after = await steps.read(anna, director.token);
    expect(after.status).toBe('CLOSED');
    expect(after.history.at(-1)).toMatchObject({ type: 'ANONYMISED', data: { rule: 'RETENTION' } });
    expect(after.availableActions).toEqual([]);
    const verified = await app.graphql<{ verifyHistory: { intact: boolean } }>(
      'query ($id: ID) { verifyHistory(complaintId: $id) { intact } }',
      { id: anna.id },
      director.token,
    );
    expect(verified.data?.verifyHistory.intact).toBe(true);

    expect((await app.graphql(STATS, { input: PERIOD }, director.token)).data).toEqual(statsBefore);
    const ledger = await app.graphql<{ retentionLedger: { total: number; items: Array<Record<string, unknown>> } }>(LEDGER, {}, director.token);
    expect(ledger.data!.retentionLedger).toMatchObject({
      total: 1,
      items: [{ complaintId: anna.id, reference: anna.reference, rule: 'RETENTION', retentionMonths: 24, actorId: null }],
    });
    const entry = ledger.data!.retentionLedger.items[0];
    expect(entry.removed).toMatchObject({ complainant: 1, complaint: 1, contact_moment: 2, attachment: 1, letter: expect.any(Number), satisfaction_survey: 1 });
    expect(entry.eventsRedacted).toBeGreaterThan(0);
    // the ledger names the dossier and the counts, never what was removed
    expect(JSON.stringify(entry)).not.toMatch(/Verstappen|annabel/i);

    // a second run, or a second instance, does it once
    expect(await app.running.services.retention.run()).toMatchObject({ anonymised: 0 });
    const noted = await app.graphql('mutation ($id: ID!) { addComplaintNote(id: $id, text: "nog iets") { id } }', { id: anna.id }, director.token);
    expect(noted.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('anonymises a held dossier on the first run after its hold is lifted', async () => {
    ben = await steps.read(ben, director.token);
    expect((await app.running.services.retention.run()).anonymised).toBe(0);
    const lifted = await app.graphql(
      'mutation ($id: ID!, $version: Int!) { liftLegalHold(id: $id, version: $version, reason: "Claim afgewikkeld") { id } }',
      { id: ben.id, version: ben.version },
      director.token,
    );
    expect(lifted.errors).toBeUndefined();
    expect(await app.running.services.retention.run()).toMatchObject({ anonymised: 1, held: 0, filesRemoved: 1 });
    expect(await findPersonalData(app.database.ownerUrl, [BEN.name, 'Oosterhuis', BEN.email, '1111 2222', BEN_DESCRIPTION])).toEqual([]);
    expect(await app.running.services.files.list('attachments/')).toEqual([]);
    const ledger = await app.graphql<{ retentionLedger: { total: number } }>(LEDGER, {}, director.token);
    expect(ledger.data!.retentionLedger.total).toBe(2);
  });

  it('lets the request role neither rewrite the ledger nor anonymise a dossier that must be kept', async () => {
    await asRequestRole(async (client) => {
      await expect(client.query('UPDATE retention_ledger SET rule = rule')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('DELETE FROM retention_ledger')).rejects.toMatchObject({ code: '42501' });
      const open = ok(await steps.register(director.token, { channel: 'PHONE' }));
      await expect(client.query(`SELECT public.anonymise_complaint($1, 'ERASURE_REQUEST', NULL, NULL, NULL, now())`, [open.id])).rejects.toMatchObject({
        code: '55000',
      });
    });
  });
});
