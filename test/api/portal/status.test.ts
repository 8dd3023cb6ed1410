import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complainant } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * The complainant's status page (issue 15): submitComplaint answers a secret code besides the reference; with both,
 * complaintStatus tells where the complaint stands and what comes next. A wrong code and an unknown reference get
 * identical answers; ten wrong codes close a reference for a while; the status never holds a member of staff, a
 * note or an assessment the complainant was not sent.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let director: Member;
let steps: ReturnType<typeof complaintSteps>;

const SUBMIT = 'mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference statusCode } }';
const STATUS = `query ($reference: String!, $code: String!) {
  complaintStatus(reference: $reference, code: $code) {
    reference receivedAt stage nextStep nextStepDueDate answeredAt objectionUntil informationQuestion informationAnswerBy
    hearing { at form location } letters { kind subject sentAt } closedAt
  }
}`;

async function submitted(key?: string, person = complainant()) {
  const result = await app.graphql<{ submitComplaint: { reference: string; statusCode: string } }>(SUBMIT, {
    input: { complainant: person, description: 'Mijn jobcoach belde niet terug.', ...(key ? { idempotencyKey: key } : {}) },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.submitComplaint;
}

const status = (reference: string, code: string, headers: Record<string, string> = {}) =>
  app.graphql<{ complaintStatus: Record<string, unknown> }>(STATUS, { reference, code }, undefined, headers);

beforeAll(async () => {
  app = await startTestApp({ clock, env: { SUBMIT_RATE_LIMIT: '1000', TRUSTED_PROXIES: 'loopback' } });
  director = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR'], { name: 'Dirk Directeur' });
  steps = complaintSteps(app);
});
afterAll(() => app.stop());

it('gives a code with the reference, the same again on a retry, and opens the status with it', async () => {
  const person = complainant();
  const first = await submitted('status-form-1', person);
  expect(first.statusCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  expect(await submitted('status-form-1', person)).toEqual(first);

  const result = await status(first.reference, first.statusCode.toLowerCase().replace(/-/g, ''));
  expect(result.errors).toBeUndefined();
  expect(result.data!.complaintStatus).toMatchObject({ reference: first.reference, stage: 'RECEIVED', letters: expect.any(Array) });
  // the confirmation of receipt went out at once (procedure-klachten's default: it counts as the first contact)
  expect(result.data!.complaintStatus.nextStep).toEqual(expect.stringMatching(/^(CONTACT|PROGRESS_UPDATE|ANSWER)$/));
});

it('answers a wrong code and an unknown reference identically', async () => {
  const { reference } = await submitted();
  const wrong = await status(reference, 'AAAA-BBBB-CCCC-DDDD', { 'x-forwarded-for': '203.0.113.7' });
  const unknown = await status('KL-2026-999999', 'AAAA-BBBB-CCCC-DDDD', { 'x-forwarded-for': '203.0.113.8' });
  const strip = (answer: typeof wrong) => ({ status: answer.status, data: answer.data, errors: answer.errors });
  expect(strip(wrong)).toEqual(strip(unknown));
  expect(wrong.errors?.[0].extensions?.code).toBe('NOT_FOUND');
});

it('closes a reference for a while after ten wrong codes, also for the right one and for an unknown reference', async () => {
  const { reference, statusCode } = await submitted();
  for (let i = 0; i < 10; i++) expect((await status(reference, `AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect((await status(reference, statusCode)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  for (let i = 0; i < 10; i++) await status('KL-2026-888888', `AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}`);
  expect((await status('KL-2026-888888', statusCode)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
});

it('tells what comes next without a member of staff, a note or an assessment not yet sent', async () => {
  const { reference, statusCode } = await submitted();
  const found = await app.graphql<{ complaint: { id: string } }>(
    'query ($reference: String) { complaint(reference: $reference) { id } }',
    { reference },
    director.token,
  );
  let c = await steps.read(found.data!.complaint, director.token);
  c = ok(await steps.assign(c, director.token, director.id));
  if (c.status === 'RECEIVED' || c.status === 'FORWARDED') c = ok(await steps.contact(c, director.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  await app.graphql('mutation ($id: ID!) { addComplaintNote(id: $id, text: "Interne notitie: klager is lastig") { id } }', { id: c.id }, director.token);
  c = await steps.read(c, director.token);
  c = ok(await steps.assess(c, director.token, { cause: 'Geheime oorzaak', solution: 'Geheime oplossing' }));

  const before = JSON.stringify((await status(reference, statusCode)).data);
  for (const secret of ['Dirk', director.email, 'Interne notitie', 'Geheime oorzaak', 'Geheime oplossing', 'WELL_FOUNDED'])
    expect(before).not.toContain(secret);
  expect(JSON.parse(before).complaintStatus).toMatchObject({ stage: 'IN_HANDLING', nextStep: expect.any(String), answeredAt: null, objectionUntil: null });

  ok(await steps.respond(c, director.token, { summary: 'Onze excuses.', channel: 'LETTER' }));
  const after = (await status(reference, statusCode)).data!.complaintStatus;
  expect(after).toMatchObject({ stage: 'ANSWERED', answeredAt: expect.any(String), objectionUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  expect(JSON.stringify(after)).not.toContain('Dirk');
});

it('lets staff issue a new code: the old one no longer opens the status', async () => {
  const { reference, statusCode } = await submitted();
  const found = await app.graphql<{ complaint: { id: string; version: number } }>(
    'query ($reference: String) { complaint(reference: $reference) { id version } }',
    { reference },
    director.token,
  );
  const issued = await app.graphql<{
    issueStatusCode: { code: string; complaint: { statusCodeIssuedAt: string; history: Array<{ type: string; data: object }> } };
  }>(
    'mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code complaint { statusCodeIssuedAt history { type data } } } }',
    { id: found.data!.complaint.id, version: found.data!.complaint.version },
    director.token,
  );
  expect(issued.errors).toBeUndefined();
  const { code, complaint } = issued.data!.issueStatusCode;
  expect(code).not.toBe(statusCode);
  expect(complaint.history.at(-1)).toMatchObject({ type: 'STATUS_CODE_ISSUED' });
  expect(JSON.stringify(complaint.history)).not.toContain(code);
  expect((await status(reference, code)).errors).toBeUndefined();
  expect((await status(reference, statusCode)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  // no one but staff: anonymous callers cannot issue one
  expect(
    (await app.graphql('mutation ($id: ID!) { issueStatusCode(id: $id, version: 1) { code } }', { id: found.data!.complaint.id })).errors?.[0].extensions?.code,
  ).toBe('UNAUTHENTICATED');
});
