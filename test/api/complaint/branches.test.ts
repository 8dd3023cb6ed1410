import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import { complainant, type ComplaintView } from './complaint-queries';
import { complaintSteps, deadline, ok } from './steps';

/**
 * The seeds' branches (DOMAIN.md, "Branches of the seeds"), the deadlines that stop applying, and the
 * conflict rule on every step that acts for the organisation — over HTTP, as each seed's roles.
 */
const clock = new FixedClock('2026-04-24T10:00:00');
let app: TestApp;
let adminToken: string;
let director: Member;
let qualityManager: Member;
let subjectManager: Member;
let supervisor: Member;
let receiver: Member;
let handler: Member;
let unitId: string;
let steps: ReturnType<typeof complaintSteps>;

beforeAll(async () => {
  app = await startTestApp({ clock });
  steps = complaintSteps(app);
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  subjectManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Quinten Kwaliteit' });
  supervisor = await staffMember(app, adminToken, ['HANDLER'], { name: 'Sanne Leidinggevende' });
  receiver = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Rob Receptie', supervisorId: supervisor.id });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  unitId = await createUnit(app, adminToken, { code: 'NOORD', name: 'Regio Noord', directorId: director.id });
});
afterAll(() => app.stop());

const resolveDirectly = (c: ComplaintView, token: string, input: Record<string, unknown>) =>
  app.graphql<{ resolveComplaintDirectly: ComplaintView & { resolvedByReceiver: boolean } }>(
    `mutation ($id: ID!, $version: Int!, $input: DirectResolutionInput!) {
       resolveComplaintDirectly(id: $id, version: $version, input: $input) {
         id version status resolvedByReceiver availableActions deadlines { kind status metAt } history { type data actor { name } }
       }
     }`,
    { id: c.id, version: c.version, input },
    token,
  );

describe('the receiver resolves it (seed 004, reset-partner)', () => {
  it('records cause, solution and agreement: FORWARD is met, the complaint closed, visible to the director and counted', async () => {
    clock.set('2026-04-24T10:00:00');
    const c = ok(await steps.register(receiver.token, { policyKey: 'reset-partner', unitId }));
    expect(c.availableActions).toEqual(expect.arrayContaining(['RESOLVE_DIRECTLY', 'FORWARD']));
    const input = { cause: 'Factuur naar oud adres gestuurd', solution: 'Adres aangepast en factuur opnieuw verstuurd', customerAgreed: true };

    const disagreed = await resolveDirectly(c, receiver.token, { ...input, customerAgreed: false });
    expect(disagreed.errors?.[0].extensions).toMatchObject({ fieldCodes: { customerAgreed: { code: 'COMPLAINANT_NOT_AGREED' } } });
    expect((await resolveDirectly(c, handler.token, input)).errors?.[0].extensions?.code).toBe('NOT_FOUND'); // not theirs to see, let alone resolve

    clock.set('2026-04-24T11:30:00');
    const resolved = await resolveDirectly(c, receiver.token, input);
    expect(resolved.errors).toBeUndefined();
    const done = resolved.data!.resolveComplaintDirectly;
    expect(done).toMatchObject({ status: 'CLOSED', resolvedByReceiver: true });
    expect(done.deadlines).toEqual([{ kind: 'FORWARD', status: 'MET', metAt: '2026-04-24T09:30:00.000Z' }]);
    expect(done.history.map((event) => [event.type, event.actor?.name])).toEqual([
      ['REGISTERED', 'Rob Receptie'],
      ['RESOLVED_BY_RECEIVER', 'Rob Receptie'],
    ]);
    expect(done.history[1].data).toMatchObject({ deadlinesMet: ['FORWARD'] });

    const seen = await app.graphql<{ complaint: { status: string; cause: string; solution: string; customerAgreed: boolean } }>(
      'query ($id: ID) { complaint(id: $id) { status cause solution customerAgreed } }',
      { id: c.id },
      director.token,
    );
    expect(seen.data?.complaint).toEqual({ status: 'CLOSED', cause: input.cause, solution: input.solution, customerAgreed: true });

    const stats = await app.graphql<{
      complaintStatistics: Array<{ policy: string; complaints: number; resolvedByReceiver: number; compliance: Array<{ kind: string; onTime: number }> }>;
    }>(
      `query ($input: StatisticsInput!) { complaintStatistics(input: $input) { policy complaints resolvedByReceiver compliance { kind onTime } } }`,
      { input: { from: '2026-04-24T00:00:00+02:00', to: '2026-04-25T00:00:00+02:00', groupBy: ['POLICY'] } },
      qualityManager.token,
    );
    expect(stats.data?.complaintStatistics.find((row) => row.policy === 'reset-partner')).toMatchObject({
      complaints: 1,
      resolvedByReceiver: 1,
      compliance: [{ kind: 'FORWARD', onTime: 1 }],
    });
  });

  it('is not open under a policy that does not allow it, nor once the complaint was passed on', async () => {
    clock.set('2026-04-24T10:00:00');
    const focus = ok(await steps.register(receiver.token, { unitId }));
    expect(focus.availableActions).not.toContain('RESOLVE_DIRECTLY');
    const input = { cause: 'Oorzaak', solution: 'Oplossing', customerAgreed: true };
    expect((await resolveDirectly(focus, receiver.token, input)).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    let reset = ok(await steps.register(receiver.token, { policyKey: 'reset-partner', unitId }));
    reset = ok(await steps.forward(reset, receiver.token));
    expect(reset.forwardedTo?.name).toBe('Dirk Directeur');
    expect((await resolveDirectly(reset, receiver.token, input)).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });
});

describe('written complaints go to management (seed 002, procedure-klachten)', () => {
  it("forwards a letter or an e-mail to the unit's director in the intake's own transaction; a phone call waits", async () => {
    clock.set('2026-04-24T16:00:00');
    const letter = ok(
      await steps.register(qualityManager.token, {
        channel: 'LETTER',
        policyKey: 'procedure-klachten',
        unitId,
        complainant: complainant({ email: null, postalAddress: 'Stationsweg 1, 1234 AB Utrecht' }),
      }),
    );
    expect(letter).toMatchObject({ status: 'FORWARDED', forwardedTo: { name: 'Dirk Directeur' } });
    expect(letter.history.map((event) => [event.type, event.toStatus, event.actor?.name])).toEqual([
      ['REGISTERED', 'RECEIVED', 'Kim Kwaliteit'],
      ['FORWARDED', 'FORWARDED', 'Kim Kwaliteit'],
    ]);
    expect(letter.history[1].data).toMatchObject({ rule: 'WRITTEN_TO_MANAGEMENT', toName: 'Dirk Directeur' });
    expect((await steps.read(letter, director.token)).availableActions).toContain('ASSIGN_HANDLER');

    const email = ok(await steps.register(qualityManager.token, { channel: 'EMAIL', policyKey: 'procedure-klachten', unitId }));
    expect(email.status).toBe('FORWARDED');

    const phone = ok(await steps.register(qualityManager.token, { channel: 'PHONE', policyKey: 'procedure-klachten', unitId }));
    expect(phone).toMatchObject({ status: 'RECEIVED', forwardedTo: null });

    // no unit, so no director: registered, with a note saying why it was not forwarded
    const unplaced = ok(await steps.register(qualityManager.token, { channel: 'EMAIL', policyKey: 'procedure-klachten' }));
    expect(unplaced.status).toBe('RECEIVED');
    expect(unplaced.history.at(-1)).toMatchObject({ type: 'NOTE_ADDED', data: { rule: 'WRITTEN_TO_MANAGEMENT' } });

    // the director the letter is about is not the one it goes to
    const aboutDirector = ok(
      await steps.register(qualityManager.token, { channel: 'EMAIL', policyKey: 'procedure-klachten', unitId, subjectStaffIds: [director.id] }),
    );
    expect(aboutDirector).toMatchObject({ status: 'RECEIVED', forwardedTo: null });
  });
});

describe('the focus walk where the receiver acknowledges first (seeds 000, 001)', () => {
  it('forwards after the acknowledgement: the status stays ACKNOWLEDGED and FORWARD is met, not breached', async () => {
    clock.set('2026-04-24T10:00:00');
    let c = ok(await steps.register(receiver.token, { unitId }));
    c = ok(await steps.contact(c, receiver.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE', summary: 'Klacht aan de telefoon bevestigd' }));
    expect(c.status).toBe('ACKNOWLEDGED');
    expect(c.availableActions).toContain('FORWARD');
    clock.set('2026-04-24T15:00:00');
    c = ok(await steps.forward(c, receiver.token));
    expect(c).toMatchObject({ status: 'ACKNOWLEDGED', forwardedTo: { name: 'Sanne Leidinggevende' } });
    expect(deadline(c, 'FORWARD')).toMatchObject({ status: 'MET', late: false });
    expect(c.availableActions).not.toContain('FORWARD');
    c = ok(await steps.assign(c, director.token, handler.id));
    expect(c.status).toBe('ACKNOWLEDGED');
  });

  it('cancels FORWARD once a handler is assigned without it: never left to breach', async () => {
    clock.set('2026-04-24T10:00:00');
    let c = ok(await steps.register(director.token, { unitId }));
    c = ok(await steps.assign(c, director.token, handler.id));
    clock.set('2026-05-04T10:00:00');
    c = await steps.read(c, handler.token);
    expect(c.deadlines.find((d) => d.kind === 'FORWARD')).toBeUndefined(); // the default list leaves cancelled ones out
    expect(c.history.find((event) => event.type === 'HANDLER_ASSIGNED')?.data).toMatchObject({ deadlinesCancelled: ['FORWARD'] });
    const overdue = await app.graphql<{ complaintList: { items: Array<{ id: string }> } }>(
      '{ complaintList(filter: { overdue: true }, perPage: 100) { items { id } } }',
      {},
      director.token,
    );
    const ids = overdue.data!.complaintList.items.map((item) => item.id);
    // ACKNOWLEDGE (due 28 Apr) is overdue, so it is listed for that: the FORWARD it no longer owes is not
    const forwards = await app.graphql<{ complaint: { deadlines: Array<{ kind: string; status: string; cancelledAt: string | null }> } }>(
      'query ($id: ID) { complaint(id: $id) { deadlines(includeCancelled: true) { kind status cancelledAt } } }',
      { id: c.id },
      director.token,
    );
    expect(ids).toContain(c.id);
    expect(forwards.data?.complaint.deadlines.find((d) => d.kind === 'FORWARD')).toMatchObject({
      status: 'CANCELLED',
      cancelledAt: '2026-04-24T08:00:00.000Z',
    });
  });
});

describe('after a referral', () => {
  it('cancels HEARING and FINAL_DECISION: they are not overdue and count in no compliance figure', async () => {
    clock.set('2026-04-02T10:00:00');
    let c = ok(await steps.register(director.token, { unitId }));
    c = ok(await steps.assign(c, director.token, handler.id));
    c = ok(await steps.contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    c = ok(await steps.assess(c, handler.token, { verdict: 'UNFOUNDED' }));
    clock.set('2026-04-14T11:00:00');
    c = ok(await steps.respond(c, handler.token));
    c = ok(await steps.outcome(c, handler.token));
    clock.set('2026-04-20T10:00:00');
    c = ok(await steps.fileObjection(c, handler.token, { channel: 'LETTER', grounds: 'Ik ben het niet eens met het antwoord: niets uitgelegd.' }));
    expect(deadline(c, 'HEARING')).toMatchObject({ dueDate: '2026-04-28', status: 'PENDING' }); // a week: Mon 27 Apr is King's Day
    const parties = await app.graphql<{ externalPartyList: { items: Array<{ id: string }> } }>(
      '{ externalPartyList(filter: { kind: OMBUDSMAN }) { items { id } } }',
      {},
      director.token,
    );
    clock.set('2026-04-21T10:00:00');
    c = ok(
      await steps.refer(c, director.token, {
        partyId: parties.data!.externalPartyList.items[0].id,
        reason: 'Klager wil naar de ombudsman',
        whatSent: 'Dossier',
      }),
    );
    expect(c.status).toBe('REFERRED');
    expect(c.history.at(-1)).toMatchObject({ type: 'REFERRED', data: expect.objectContaining({ deadlinesCancelled: ['HEARING', 'FINAL_DECISION'] }) });

    clock.set('2026-06-01T10:00:00'); // long after both were due
    c = await steps.read(c, director.token);
    expect(c.deadlines.filter((d) => d.status === 'BREACHED')).toEqual([]);
    expect(c.nextDueAt).toBeNull();
    const stats = await app.graphql<{ complaintStatistics: Array<{ compliance: Array<{ kind: string }> }> }>(
      `query ($input: StatisticsInput!) { complaintStatistics(input: $input) { compliance { kind } } }`,
      { input: { from: '2026-04-02T00:00:00+02:00', to: '2026-04-03T00:00:00+02:00' } },
      qualityManager.token,
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data?.complaintStatistics[0].compliance.map((row) => row.kind)).not.toContain('HEARING');
    expect(stats.data?.complaintStatistics[0].compliance.map((row) => row.kind)).not.toContain('FINAL_DECISION');
  });
});

describe('the conflict rule on every step that acts for the organisation', () => {
  const conflict = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0].extensions?.code;

  it('refuses a QUALITY_MANAGER the complaint is about on each such step, and lets another do it', async () => {
    clock.set('2026-04-02T10:00:00');
    let c = ok(await steps.register(director.token, { unitId, subjectStaffIds: [subjectManager.id] }));
    const other = qualityManager.token;
    const own = subjectManager.token;

    expect(conflict(await steps.contact(c, own, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }))).toBe('CONFLICT_OF_INTEREST');
    c = ok(await steps.contact(c, other, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    c = ok(await steps.assign(c, director.token, handler.id));
    expect(conflict(await steps.assess(c, own))).toBe('CONFLICT_OF_INTEREST');
    c = ok(await steps.assess(c, handler.token, { verdict: 'UNFOUNDED' }));
    clock.set('2026-04-14T11:00:00');
    expect(conflict(await steps.respond(c, own))).toBe('CONFLICT_OF_INTEREST');
    c = ok(await steps.respond(c, handler.token));
    expect(conflict(await steps.outcome(c, own))).toBe('CONFLICT_OF_INTEREST');

    clock.set('2026-04-20T10:00:00');
    const objection = { channel: 'LETTER', grounds: 'Ik ben het niet eens met het antwoord: niets uitgelegd.' };
    expect(conflict(await steps.fileObjection(c, own, objection))).toBe('CONFLICT_OF_INTEREST');
    c = ok(await steps.fileObjection(c, other, objection));
    const hearing = { scheduledAt: '2026-04-23T14:00:00+02:00', form: 'OFFICE', location: 'Kantoor Noord', chairId: director.id };
    expect(conflict(await steps.scheduleHearing(c, own, hearing))).toBe('CONFLICT_OF_INTEREST');
    c = ok(await steps.scheduleHearing(c, other, hearing));
    clock.set('2026-04-23T15:30:00');
    const held = { heldForm: 'OFFICE', minutes: 'Klager en behandelaar gehoord.', proposal: 'Excuses' };
    expect(conflict(await steps.recordHearing(c, own, held))).toBe('CONFLICT_OF_INTEREST');
    c = ok(await steps.recordHearing(c, other, held));
    const settlement = { terms: 'Schriftelijke excuses', complainantAgreed: true, organisationAgreed: true, organisationAgreedById: subjectManager.id };
    // as the one who records it, and as the one who agrees for the organisation
    expect(conflict(await steps.recordSettlement(c, own, { ...settlement, organisationAgreedById: director.id }))).toBe('CONFLICT_OF_INTEREST');
    expect((await steps.recordSettlement(c, other, settlement)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT_OF_INTEREST',
      fieldCodes: { organisationAgreedById: { code: 'IS_SUBJECT' } },
    });
    c = ok(await steps.recordSettlement(c, other, { ...settlement, organisationAgreedById: director.id }));
    expect(c.status).toBe('CLOSED');
    expect(conflict(await steps.archive(c, own))).toBe('CONFLICT_OF_INTEREST');
    c = ok(await steps.archive(c, other));
    expect(c.status).toBe('ARCHIVED');
  });
});
