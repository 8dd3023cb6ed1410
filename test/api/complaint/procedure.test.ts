import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import { COMPLAINT_FIELDS, complainant, type ComplaintView } from './complaint-queries';
import { complaintSteps, deadline, ok } from './steps';

/**
 * The seeds' procedures end to end over HTTP, as the right roles, on a clock we set:
 * Thursday 2 April 2026, 10:00 in Amsterdam — Good Friday and Easter Monday follow.
 */
const clock = new FixedClock('2026-04-02T10:00:00');
let app: TestApp;
let adminToken: string;
let director: Member;
let qualityManager: Member;
let supervisor: Member;
let receiver: Member;
let handler: Member;
let otherEmployee: Member;
let unitId: string;

beforeAll(async () => {
  app = await startTestApp({ clock });
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  supervisor = await staffMember(app, adminToken, ['HANDLER'], { name: 'Sanne Leidinggevende' });
  receiver = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Rob Receptie', supervisorId: supervisor.id });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  otherEmployee = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Olga Ander' });
  unitId = await createUnit(app, adminToken, { code: 'NOORD', name: 'Regio Noord', directorId: director.id });
});
afterAll(() => app.stop());

const steps = () => complaintSteps(app);
const register = (token: string, input: Record<string, unknown>) => steps().register(token, input);
const forward = (c: ComplaintView, token: string, input: Record<string, unknown> = {}) => steps().forward(c, token, input);
const contact = (c: ComplaintView, token: string, input: Record<string, unknown>) => steps().contact(c, token, input);
const assign = (c: ComplaintView, token: string, handlerId: string) => steps().assign(c, token, handlerId);
const assess = (c: ComplaintView, token: string) => steps().assess(c, token);
const respond = (c: ComplaintView, token: string) => steps().respond(c, token);
const outcome = (c: ComplaintView, token: string) => steps().outcome(c, token);
const close = (c: ComplaintView, token: string) => steps().close(c, token);
const archive = (c: ComplaintView, token: string) => steps().archive(c, token);

describe('policy focus (seeds 000 and 001)', () => {
  it('runs from a phone call to the archive, with the deadlines the policy implies', async () => {
    clock.set('2026-04-02T10:00:00');
    let c = ok(await register(receiver.token, { unitId, subjectStaffIds: [otherEmployee.id] }));
    expect(c.reference).toMatch(/^KL-2026-\d{6}$/);
    expect(c.status).toBe('RECEIVED');
    expect(c.policy.key).toBe('focus');
    expect(c.deadlines.map((d) => [d.kind, d.dueDate, d.status])).toEqual([
      ['FORWARD', '2026-04-02', 'PENDING'],
      ['ACKNOWLEDGE', '2026-04-08', 'PENDING'], // Good Friday and Easter Monday do not count
      ['RESPOND', '2026-04-16', 'PENDING'],
      ['RECORD', '2026-04-23', 'PENDING'],
    ]);
    expect(deadline(c, 'FORWARD')!.dueAt).toBe('2026-04-02T21:59:59.999Z');
    expect(c.availableActions).toEqual(expect.arrayContaining(['FORWARD', 'ACKNOWLEDGE', 'WITHDRAW', 'ADD_NOTE']));
    expect(c.availableActions).not.toContain('ASSIGN_HANDLER');

    clock.set('2026-04-02T15:00:00');
    c = ok(await forward(c, receiver.token));
    expect(c.status).toBe('FORWARDED');
    expect(c.forwardedTo?.name).toBe('Sanne Leidinggevende');
    expect(deadline(c, 'FORWARD')).toMatchObject({ status: 'MET', metAt: '2026-04-02T13:00:00.000Z' });

    c = ok(await assign(c, director.token, handler.id));
    expect(c.handler?.name).toBe('Hanna Behandelaar');

    clock.set('2026-04-07T09:30:00');
    c = ok(await contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE', summary: 'Gebeld, klacht besproken' }));
    expect(c.status).toBe('ACKNOWLEDGED');
    expect(deadline(c, 'ACKNOWLEDGE')).toMatchObject({ status: 'MET', late: false });

    c = ok(await assess(c, handler.token));
    expect(c).toMatchObject({ status: 'IN_PROGRESS', verdict: 'WELL_FOUNDED', offer: ['APOLOGY'] });

    clock.set('2026-04-14T11:00:00');
    c = ok(await respond(c, handler.token));
    expect(c.status).toBe('RESPONDED');
    expect(deadline(c, 'RESPOND')!.status).toBe('MET');

    c = ok(await outcome(c, handler.token));
    expect(deadline(c, 'RECORD')!.status).toBe('MET');
    expect(c).toMatchObject({ customerAgreed: true, satisfaction: 4 });

    c = ok(await close(c, handler.token));
    expect(c.status).toBe('CLOSED');
    expect(c.nextDueAt).toBeNull();

    expect((await archive(c, handler.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    c = ok(await archive(c, qualityManager.token));
    expect(c.status).toBe('ARCHIVED');

    expect(c.history.map((event) => [event.type, event.toStatus, event.actor?.name ?? null])).toEqual([
      ['REGISTERED', 'RECEIVED', 'Rob Receptie'],
      ['FORWARDED', 'FORWARDED', 'Rob Receptie'],
      ['HANDLER_ASSIGNED', 'FORWARDED', 'Dirk Directeur'],
      ['CONTACT_RECORDED', 'ACKNOWLEDGED', 'Hanna Behandelaar'],
      ['ASSESSMENT_RECORDED', 'IN_PROGRESS', 'Hanna Behandelaar'],
      ['RESPONDED', 'RESPONDED', 'Hanna Behandelaar'],
      ['OUTCOME_RECORDED', 'RESPONDED', 'Hanna Behandelaar'],
      ['CLOSED', 'CLOSED', 'Hanna Behandelaar'],
      ['ARCHIVED', 'ARCHIVED', 'Kim Kwaliteit'],
    ]);
    expect(c.history[1].data).toMatchObject({ deadlinesMet: ['FORWARD'], toName: 'Sanne Leidinggevende' });
  });

  it('marks a deadline BREACHED once its day has passed, and met late when it is met after that', async () => {
    clock.set('2026-04-02T10:00:00');
    let c = ok(await register(receiver.token, {}));
    clock.set('2026-04-09T08:00:00');
    const read = await app.graphql<{ complaint: ComplaintView }>(
      `query ($id: ID) { complaint(id: $id) { ${COMPLAINT_FIELDS} } }`,
      { id: c.id },
      receiver.token,
    );
    expect(deadline(read.data!.complaint, 'ACKNOWLEDGE')!.status).toBe('BREACHED');
    expect(deadline(read.data!.complaint, 'FORWARD')!.status).toBe('BREACHED');
    c = ok(await contact(read.data!.complaint, receiver.token, { kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL' }));
    expect(deadline(c, 'ACKNOWLEDGE')).toMatchObject({ status: 'MET', late: true });
  });
});

describe('closing', () => {
  it('ends the open work: a lapsed deadline stays BREACHED, the complaint leaves the overdue list, the objection window stays', async () => {
    clock.set('2026-04-02T10:00:00');
    let c = ok(await register(receiver.token, {}));
    clock.set('2026-04-10T10:00:00'); // FORWARD (2 April) has lapsed
    c = ok(await assign(c, director.token, handler.id));
    c = ok(await contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    c = ok(await assess(c, handler.token));
    c = ok(await respond(c, handler.token));
    c = ok(await outcome(c, handler.token));
    c = ok(await close(c, handler.token));
    expect(c.deadlines.map((d) => [d.kind, d.status])).toEqual([
      ['FORWARD', 'BREACHED'],
      ['ACKNOWLEDGE', 'MET'],
      ['RESPOND', 'MET'],
      ['RECORD', 'MET'],
      ['OBJECTION_WINDOW', 'PENDING'],
    ]);
    expect(c.nextDueAt).toBeNull();
    const overdue = await app.graphql<{ complaintList: { total: number } }>(
      'query ($ids: [ID!]) { complaintList(filter: { overdue: true, ids: $ids }) { total } }',
      { ids: [c.id] },
      director.token,
    );
    expect(overdue.data?.complaintList.total).toBe(0);
    expect(c.availableActions).toContain('FILE_OBJECTION');
  });
});

describe('policy procedure-klachten (seed 002)', () => {
  it('gives 7 working days for the confirmation letter and 2 weeks for the answer', async () => {
    clock.set('2026-04-24T16:00:00'); // Friday before King's Day (Monday 27 April)
    const c = ok(
      await register(qualityManager.token, {
        channel: 'LETTER',
        policyKey: 'procedure-klachten',
        complainant: complainant({ email: null, postalAddress: 'Stationsweg 1, 1234 AB Utrecht' }),
      }),
    );
    expect(c.deadlines.map((d) => [d.kind, d.dueDate])).toEqual([
      ['ACKNOWLEDGE', '2026-05-07'], // 28, 29, 30 Apr, 1, 4, 6, 7 May: King's Day and 5 May skipped
      ['RESPOND', '2026-05-08'],
    ]);
  });
});

describe('policy reintegratie (seed 003)', () => {
  it('asks for an acknowledgement in 5 working days, a progress update in 10, and an answer in 4 weeks', async () => {
    clock.set('2026-05-11T09:00:00'); // Monday; Ascension Day 14 May and the decree day 15 May follow
    let c = ok(await register(director.token, { channel: 'EMAIL', policyKey: 'reintegratie' }));
    expect(c.deadlines.map((d) => [d.kind, d.dueDate])).toEqual([
      ['ACKNOWLEDGE', '2026-05-20'],
      ['PROGRESS_UPDATE', '2026-05-28'], // 12, 13, 18, 19, 20, 21, 22, 26 (Whit Monday 25th skipped), 27, 28
      ['RESPOND', '2026-06-08'],
    ]);
    c = ok(await assign(c, director.token, handler.id));
    c = ok(await contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL' }));
    clock.set('2026-05-22T10:00:00');
    c = ok(await contact(c, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'LETTER', summary: 'Antwoord volgt voor 8 juni' }));
    expect(c.status).toBe('IN_PROGRESS');
    expect(deadline(c, 'PROGRESS_UPDATE')!.status).toBe('MET');
    expect(c.policy.referral).toBe('OMBUDSMAN');
  });
});

describe('policy reset-partner (seed 004)', () => {
  it('gives exactly 48 hours to forward to the director of the unit', async () => {
    clock.set('2026-03-28T10:00:00'); // Saturday; summer time starts on Sunday 29 March
    let c = ok(await register(receiver.token, { policyKey: 'reset-partner', unitId }));
    expect(c.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([['FORWARD', '2026-03-30T09:00:00.000Z']]); // 11:00 summer time
    c = ok(await forward(c, receiver.token));
    expect(c.forwardedTo?.name).toBe('Dirk Directeur');
    expect(c.policy.referral).toBe('MEDIATOR');
  });
});

describe('signals', () => {
  it('registers and counts a signal without running the procedure', async () => {
    const c = ok(await register(receiver.token, { kind: 'SIGNAL' }));
    expect(c).toMatchObject({ kind: 'SIGNAL', status: 'CLOSED', deadlines: [] });
    expect(c.availableActions).toEqual(['ADD_NOTE']);
    expect((await forward(c, receiver.token)).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });
});

describe('refusals', () => {
  let c: ComplaintView;
  beforeEach(async () => {
    clock.set('2026-06-01T10:00:00');
    c = ok(await register(receiver.token, { subjectStaffIds: [handler.id] }));
  });

  it('refuses a step to the wrong role', async () => {
    const result = await assign(c, receiver.token, supervisor.id);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to make the subject of a complaint its handler', async () => {
    const result = await assign(c, director.token, handler.id);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT_OF_INTEREST', fieldErrors: { handlerId: 'is the subject of this complaint' } } });
    const reread = await app.graphql<{ complaint: ComplaintView }>(
      `query ($id: ID) { complaint(id: $id) { ${COMPLAINT_FIELDS} } }`,
      { id: c.id },
      director.token,
    );
    expect(reread.data?.complaint.handler).toBeNull();
    expect(reread.data?.complaint.version).toBe(c.version);
  });

  it('refuses a step out of order', async () => {
    const result = await respond(c, director.token);
    expect(result.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect(result.errors?.[0].message).toMatch(/RESPOND is not possible while KL-2026-\d+ is RECEIVED/);
  });

  it('refuses to respond before the assessment is recorded', async () => {
    let d = ok(await assign(c, director.token, supervisor.id));
    d = ok(await contact(d, supervisor.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    d = ok(await contact(d, supervisor.token, { kind: 'PROGRESS_UPDATE', channel: 'PHONE' }));
    const result = await respond(d, supervisor.token);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'INVALID_TRANSITION' }, message: expect.stringContaining('record the assessment') });
  });

  it('refuses a stale version: two people acting at once never lose a write', async () => {
    const [first, second] = await Promise.all([
      contact(c, receiver.token, { kind: 'OTHER', channel: 'PHONE', summary: 'Eerste' }),
      contact(c, receiver.token, { kind: 'OTHER', channel: 'PHONE', summary: 'Tweede' }),
    ]);
    const codes = [first, second].map((result) => result.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'STALE_VERSION']);
    const loser = first.errors ? first : second;
    expect(loser.errors?.[0].extensions?.currentVersion).toBe(c.version + 1);
  });

  it('refuses intake without name, contact details or description, field by field, and writes nothing', async () => {
    const before = await app.graphql<{ complaintList: { total: number } }>('{ complaintList { total } }', {}, director.token);
    const result = await register(receiver.token, { description: '', complainant: { name: '', email: null, phone: null, postalAddress: null } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fieldErrors).toEqual({
      description: expect.any(String),
      'complainant.name': expect.any(String),
      'complainant.email': expect.stringContaining('give an e-mail address, a phone number or a postal address'),
    });
    const after = await app.graphql<{ complaintList: { total: number } }>('{ complaintList { total } }', {}, director.token);
    expect(after.data?.complaintList.total).toBe(before.data?.complaintList.total);
  });

  it('refuses a receipt in the future, and accepts one in the past', async () => {
    const future = await register(receiver.token, { receivedAt: '2026-06-01T12:00:00+02:00' });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'RECEIVED_IN_FUTURE', fieldErrors: { receivedAt: 'lies in the future' } });
    const past = ok(await register(receiver.token, { receivedAt: '2026-05-29T16:00:00+02:00' }));
    expect(deadline(past, 'ACKNOWLEDGE')!.dueDate).toBe('2026-06-02');
  });

  it('refuses an unknown policy', async () => {
    const result = await register(receiver.token, { policyKey: 'no-such-policy' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNKNOWN_POLICY', fieldErrors: { policyKey: 'unknown policy' } });
  });
});

describe('attachments', () => {
  const ADD =
    'mutation ($id: ID!, $input: AttachmentInput!) { addAttachment(id: $id, input: $input) { attachments { fileName contentType sizeBytes storageKey } history { type data } } }';

  it('records the metadata of an attachment in the complaint and its history', async () => {
    clock.set('2026-06-02T10:00:00');
    const c = ok(await register(receiver.token, {}));
    const input = { fileName: 'brief-klager.pdf', contentType: 'application/pdf', sizeBytes: 48_213, storageKey: 'dms://klachten/2026/brief-klager.pdf' };
    const added = await app.graphql<{ addAttachment: { attachments: unknown[]; history: Array<{ type: string; data: Record<string, unknown> }> } }>(
      ADD,
      { id: c.id, input },
      receiver.token,
    );
    expect(added.data!.addAttachment.attachments).toEqual([input]);
    expect(added.data!.addAttachment.history.at(-1)).toMatchObject({ type: 'ATTACHMENT_ADDED', data: { fileName: 'brief-klager.pdf', sizeBytes: 48_213 } });
    const bad = await app.graphql(ADD, { id: c.id, input: { ...input, contentType: 'pdf' } }, receiver.token);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { contentType: 'must be a media type such as application/pdf' } });
    const stranger = await app.graphql(ADD, { id: c.id, input }, otherEmployee.token);
    expect(stranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('who sees what', () => {
  it('shows an EMPLOYEE what they registered or what names them, a HANDLER what is assigned, and answers NOT_FOUND otherwise', async () => {
    clock.set('2026-06-02T10:00:00');
    const mine = ok(await register(otherEmployee.token, { description: 'Van Olga geregistreerd' }));
    const query = `query ($id: ID) { complaint(id: $id) { reference } }`;
    expect((await app.graphql(query, { id: mine.id }, otherEmployee.token)).errors).toBeUndefined();
    const stranger = await app.graphql(query, { id: mine.id }, receiver.token);
    expect(stranger.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: `Complaint ${mine.id} does not exist.` });
    const unknown = await app.graphql(query, { id: '00000000-0000-4000-8000-000000000000' }, receiver.token);
    expect(unknown.errors?.[0].message).toBe('Complaint 00000000-0000-4000-8000-000000000000 does not exist.');

    expect((await app.graphql(query, { id: mine.id }, handler.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    ok(await assign(mine, director.token, handler.id));
    expect((await app.graphql(query, { id: mine.id }, handler.token)).errors).toBeUndefined();

    const list = await app.graphql<{ complaintList: { items: Array<{ reference: string }> } }>(
      '{ complaintList(perPage: 200) { items { reference } } }',
      {},
      otherEmployee.token,
    );
    // what they registered, and the complaint that names them (read as the employee concerned: test/api/concerned)
    expect(list.data?.complaintList.items.map((item) => item.reference).sort()).toEqual(['KL-2026-000001', mine.reference]);
  });

  it('keeps complaints from ADMIN and ANALYST accounts', async () => {
    const analyst = await staffMember(app, adminToken, ['ANALYST']);
    expect((await app.graphql('{ complaintList { total } }', {}, analyst.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql('{ complaintList { total } }', {}, adminToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('policies as data', () => {
  it('applies an edited policy to new complaints and never rewrites running ones', async () => {
    clock.set('2026-06-03T10:00:00');
    const before = ok(await register(receiver.token, { policyKey: 'procedure-klachten' }));
    const policies = await app.graphql<{ policyList: { items: Array<{ id: string; key: string; version: number }> } }>(
      '{ policyList { items { id key version } } }',
      {},
      adminToken,
    );
    const { id, version } = policies.data!.policyList.items.find((policy) => policy.key === 'procedure-klachten')!;
    const updated = await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: UpdatePolicyInput!) { updatePolicy(id: $id, version: $version, input: $input) { rules { kind amount unit startsAt } } }',
      {
        id,
        version,
        input: {
          rules: [
            { kind: 'ACKNOWLEDGE', amount: 3, unit: 'WORKING_DAYS' },
            { kind: 'RESPOND', amount: 3, unit: 'WEEKS' },
          ],
        },
      },
      adminToken,
    );
    expect(updated.errors).toBeUndefined();
    const after = ok(await register(receiver.token, { policyKey: 'procedure-klachten' }));
    expect(deadline(after, 'ACKNOWLEDGE')!.dueDate).toBe('2026-06-08');
    const reread = await app.graphql<{ complaint: ComplaintView }>(
      `query ($id: ID) { complaint(id: $id) { ${COMPLAINT_FIELDS} } }`,
      { id: before.id },
      receiver.token,
    );
    expect(deadline(reread.data!.complaint, 'ACKNOWLEDGE')!.dueDate).toBe('2026-06-12');
  });

  it('lets only an ADMIN add a policy, and refuses a duplicate key', async () => {
    const input = { key: 'eigen-procedure', name: 'Eigen procedure', rules: [{ kind: 'RESPOND', amount: 10, unit: 'WORKING_DAYS' }] };
    const mutation = 'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { key rules { kind startsAt } } }';
    expect((await app.graphql(mutation, { input }, director.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(mutation, { input }, adminToken)).data).toEqual({
      createPolicy: { key: 'eigen-procedure', rules: [{ kind: 'RESPOND', startsAt: 'RECEIPT' }] },
    });
    expect((await app.graphql(mutation, { input }, adminToken)).errors?.[0].extensions).toMatchObject({
      code: 'DUPLICATE_KEY',
      fieldErrors: { key: 'is already in use' },
    });
  });

  it("counts the organisation's own closing days for new deadlines", async () => {
    const created = await app.graphql('mutation { createCalendarDay(input: { date: "2026-06-05", description: "Teamdag" }) { id kind } }', {}, adminToken);
    expect(created.data).toEqual({ createCalendarDay: { id: '2026-06-05', kind: 'CLOSING' } });
    clock.set('2026-06-03T10:00:00');
    const c = ok(await register(receiver.token, {}));
    expect(deadline(c, 'ACKNOWLEDGE')!.dueDate).toBe('2026-06-08'); // Thursday 4th, (Friday 5th closed), Monday 8th
  });
});
