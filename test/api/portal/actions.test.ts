import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import { startSmtpPeer, type SmtpPeer } from '../../helpers/smtp-peer';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, deadline, ok } from '../complaint/steps';

/**
 * The complainant acting online (issue 15) with the reference and the code, as the procedure table's party
 * COMPLAINANT: answering a request for information (the clock runs again), objecting within the staff path's window
 * (day 15 yes, day 16 no), accepting or waiving the hearing, and the satisfaction survey with its two scores and
 * "please reopen". Each is an event on the complaint, its deadlines met, and the answer never names anyone of the staff.
 */
const clock = new FixedClock('2026-04-02T10:00:00');
let app: TestApp;
let director: Member;
let handler: Member;
let qualityManager: Member;
let unitId: string;
let steps: ReturnType<typeof complaintSteps>;
let peer: SmtpPeer;

const PUBLIC = `handlerName reference stage nextStep nextStepDueDate answeredAt objectionUntil objectionFiledAt informationQuestion informationAnswerBy
  hearing { at form location accepted } letters { url kind subject sentAt } closedAt actions reopenPossible
  survey { answeredAt handling outcome reopenRequested reopenDecision reopenDeclinedReason }`;
const LOOKUP = '$reference: String!, $code: String!';

interface PublicStatus {
  stage: string;
  nextStep: string | null;
  actions: string[];
  reopenPossible: boolean;
  objectionUntil: string | null;
  objectionFiledAt: string | null;
  informationQuestion: string | null;
  hearing: { at: string; form: string; location: string | null; accepted: boolean } | null;
  letters: Array<{ url: string; kind: string }>;
  survey: { handling: number; outcome: number; reopenRequested: boolean; reopenDecision: string | null; reopenDeclinedReason: string | null } | null;
}
type Answer = Awaited<ReturnType<typeof app.graphql<Record<string, PublicStatus>>>>;

/** A complaint by phone under `policyKey` and its code, issued by staff (it goes out with the acknowledgement). */
async function registered(policyKey = 'focus'): Promise<{ c: ComplaintView; reference: string; code: string }> {
  let c = ok(await steps.register(director.token, { unitId, policyKey }));
  const issued = await app.graphql<{ issueStatusCode: { code: string } }>(
    'mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code } }',
    { id: c.id, version: c.version },
    director.token,
  );
  c = await steps.read(c, director.token);
  return { c, reference: c.reference, code: issued.data!.issueStatusCode.code };
}

/** Registered 2 April 2026, answered Tuesday 14 April: under focus the objection window closes Wednesday 29 April. */
async function responded() {
  clock.set('2026-04-02T10:00:00');
  const found = await registered();
  let { c } = found;
  if (c.availableActions.includes('FORWARD')) c = ok(await steps.forward(c, director.token, { toId: qualityManager.id }));
  c = ok(await steps.assign(c, director.token, handler.id));
  c = ok(await steps.contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  c = ok(await steps.assess(c, handler.token, { verdict: 'UNFOUNDED' }));
  clock.set('2026-04-14T11:00:00');
  c = ok(await steps.respond(c, handler.token));
  return { ...found, c };
}

const status = (reference: string, code: string) =>
  app.graphql<{ complaintStatus: PublicStatus }>(`query (${LOOKUP}) { complaintStatus(reference: $reference, code: $code) { ${PUBLIC} } }`, {
    reference,
    code,
  });

function online(mutation: string, inputType: string | null, reference: string, code: string, input?: Record<string, unknown>): Promise<Answer> {
  const args = inputType ? `${LOOKUP}, $input: ${inputType}` : LOOKUP;
  const call = inputType ? `${mutation}(reference: $reference, code: $code, input: $input)` : `${mutation}(reference: $reference, code: $code)`;
  return app.graphql<Record<string, PublicStatus>>(`mutation (${args}) { ${call} { ${PUBLIC} } }`, { reference, code, input });
}

function done(answer: Answer): PublicStatus {
  if (answer.errors || !answer.data) throw new Error(JSON.stringify(answer.errors));
  return Object.values(answer.data)[0];
}

async function upload(fileName: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'))]), fileName);
  const response = await fetch(`${app.url}/uploads`, { method: 'POST', body: form });
  return ((await response.json()) as { upload: { id: string } }).upload.id;
}

async function notificationsOf(member: Member): Promise<Array<{ kind: string; complaintId: string; data: Record<string, unknown> }>> {
  const result = await app.graphql<{ myNotifications: { items: Array<{ kind: string; complaintId: string; data: Record<string, unknown> }> } }>(
    '{ myNotifications(perPage: 100) { items { kind complaintId data } } }',
    {},
    member.token,
  );
  return result.data!.myNotifications.items;
}

/** Nobody of the staff, no note, no assessment: checked over the whole answer. */
function namesNoOne(answer: unknown): void {
  const text = JSON.stringify(answer);
  for (const member of [director, handler, qualityManager]) {
    expect(text).not.toContain(member.name);
    expect(text).not.toContain(member.email);
  }
  for (const secret of ['Betaalrun gemist', 'Handmatig uitbetaald', 'Interne notitie', 'UNFOUNDED']) expect(text).not.toContain(secret);
}

beforeAll(async () => {
  peer = await startSmtpPeer();
  app = await startTestApp({ clock, env: { SUBMIT_RATE_LIMIT: '1000', SMTP_URL: peer.url } });
  steps = complaintSteps(app);
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  unitId = await createUnit(app, adminToken, { code: 'NOORD', name: 'Regio Noord', directorId: director.id });
});
afterAll(async () => {
  await app.stop();
  await peer.stop();
});

describe('a request for information, answered online', () => {
  it('resumes the paused clock with the answer and its file, as an event of the complainant, and tells the handler', async () => {
    clock.set('2026-06-01T10:00:00');
    const { c: registeredOne, reference, code } = await registered();
    let c = ok(await steps.assign(registeredOne, director.token, handler.id));
    c = ok(await steps.contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    const before = deadline(c, 'RESPOND')!.dueDate;
    clock.set('2026-06-03T10:00:00');
    const asked = await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: InformationRequestInput!) { requestInformation(id: $id, version: $version, input: $input) { id } }',
      { id: c.id, version: c.version, input: { question: 'Stuurt u de brief van het UWV mee?', channel: 'EMAIL' } },
      handler.token,
    );
    expect(asked.errors).toBeUndefined();

    const waiting = done(await status(reference, code));
    expect(waiting).toMatchObject({ stage: 'WAITING_FOR_YOU', informationQuestion: 'Stuurt u de brief van het UWV mee?' });
    expect(waiting.actions).toContain('ANSWER_INFORMATION');

    clock.set('2026-06-08T10:00:00');
    const file = await upload('brief-uwv.pdf');
    const after = done(
      await online('answerInformationRequest', 'InformationAnswerInput!', reference, code, { answer: 'Hierbij de brief.', attachmentIds: [file] }),
    );
    expect(after.stage).toBe('IN_HANDLING');
    expect(after.actions).not.toContain('ANSWER_INFORMATION');
    namesNoOne(after);

    const view = await app.graphql<{
      complaint: {
        pausedSince: string | null;
        attachments: Array<{ fileName: string }>;
        contactMoments: Array<{ kind: string; channel: string; by: unknown }>;
      };
    }>(
      'query ($id: ID) { complaint(id: $id) { pausedSince attachments { fileName } contactMoments { kind channel by { name } } } }',
      { id: c.id },
      handler.token,
    );
    expect(view.data!.complaint.pausedSince).toBeNull();
    expect(view.data!.complaint.attachments).toEqual([{ fileName: 'brief-uwv.pdf' }]);
    expect(view.data!.complaint.contactMoments).toContainEqual({ kind: 'INFORMATION_RECEIVED', channel: 'WEB_FORM', by: null });
    c = await steps.read(c, handler.token);
    // paused from 3 to 8 June: five calendar days on a two-week rule, rolled to a working day
    expect(deadline(c, 'RESPOND')).toMatchObject({ status: 'PENDING' });
    expect(deadline(c, 'RESPOND')!.dueDate > before).toBe(true);
    const resumed = c.history.filter((event) => event.type === 'RESUMED').at(-1)!;
    expect(resumed).toMatchObject({ actor: null, data: { by: 'COMPLAINANT', channel: 'WEB_FORM', endedBy: 'ANSWERED', files: 1 } });
    expect(c.history.map((event) => event.type)).toContain('ATTACHMENT_ADDED');
    expect(await notificationsOf(handler)).toContainEqual(expect.objectContaining({ kind: 'INFORMATION_RECEIVED', complaintId: c.id }));

    // answered once: there is nothing left to answer
    expect((await online('answerInformationRequest', 'InformationAnswerInput!', reference, code, { answer: 'Nog iets.' })).errors?.[0].extensions?.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('takes nothing from a wrong code, and answers it as an unknown reference', async () => {
    const { reference } = await registered();
    const wrong = await online('answerInformationRequest', 'InformationAnswerInput!', reference, 'AAAA-BBBB-CCCC-DDDD', { answer: 'x' });
    const unknown = await online('answerInformationRequest', 'InformationAnswerInput!', 'KL-2026-999999', 'AAAA-BBBB-CCCC-DDDD', { answer: 'x' });
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('an objection online', () => {
  it('is accepted on day 15, as written, meeting the window and opening the hearing and the decision; the director hears of it', async () => {
    const { c, reference, code } = await responded();
    clock.set('2026-04-29T16:00:00'); // day 15
    const open = done(await status(reference, code));
    expect(open).toMatchObject({ stage: 'ANSWERED', objectionUntil: '2026-04-29' });
    expect(open.actions).toContain('OBJECT');

    const objected = done(await online('fileObjectionOnline', 'OnlineObjectionInput!', reference, code, { grounds: 'Er is niets uitgelegd.' }));
    expect(objected).toMatchObject({ stage: 'OBJECTION', objectionFiledAt: expect.any(String), nextStep: 'HEARING' });
    namesNoOne(objected);

    const after = await steps.read(c, director.token);
    expect(after.status).toBe('OBJECTED');
    expect(deadline(after, 'OBJECTION_WINDOW')).toMatchObject({ status: 'MET', late: false });
    expect(deadline(after, 'HEARING')).toMatchObject({ dueDate: '2026-05-06', status: 'PENDING' });
    expect(after.history.at(-1)).toMatchObject({ type: 'OBJECTION_FILED', actor: null, data: { by: 'COMPLAINANT', channel: 'WEB_FORM', late: false } });
    expect(await notificationsOf(director)).toContainEqual(expect.objectContaining({ kind: 'OBJECTION_FILED', complaintId: c.id }));
  });

  it('is refused on day 16, as the staff path refuses it, and no longer offered', async () => {
    const { c, reference, code } = await responded();
    clock.set('2026-04-30T09:00:00'); // day 16
    const closed = done(await status(reference, code));
    expect(closed.objectionUntil).toBeNull();
    expect(closed.actions).not.toContain('OBJECT');
    const late = await online('fileObjectionOnline', 'OnlineObjectionInput!', reference, code, { grounds: 'Te laat, maar toch.' });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'OBJECTION_LATE', windowDueDate: '2026-04-29' });
    expect((await steps.read(c, director.token)).status).toBe('RESPONDED');
  });
});

describe('the hearing, answered online', () => {
  it('is accepted (the chair and the handler hear of it), asked again when moved, then waived: the director decides without it', async () => {
    const { c: answered, reference, code } = await responded();
    clock.set('2026-04-20T10:00:00');
    done(await online('fileObjectionOnline', 'OnlineObjectionInput!', reference, code, { grounds: 'Oneens.' }));
    let c = await steps.read(answered, handler.token);
    expect(done(await status(reference, code)).actions).toEqual(expect.arrayContaining(['WAIVE_HEARING']));
    expect(done(await status(reference, code)).actions).not.toContain('ACCEPT_HEARING');

    c = ok(
      await steps.scheduleHearing(c, handler.token, {
        scheduledAt: '2026-04-24T14:00:00+02:00',
        form: 'OFFICE',
        location: 'Kantoor Noord',
        chairId: director.id,
      }),
    );
    const invited = done(await status(reference, code));
    expect(invited).toMatchObject({ stage: 'HEARING_PLANNED', hearing: { form: 'OFFICE', location: 'Kantoor Noord', accepted: false } });
    expect(invited.actions).toEqual(expect.arrayContaining(['ACCEPT_HEARING', 'WAIVE_HEARING']));
    namesNoOne(invited);

    const accepted = done(await online('answerHearing', 'HearingAnswerInput!', reference, code, { attend: true }));
    expect(accepted.hearing).toMatchObject({ accepted: true });
    expect(accepted.actions).not.toContain('ACCEPT_HEARING');
    expect(await notificationsOf(director)).toContainEqual(
      expect.objectContaining({ kind: 'HEARING_ANSWERED', complaintId: c.id, data: expect.objectContaining({ accepted: true }) }),
    );
    c = await steps.read(c, handler.token);
    expect(c.history.at(-1)).toMatchObject({ type: 'HEARING_ACCEPTED', actor: null, data: { by: 'COMPLAINANT' } });

    c = ok(await steps.rescheduleHearing(c, handler.token, { scheduledAt: '2026-04-27T10:00:00+02:00', reason: 'Zaal bezet' }));
    expect(done(await status(reference, code)).hearing).toMatchObject({ accepted: false });

    const waived = done(await online('answerHearing', 'HearingAnswerInput!', reference, code, { attend: false, note: 'Ik wil liever schriftelijk.' }));
    expect(waived.hearing).toBeNull();
    expect(waived.actions).not.toEqual(expect.arrayContaining(['ACCEPT_HEARING']));
    expect(waived.actions).not.toContain('WAIVE_HEARING');
    expect(waived.nextStep).toBe('DECISION');
    c = await steps.read(c, handler.token);
    expect(c.history.at(-1)).toMatchObject({ type: 'HEARING_WAIVED', data: { by: 'COMPLAINANT' } });
    expect(deadline(c, 'FINAL_DECISION')).toMatchObject({ status: 'PENDING' });
    expect(await notificationsOf(handler)).toContainEqual(
      expect.objectContaining({ kind: 'HEARING_ANSWERED', data: expect.objectContaining({ accepted: false }) }),
    );
  });
});

describe('the satisfaction survey', () => {
  const SURVEY_STATS = `query ($from: DateTimeISO!, $to: DateTimeISO!) { complaintStatistics(input: { from: $from, to: $to }) {
    complaints surveyHandling surveyOutcome surveyResponses reopenRequests averageSatisfaction } }`;

  it('keeps the handling apart from the outcome in the statistics, once per complaint', async () => {
    clock.set('2026-03-02T10:00:00'); // a month of its own for the figures
    const first = await registered();
    const second = await registered();
    for (const { c } of [first, second]) {
      let step = ok(await steps.assign(c, director.token, handler.id));
      step = ok(await steps.contact(step, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
      step = ok(await steps.assess(step, handler.token));
      ok(await steps.respond(step, handler.token));
    }
    expect(done(await status(first.reference, first.code)).actions).toContain('ANSWER_SURVEY');
    done(
      await online('answerSatisfactionSurvey', 'SurveyAnswerInput!', first.reference, first.code, {
        handling: 2,
        outcome: 4,
        comment: 'Traag, maar goed opgelost.',
      }),
    );
    const answered = done(await online('answerSatisfactionSurvey', 'SurveyAnswerInput!', second.reference, second.code, { handling: 5, outcome: 1 }));
    expect(answered.survey).toMatchObject({ handling: 5, outcome: 1, reopenRequested: false, reopenDecision: null });
    expect(answered.actions).not.toContain('ANSWER_SURVEY');
    const again = await online('answerSatisfactionSurvey', 'SurveyAnswerInput!', second.reference, second.code, { handling: 1, outcome: 1 });
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    const outOfRange = await online('answerSatisfactionSurvey', 'SurveyAnswerInput!', second.reference, second.code, { handling: 6, outcome: 0 });
    expect(outOfRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const figures = await app.graphql<{ complaintStatistics: Array<Record<string, number>> }>(
      SURVEY_STATS,
      { from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' },
      qualityManager.token,
    );
    expect(figures.data!.complaintStatistics).toEqual([
      { complaints: 2, surveyHandling: 3.5, surveyOutcome: 2.5, surveyResponses: 2, reopenRequests: 0, averageSatisfaction: null },
    ]);
    const survey = await app.graphql<{
      complaint: { satisfactionSurvey: Record<string, unknown>; history: Array<{ type: string; data: Record<string, unknown> }> };
    }>(
      'query ($id: ID) { complaint(id: $id) { satisfactionSurvey { handlingScore outcomeScore comment reopenRequested } history { type data } } }',
      { id: first.c.id },
      qualityManager.token,
    );
    expect(survey.data!.complaint.satisfactionSurvey).toEqual({
      handlingScore: 2,
      outcomeScore: 4,
      comment: 'Traag, maar goed opgelost.',
      reopenRequested: false,
    });
    expect(survey.data!.complaint.history.at(-1)).toMatchObject({ type: 'SATISFACTION_RECORDED', data: { by: 'COMPLAINANT', handling: 2, outcome: 4 } });
  });

  it('"not satisfied: please reopen" makes a request for the quality manager, granted by reopening', async () => {
    const { c, reference, code } = await responded();
    clock.set('2026-04-16T10:00:00');
    const asked = done(
      await online('answerSatisfactionSurvey', 'SurveyAnswerInput!', reference, code, {
        handling: 1,
        outcome: 1,
        comment: 'Niemand belde terug.',
        reopen: true,
      }),
    );
    expect(asked.survey).toMatchObject({ reopenRequested: true, reopenDecision: null });
    expect(await notificationsOf(qualityManager)).toContainEqual(expect.objectContaining({ kind: 'REOPEN_REQUESTED', complaintId: c.id }));
    const listed = await app.graphql<{ complaintList: { items: Array<{ id: string }> } }>(
      '{ complaintList(filter: { reopenRequested: true }) { items { id } } }',
      {},
      qualityManager.token,
    );
    expect(listed.data!.complaintList.items).toContainEqual({ id: c.id });

    const before = await steps.read(c, qualityManager.token);
    expect(before.availableActions).toEqual(expect.arrayContaining(['REOPEN', 'DECLINE_REOPEN_REQUEST']));
    const reopened = await app.graphql<{
      reopenComplaint: { status: string; reopenRequestedAt: string | null; satisfactionSurvey: { reopenDecision: string } };
    }>(
      'mutation ($id: ID!, $version: Int!) { reopenComplaint(id: $id, version: $version, reason: "Op verzoek van de klager") { status reopenRequestedAt satisfactionSurvey { reopenDecision } } }',
      { id: c.id, version: before.version },
      qualityManager.token,
    );
    expect(reopened.data!.reopenComplaint).toEqual({ status: 'REOPENED', reopenRequestedAt: null, satisfactionSurvey: { reopenDecision: 'GRANTED' } });
    expect(done(await status(reference, code))).toMatchObject({ stage: 'IN_HANDLING', survey: { reopenDecision: 'GRANTED' } });
  });

  it('a request to reopen declined with a reason: the complainant reads the reason; reopening is not offered while an objection runs', async () => {
    const { c, reference, code } = await responded();
    clock.set('2026-04-16T10:00:00');
    done(await online('answerSatisfactionSurvey', 'SurveyAnswerInput!', reference, code, { handling: 2, outcome: 2, reopen: true }));
    const before = await steps.read(c, qualityManager.token);
    const declined = await app.graphql<{ declineReopenRequest: { reopenRequestedAt: string | null; availableActions: string[] } }>(
      'mutation ($id: ID!, $version: Int!, $input: DeclineReopenInput!) { declineReopenRequest(id: $id, version: $version, input: $input) { reopenRequestedAt availableActions } }',
      { id: c.id, version: before.version, input: { reason: 'Uw klacht is volledig beantwoord; u kunt nog bezwaar maken.' } },
      qualityManager.token,
    );
    expect(declined.data!.declineReopenRequest.reopenRequestedAt).toBeNull();
    expect(declined.data!.declineReopenRequest.availableActions).not.toContain('DECLINE_REOPEN_REQUEST');
    const seen = done(await status(reference, code));
    expect(seen.survey).toMatchObject({ reopenDecision: 'DECLINED', reopenDeclinedReason: 'Uw klacht is volledig beantwoord; u kunt nog bezwaar maken.' });
    namesNoOne(seen);

    const objected = await responded();
    clock.set('2026-04-20T10:00:00');
    done(await online('fileObjectionOnline', 'OnlineObjectionInput!', objected.reference, objected.code, { grounds: 'Oneens.' }));
    const during = done(await status(objected.reference, objected.code));
    expect(during).toMatchObject({ reopenPossible: false });
    expect(during.actions).toContain('ANSWER_SURVEY');
    const refused = await online('answerSatisfactionSurvey', 'SurveyAnswerInput!', objected.reference, objected.code, {
      handling: 1,
      outcome: 1,
      reopen: true,
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldCodes: { reopen: { code: 'REOPEN_NOT_POSSIBLE' } } });
  });
});

describe('who of the staff the status page names', () => {
  it('names no one, unless the policy says the handler may be named', async () => {
    const { c, reference, code } = await responded();
    expect(done(await status(reference, code))).toMatchObject({ handlerName: null });
    const adminToken = await app.login(ADMIN.email, ADMIN.password);
    const policies = await app.graphql<{ policyList: { items: Array<{ id: string; version: number; key: string }> } }>(
      '{ policyList(filter: { q: "focus" }) { items { id version key } } }',
      {},
      adminToken,
    );
    const focus = policies.data!.policyList.items.find((item) => item.key === 'focus')!;
    const set = (on: boolean, version: number) =>
      app.graphql<{ updatePolicy: { version: number } }>(
        'mutation ($id: ID!, $version: Int!, $input: UpdatePolicyInput!) { updatePolicy(id: $id, version: $version, input: $input) { version } }',
        { id: focus.id, version, input: { statusPageNamesHandler: on } },
        adminToken,
      );
    const on = await set(true, focus.version);
    expect(on.errors).toBeUndefined();
    expect(done(await status(reference, code))).toMatchObject({ handlerName: 'Hanna Behandelaar' });
    expect(JSON.stringify(done(await status(reference, code)))).not.toContain(handler.email);
    await set(false, on.data!.updatePolicy.version);
    expect((await steps.read(c, director.token)).handler).toEqual({ name: 'Hanna Behandelaar' });
  });
});

describe('the letters sent, downloadable from the status page', () => {
  it('gives each sent letter a link of its own that ends with its hour, with a new code, and when tampered with', async () => {
    clock.set('2026-06-10T10:00:00');
    const submitted = await app.graphql<{ submitComplaint: { reference: string; statusCode: string } }>(
      'mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference statusCode } }',
      { input: { complainant: { name: 'Wim Web', email: 'wim@example.org', relation: 'CLIENT' }, description: 'Niemand nam op.' } },
    );
    const { reference, statusCode } = submitted.data!.submitComplaint;
    // the confirmation of receipt goes out (a real SMTP server), and carries the code and the way to the status page
    expect(done(await status(reference, statusCode)).letters).toEqual([]);
    while ((await app.running.services.outbox.sendDue()).sent > 0);
    const mail = peer.received.find((message) => message.text?.includes(reference))!;
    expect(mail.text).toContain(statusCode);
    expect(mail.text).toContain('/klacht/status');
    const [letter] = done(await status(reference, statusCode)).letters;
    expect(letter).toMatchObject({ kind: 'ACKNOWLEDGEMENT', url: expect.stringMatching(/^\/klacht\/brieven\/[0-9a-f-]{36}\.pdf\?t=/) });

    const pdf = await fetch(`${app.url}${letter.url}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${app.url}${letter.url.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'))}`)).status).toBe(404);

    clock.set('2026-06-10T11:00:01');
    expect((await fetch(`${app.url}${letter.url}`)).status).toBe(404);
    clock.set('2026-06-10T10:30:00');
    const found = await app.graphql<{ complaint: { id: string; version: number } }>(
      'query ($r: String) { complaint(reference: $r) { id version } }',
      { r: reference },
      director.token,
    );
    await app.graphql('mutation ($id: ID!, $version: Int!) { issueStatusCode(id: $id, version: $version) { code } }', found.data!.complaint, director.token);
    expect((await fetch(`${app.url}${letter.url}`)).status).toBe(404);
  });
});
