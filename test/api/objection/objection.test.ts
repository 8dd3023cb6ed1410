import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, deadline, ok } from '../complaint/steps';

/**
 * DOMAIN.md steps 7–9 under policy focus: objection within 15 days of the response, a hearing within
 * a week, settlement or the director's decision, and referral to a mediator or the ombudsman.
 */
const clock = new FixedClock('2026-04-02T10:00:00');
let app: TestApp;
let adminToken: string;
let director: Member;
let otherDirector: Member;
let handler: Member;
let qualityManager: Member;
let subject: Member;
let unitId: string;
let steps: ReturnType<typeof complaintSteps>;

const HEARING = `{ id status scheduledAt form chair { name } subjectEmployeeAttends heldAt heldForm settledAt complainantAgreedAt organisationAgreedBy { name } rescheduledFromId rescheduleReason }`;

beforeAll(async () => {
  app = await startTestApp({ clock });
  steps = complaintSteps(app);
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  otherDirector = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dora Directeur Zuid' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  subject = await staffMember(app, adminToken, ['HANDLER'], { name: 'Sam Onderwerp' });
  unitId = await createUnit(app, adminToken, { code: 'NOORD', name: 'Regio Noord', directorId: director.id });
});
afterAll(() => app.stop());

/** A complaint about `subject`, answered on Tuesday 14 April 2026 and recorded: under focus the objection window closes Wednesday 29 April. */
async function responded(policyKey = 'focus'): Promise<ComplaintView> {
  clock.set('2026-04-02T10:00:00');
  let c = ok(await steps.register(director.token, { unitId, policyKey, subjectStaffIds: [subject.id] }));
  if (c.availableActions.includes('FORWARD')) c = ok(await steps.forward(c, director.token, { toId: qualityManager.id }));
  c = ok(await steps.assign(c, director.token, handler.id));
  c = ok(await steps.contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  c = ok(await steps.assess(c, handler.token, { verdict: 'UNFOUNDED' }));
  clock.set('2026-04-14T11:00:00');
  c = ok(await steps.respond(c, handler.token));
  return ok(await steps.outcome(c, handler.token));
}

const objection = { channel: 'LETTER', grounds: 'Ik ben het niet eens met het antwoord: er is niets uitgelegd.' };
const hearingInput = (overrides: Record<string, unknown> = {}) => ({
  scheduledAt: '2026-05-04T14:00:00+02:00',
  form: 'OFFICE',
  location: 'Kantoor Noord, zaal 2',
  chairId: director.id,
  ...overrides,
});

describe('the focus path', () => {
  it('runs: response → objection on day 15 → hearing within a week with the employee present → settlement agreed → closed', async () => {
    let c = await responded();
    expect(deadline(c, 'OBJECTION_WINDOW')).toMatchObject({ dueDate: '2026-04-29', status: 'PENDING' });
    expect(c.availableActions).toContain('FILE_OBJECTION');

    clock.set('2026-04-29T16:00:00'); // day 15
    c = ok(await steps.fileObjection(c, handler.token, objection));
    expect(c.status).toBe('OBJECTED');
    expect(deadline(c, 'OBJECTION_WINDOW')).toMatchObject({ status: 'MET', late: false });
    expect(deadline(c, 'HEARING')).toMatchObject({ dueDate: '2026-05-06', status: 'PENDING' });
    expect(deadline(c, 'FINAL_DECISION')).toMatchObject({ dueDate: '2026-05-13', status: 'PENDING' });

    clock.set('2026-04-30T09:00:00');
    c = ok(await steps.scheduleHearing(c, handler.token, hearingInput({ subjectEmployeeAttends: true, complainantConsents: true, employeeConsents: true })));
    expect(deadline(c, 'HEARING')!.status).toBe('MET');
    expect(c.availableActions).toEqual(expect.arrayContaining(['RESCHEDULE_HEARING', 'RECORD_HEARING', 'WAIVE_HEARING']));

    const agenda = await app.graphql<{ hearingList: { items: Array<{ complaint: { reference: string }; chair: { name: string } }> } }>(
      '{ hearingList(filter: { upcoming: true }) { items { complaint { reference } chair { name } } } }',
      {},
      qualityManager.token,
    );
    expect(agenda.data?.hearingList.items).toContainEqual({ complaint: { reference: c.reference }, chair: { name: 'Dirk Directeur' } });

    clock.set('2026-05-04T15:30:00');
    c = ok(
      await steps.recordHearing(c, handler.token, { heldForm: 'OFFICE', minutes: 'Klager, behandelaar en Sam gehoord.', proposal: 'Extra gesprek en excuses' }),
    );
    c = ok(
      await steps.recordSettlement(c, handler.token, {
        terms: 'Extra gesprek en schriftelijke excuses',
        complainantAgreed: true,
        organisationAgreed: true,
        organisationAgreedById: director.id,
      }),
    );
    expect(c.status).toBe('CLOSED');
    expect(deadline(c, 'FINAL_DECISION')!.status).toBe('MET');

    const path = await app.graphql<{
      complaint: { objection: { late: boolean; director: { name: string }; settledAt: string }; hearings: Array<Record<string, unknown>> };
    }>(`query ($id: ID) { complaint(id: $id) { objection { late director { name } settledAt } hearings ${HEARING} } }`, { id: c.id }, handler.token);
    expect(path.data?.complaint.objection).toMatchObject({ late: false, director: { name: 'Dirk Directeur' }, settledAt: expect.any(String) });
    expect(path.data?.complaint.hearings).toEqual([
      expect.objectContaining({
        status: 'HELD',
        form: 'OFFICE',
        heldForm: 'OFFICE',
        subjectEmployeeAttends: true,
        organisationAgreedBy: { name: 'Dirk Directeur' },
        settledAt: expect.any(String),
      }),
    ]);
    expect(c.history.slice(-4).map((event) => event.type)).toEqual(['OBJECTION_FILED', 'HEARING_SCHEDULED', 'HEARING_HELD', 'SETTLEMENT_RECORDED']);
  });

  it('refuses an objection on day 16, unless a DIRECTOR accepts it with a reason', async () => {
    let c = await responded();
    clock.set('2026-04-30T09:00:00'); // day 16
    const late = await steps.fileObjection(c, handler.token, objection);
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'OBJECTION_LATE',
      fieldErrors: { receivedAt: 'after the objection window (closed 2026-04-29)' },
    });
    const byHandler = await steps.fileObjection(c, handler.token, { ...objection, acceptLateReason: 'Brief lag op de mat' });
    expect(byHandler.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    c = ok(await steps.fileObjection(c, director.token, { ...objection, acceptLateReason: 'Brief is op 28 april verstuurd; postvertraging' }));
    expect(c.status).toBe('OBJECTED');
    expect(deadline(c, 'OBJECTION_WINDOW')).toMatchObject({ status: 'MET', late: true });
  });

  it('gives a final decision within 2 weeks when the hearing is waived, by the director of the unit only', async () => {
    let c = await responded();
    clock.set('2026-04-20T10:00:00');
    c = ok(await steps.fileObjection(c, handler.token, objection));
    c = ok(await steps.waiveHearing(c, handler.token, { note: 'Klager wil geen hoorzitting' }));
    expect(c.deadlines.find((d) => d.kind === 'HEARING')).toBeUndefined(); // cancelled: shown only with includeCancelled
    expect(deadline(c, 'FINAL_DECISION')).toMatchObject({ dueDate: '2026-05-04', status: 'PENDING' });
    expect(c.nextDueAt).toBe('2026-05-04T21:59:59.999Z');

    const decision = {
      outcome: 'REJECTED',
      reasoning: 'Het antwoord was juist: de betaling is volgens afspraak gedaan.',
      furtherOptions: 'U kunt zich wenden tot een externe partij.',
    };
    expect((await steps.decideObjection(c, handler.token, decision)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await steps.decideObjection(c, otherDirector.token, decision)).errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('director of the unit'),
    });
    clock.set('2026-04-28T10:00:00');
    c = ok(await steps.decideObjection(c, director.token, decision));
    expect(c.status).toBe('CLOSED');
    expect(deadline(c, 'FINAL_DECISION')).toMatchObject({ status: 'MET', late: false });
  });

  it('keeps the history when a hearing is rescheduled', async () => {
    let c = await responded();
    clock.set('2026-04-21T10:00:00');
    c = ok(await steps.fileObjection(c, handler.token, objection));
    c = ok(await steps.scheduleHearing(c, handler.token, hearingInput({ scheduledAt: '2026-04-24T10:00:00+02:00', form: 'PHONE' })));
    c = ok(await steps.rescheduleHearing(c, handler.token, { scheduledAt: '2026-04-28T10:00:00+02:00', form: 'VIDEO', reason: 'Klager is ziek' }));
    const rescheduled = c;
    const path = await app.graphql<{
      complaint: { hearings: Array<{ status: string; form: string; rescheduledFromId: string | null; id: string; rescheduleReason: string | null }> };
    }>(`query ($id: ID) { complaint(id: $id) { hearings ${HEARING} } }`, { id: c.id }, handler.token);
    const [first, second] = path.data!.complaint.hearings;
    expect(first).toMatchObject({ status: 'RESCHEDULED', form: 'PHONE' });
    expect(second).toMatchObject({ status: 'SCHEDULED', form: 'VIDEO', rescheduledFromId: first.id, rescheduleReason: 'Klager is ziek' });

    ok(await steps.waiveHearing(rescheduled, handler.token, { note: 'Toch geen hoorzitting' }));
    const after = await app.graphql<{ complaint: { hearings: Array<{ status: string; rescheduleReason: string | null }> } }>(
      `query ($id: ID) { complaint(id: $id) { hearings ${HEARING} } }`,
      { id: c.id },
      handler.token,
    );
    expect(after.data!.complaint.hearings.map((h) => [h.status, h.rescheduleReason])).toEqual([
      ['RESCHEDULED', null],
      ['CANCELLED', 'Klager is ziek'],
    ]);
  });
});

describe('refusals on the objection path', () => {
  let c: ComplaintView;
  beforeEach(async () => {
    c = await responded();
    clock.set('2026-04-20T10:00:00');
    c = ok(await steps.fileObjection(c, handler.token, objection));
  });

  it('refuses the subject of the complaint as hearing chair', async () => {
    const result = await steps.scheduleHearing(c, handler.token, hearingInput({ chairId: subject.id }));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT_OF_INTEREST', fieldErrors: { chairId: 'is the subject of this complaint' } });
  });

  it('refuses a hearing in the past', async () => {
    const result = await steps.scheduleHearing(c, handler.token, hearingInput({ scheduledAt: '2026-04-20T09:00:00+02:00' }));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'HEARING_IN_PAST', fieldErrors: { scheduledAt: 'lies in the past' } });
  });

  it('refuses the employee complained about at the hearing without both consents', async () => {
    const result = await steps.scheduleHearing(c, handler.token, hearingInput({ subjectEmployeeAttends: true, complainantConsents: true }));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONSENT_MISSING' });
  });

  it('refuses a settlement without the agreement of both parties', async () => {
    c = ok(await steps.scheduleHearing(c, handler.token, hearingInput({ scheduledAt: '2026-04-22T10:00:00+02:00' })));
    clock.set('2026-04-22T11:00:00');
    c = ok(await steps.recordHearing(c, handler.token, { heldForm: 'PHONE', minutes: 'Gesprek gevoerd' }));
    const result = await steps.recordSettlement(c, handler.token, { terms: 'Vergoeding', complainantAgreed: true, organisationAgreed: false });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'SETTLEMENT_NOT_AGREED',
      fieldErrors: { organisationAgreed: 'the organisation has not agreed' },
    });
    expect((await steps.read(c, handler.token)).status).toBe('OBJECTED');
  });

  it('refuses a decision by anyone but a DIRECTOR', async () => {
    c = ok(await steps.waiveHearing(c, handler.token, {}));
    const result = await steps.decideObjection(c, qualityManager.token, {
      outcome: 'UPHELD',
      reasoning: 'Terecht bezwaar, de uitleg ontbrak.',
      furtherOptions: 'Geen',
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('external referral', () => {
  it('refers to a binding mediator and closes the complaint with the ruling', async () => {
    const party = await app.graphql<{ createExternalParty: { id: string; binding: boolean } }>(
      'mutation ($input: CreateExternalPartyInput!) { createExternalParty(input: $input) { id binding } }',
      { input: { name: 'Mr. M. Bemiddelaar (MfN-registermediator)', kind: 'MEDIATOR', email: 'mediator@example.org', binding: true } },
      adminToken,
    );
    expect(party.data?.createExternalParty.binding).toBe(true);
    let c = await responded('reset-partner');
    clock.set('2026-04-20T10:00:00');
    const refer = { partyId: party.data!.createExternalParty.id, reason: 'Niet intern op te lossen', whatSent: 'Dossier, antwoordbrief, verslag' };
    expect((await steps.refer(c, handler.token, refer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    c = ok(await steps.refer(c, director.token, refer));
    expect(c.status).toBe('REFERRED');

    const open = await app.graphql<{ referralList: { items: Array<{ complaint: { reference: string }; party: { kind: string }; binding: boolean }> } }>(
      '{ referralList(filter: { open: true }) { items { complaint { reference } party { kind } binding } } }',
      {},
      director.token,
    );
    expect(open.data?.referralList.items).toContainEqual({ complaint: { reference: c.reference }, party: { kind: 'MEDIATOR' }, binding: true });

    clock.set('2026-06-15T10:00:00');
    c = ok(await steps.recordReferralOutcome(c, qualityManager.token, { outcome: 'Bindend advies: vergoeding van € 250', outcomeDate: '2026-06-12' }));
    expect(c.status).toBe('CLOSED');
    const referral = await app.graphql<{
      complaint: { referrals: Array<{ outcome: string; outcomeDate: string; binding: boolean; referredBy: { name: string } }> };
    }>('query ($id: ID) { complaint(id: $id) { referrals { outcome outcomeDate binding referredBy { name } } } }', { id: c.id }, director.token);
    expect(referral.data?.complaint.referrals).toEqual([
      { outcome: 'Bindend advies: vergoeding van € 250', outcomeDate: '2026-06-12', binding: true, referredBy: { name: 'Dirk Directeur' } },
    ]);
  });

  it('refers to the Nationale ombudsman', async () => {
    const parties = await app.graphql<{ externalPartyList: { items: Array<{ id: string; name: string; binding: boolean }> } }>(
      '{ externalPartyList(filter: { kind: OMBUDSMAN }) { items { id name binding } } }',
      {},
      director.token,
    );
    const ombudsman = parties.data!.externalPartyList.items[0];
    expect(ombudsman).toMatchObject({ name: 'De Nationale ombudsman', binding: false });
    let c = await responded('reintegratie');
    expect(c.availableActions).not.toContain('FILE_OBJECTION'); // reintegratie has no objection step
    clock.set('2026-04-20T10:00:00');
    c = ok(await steps.refer(c, director.token, { partyId: ombudsman.id, reason: 'Klager wil naar de ombudsman', whatSent: 'Volledig dossier' }));
    expect(c.status).toBe('REFERRED');
    expect(c.history.at(-1)).toMatchObject({ type: 'REFERRED', data: expect.objectContaining({ partyName: 'De Nationale ombudsman', binding: false }) });
  });

  it('counts both referrals, the one outcome and its binding ruling in the statistics', async () => {
    const stats = await app.graphql<{ complaintStatistics: Array<{ referrals: number; referralOutcomes: number; bindingOutcomes: number }> }>(
      'query ($input: StatisticsInput!) { complaintStatistics(input: $input) { referrals referralOutcomes bindingOutcomes } }',
      { input: { from: '2026-01-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' } },
      director.token,
    );
    expect(stats.data?.complaintStatistics).toEqual([{ referrals: 2, referralOutcomes: 1, bindingOutcomes: 1 }]);
  });
});
