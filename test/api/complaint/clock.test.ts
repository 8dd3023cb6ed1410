import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, deadline, ok } from './steps';
import type { ComplaintView } from './complaint-queries';

/**
 * The clock of DOMAIN.md's "Pausing and extending", over HTTP. Every date below is worked out by hand from
 * the calendar of spring 2026: Koningsdag Mon 27 Apr, Bevrijdingsdag Tue 5 May, Hemelvaartsdag Thu 14 May,
 * the decree day Fri 15 May, Tweede Pinksterdag Mon 25 May. Working days from Thu 23 Apr:
 * 23 24 | 28 29 30 1 | 4 6 7 8 | 11 12 13 | 18 19 20 21 22 | 26 …
 */
const clock = new FixedClock('2026-04-22T10:00:00');
let app: TestApp;
let director: Member;
let handler: Member;

const CLOCK_FIELDS = `
  id version status availableActions pausedSince pauseLapsedAt pausedWorkingDays extendedAt extensionWeeks extensionReason
  responseNetWorkingDays closureNetWorkingDays
  pauses { question answerBy channel requestedAt resumedAt endedBy pausedWorkingDays answer }
  deadlines(includeCancelled: true) {
    kind dueDate status pausedAt cancelledAt
    explanation {
      amount unit startsAt nominalDate dueDate skipped { date reason name }
      adjustments { kind calendarDays workingDays weeks reason previousDueDate dueDate skipped { date reason name } }
    }
  }
  history { type data }
`;

interface Explanation {
  amount: number;
  unit: string;
  startsAt: string;
  nominalDate: string | null;
  dueDate: string;
  skipped: Array<{ date: string; reason: string; name: string }>;
  adjustments: Array<{
    kind: string;
    calendarDays: number | null;
    workingDays: number | null;
    weeks: number | null;
    reason: string | null;
    previousDueDate: string;
    dueDate: string;
    skipped: Array<{ date: string; reason: string; name: string }>;
  }>;
}

interface ClockView {
  id: string;
  version: number;
  status: string;
  availableActions: string[];
  pausedSince: string | null;
  pauseLapsedAt: string | null;
  pausedWorkingDays: number;
  extendedAt: string | null;
  extensionWeeks: number | null;
  extensionReason: string | null;
  responseNetWorkingDays: number | null;
  closureNetWorkingDays: number | null;
  pauses: Array<{
    question: string;
    answerBy: string;
    channel: string;
    requestedAt: string;
    resumedAt: string | null;
    endedBy: string | null;
    pausedWorkingDays: number | null;
    answer: string | null;
  }>;
  deadlines: Array<{ kind: string; dueDate: string; status: string; pausedAt: string | null; cancelledAt: string | null; explanation: Explanation }>;
  history: Array<{ type: string; data: Record<string, unknown> }>;
}

type Result = {
  data?: Record<string, ClockView> | null;
  errors?: Array<{ message: string; extensions?: { code?: string; fieldErrors?: Record<string, string>; fieldCodes?: Record<string, unknown> } }>;
};

/** A clock step with its input, returning the complaint as CLOCK_FIELDS reads it. */
const step =
  (mutation: string, inputType: string) =>
  async (c: { id: string; version: number }, token: string, input: Record<string, unknown>): Promise<Result> =>
    app.graphql<Record<string, ClockView>>(
      `mutation ($id: ID!, $version: Int!, $input: ${inputType}!) { ${mutation}(id: $id, version: $version, input: $input) { ${CLOCK_FIELDS} } }`,
      { id: c.id, version: c.version, input },
      token,
    );
const requestInformation = step('requestInformation', 'InformationRequestInput');
const resume = step('resumeComplaint', 'ResumeInput');
const extend = step('extendComplaint', 'ExtensionInput');
const closeUnanswered = step('closeUnanswered', 'UnansweredClosureInput');

const done = (result: Result): ClockView => {
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data)[0];
};
const read = async (c: { id: string }): Promise<ClockView> => {
  const result = await app.graphql<{ complaint: ClockView }>(`query ($id: ID) { complaint(id: $id) { ${CLOCK_FIELDS} } }`, { id: c.id }, handler.token);
  return result.data!.complaint;
};
const due = (c: ClockView) => c.deadlines.filter((d) => !d.cancelledAt).map((d) => [d.kind, d.dueDate, d.status]);
const explanationOf = (c: ClockView, kind: string) => c.deadlines.find((d) => d.kind === kind && !d.cancelledAt)!.explanation;

beforeAll(async () => {
  app = await startTestApp({ clock });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
});
afterAll(() => app.stop());

/** A complaint under reintegratie (seed 003) on Wed 22 Apr 2026, 10:00, with Hanna as its handler. */
async function reintegratie(): Promise<ComplaintView> {
  clock.set('2026-04-22T10:00:00');
  const c = ok(await complaintSteps(app).register(director.token, { channel: 'EMAIL', policyKey: 'reintegratie' }));
  return ok(await complaintSteps(app).assign(c, director.token, handler.id));
}

describe('a pause (opschorting)', () => {
  it("moves each open deadline by the paused time in its own unit, over King's Day, Ascension and the decree day; two pauses add up", async () => {
    const registered = await reintegratie();
    expect(registered.deadlines.map((d) => [d.kind, d.dueDate])).toEqual([
      ['ACKNOWLEDGE', '2026-04-30'], // 5 working days: 23, 24, 28, 29, 30
      ['PROGRESS_UPDATE', '2026-05-08'], // 10: … 1, 4, 6, 7, 8 May
      ['RESPOND', '2026-05-20'], // 4 weeks: Wed 20 May
    ]);
    let c = await read(registered);
    expect(explanationOf(c, 'ACKNOWLEDGE')).toMatchObject({
      amount: 5,
      unit: 'WORKING_DAYS',
      startsAt: 'RECEIPT',
      skipped: [
        { date: '2026-04-25', reason: 'WEEKEND', name: 'zaterdag' },
        { date: '2026-04-26', reason: 'WEEKEND', name: 'zondag' },
        { date: '2026-04-27', reason: 'HOLIDAY', name: 'Koningsdag' },
      ],
      adjustments: [],
    });
    expect(explanationOf(c, 'RESPOND')).toMatchObject({ unit: 'WEEKS', nominalDate: '2026-05-20', skipped: [] });

    // Pause 1: Fri 24 Apr 10:00 to Wed 29 Apr 10:00, over King's Day: 5 calendar days, 2 working days (28, 29)
    clock.set('2026-04-24T10:00:00');
    c = done(await requestInformation(c, handler.token, { question: 'Stuur de brief van het UWV van maart.', channel: 'EMAIL', answerBy: '2026-05-08' }));
    expect(c.pausedSince).toBe('2026-04-24T08:00:00.000Z');
    expect(c.status).toBe(registered.status); // the status stays; the clock stands still
    expect(c.deadlines.filter((d) => d.kind !== 'INFORMATION').every((d) => d.pausedAt === '2026-04-24T08:00:00.000Z')).toBe(true);
    expect(deadline(c as never, 'INFORMATION')).toMatchObject({ dueDate: '2026-05-08', status: 'PENDING', pausedAt: null });
    expect(c.availableActions).toEqual(expect.arrayContaining(['RESUME', 'ADD_NOTE']));
    expect(c.availableActions).not.toContain('RESPOND');
    expect(c.history.at(-1)).toMatchObject({ type: 'INFORMATION_REQUESTED' });
    // while paused, no date is overdue: nothing of the organisation's is due on the list
    clock.set('2026-04-29T10:00:00');
    c = done(await resume(c, handler.token, { answered: true, answer: 'Brief ontvangen per e-mail.' }));
    expect(c.pausedSince).toBeNull();
    expect(c.pausedWorkingDays).toBe(2);
    expect(due(c)).toEqual([
      ['ACKNOWLEDGE', '2026-05-04', 'PENDING'], // 3 working days were left (28, 29, 30): 30 Apr, 1 May, 4 May
      ['INFORMATION', '2026-05-08', 'MET'], // answered
      ['PROGRESS_UPDATE', '2026-05-12', 'PENDING'], // 8 were left (28 … 8 May): 30, 1, 4, 6, 7, 8, 11, 12
      ['RESPOND', '2026-05-26', 'PENDING'], // 20 May + 5 days = Mon 25 May, Tweede Pinksterdag: Tue 26 May
    ]);
    expect(explanationOf(c, 'ACKNOWLEDGE').adjustments).toEqual([
      expect.objectContaining({ kind: 'PAUSE', workingDays: 2, previousDueDate: '2026-04-30', dueDate: '2026-05-04' }),
    ]);
    expect(explanationOf(c, 'RESPOND').adjustments).toEqual([
      expect.objectContaining({
        kind: 'PAUSE',
        calendarDays: 5,
        previousDueDate: '2026-05-20',
        dueDate: '2026-05-26',
        skipped: [{ date: '2026-05-25', reason: 'HOLIDAY', name: 'Tweede Pinksterdag' }],
      }),
    ]);
    expect(c.pauses).toEqual([
      expect.objectContaining({ answerBy: '2026-05-08', endedBy: 'ANSWERED', pausedWorkingDays: 2, answer: 'Brief ontvangen per e-mail.', channel: 'EMAIL' }),
    ]);
    expect(c.history.at(-1)).toMatchObject({ type: 'RESUMED' });

    await complaintSteps(app).contact(c as never, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL' });
    c = await read(c);

    // Pause 2: Mon 11 May 10:00 to Mon 18 May 10:00, over Ascension and the decree day: 7 calendar days, 3 working days (12, 13, 18)
    clock.set('2026-05-11T10:00:00');
    c = done(await requestInformation(c, handler.token, { question: 'Wanneer was het gesprek met de casemanager?', channel: 'PHONE' }));
    expect(c.deadlines.find((d) => d.kind === 'INFORMATION' && d.status === 'PENDING')).toMatchObject({ dueDate: '2026-06-08' }); // default: the policy's 4 weeks
    clock.set('2026-05-18T10:00:00');
    c = done(await resume(c, handler.token, { answered: false, reason: 'Klant niet bereikbaar; we gaan verder met wat er is.' }));
    expect(c.pausedWorkingDays).toBe(5); // 2 + 3: pauses add up
    expect(due(c)).toEqual([
      ['ACKNOWLEDGE', '2026-05-04', 'MET'],
      ['INFORMATION', '2026-05-08', 'MET'], // the first request's
      ['PROGRESS_UPDATE', '2026-05-19', 'PENDING'], // 1 working day was left (12 May): Tue 19 May
      ['RESPOND', '2026-06-01', 'PENDING'], // nominal 25 May + 7 days = Mon 1 June
    ]);
    expect(c.deadlines.find((d) => d.kind === 'INFORMATION' && d.cancelledAt)).toBeTruthy(); // not answered: cancelled, never breached
    expect(explanationOf(c, 'PROGRESS_UPDATE').adjustments.map((a) => [a.kind, a.workingDays, a.previousDueDate, a.dueDate])).toEqual([
      ['PAUSE', 2, '2026-05-08', '2026-05-12'],
      ['PAUSE', 3, '2026-05-12', '2026-05-19'],
    ]);
    expect(explanationOf(c, 'PROGRESS_UPDATE').adjustments[1].skipped.map((day) => [day.date, day.reason])).toEqual([
      ['2026-05-14', 'HOLIDAY'],
      ['2026-05-15', 'DECREE_DAY'],
      ['2026-05-16', 'WEEKEND'],
      ['2026-05-17', 'WEEKEND'],
    ]);
    expect(c.pauses.map((pause) => pause.endedBy)).toEqual(['ANSWERED', 'RESUMED']);

    // the answer on Tue 26 May: 19 working days gross (23 Apr … 26 May), 14 without the 5 paused
    await complaintSteps(app).contact(c as never, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'EMAIL', summary: 'Antwoord volgt' });
    c = await read(c);
    c = ok(await complaintSteps(app).assess(c as never, handler.token)) as never;
    clock.set('2026-05-26T12:00:00');
    c = ok(await complaintSteps(app).respond(c as never, handler.token)) as never;
    c = await read(c);
    expect(c).toMatchObject({ status: 'RESPONDED', responseNetWorkingDays: 14 });
  });

  it('refuses to wait longer than the policy allows, and to pause twice at once', async () => {
    const c = await read(await reintegratie());
    const tooLong = await requestInformation(c, handler.token, { question: 'Stuur de stukken.', channel: 'LETTER', answerBy: '2026-05-21' });
    expect(tooLong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldCodes: { answerBy: { code: 'AFTER_LONGEST_WAIT', params: { latest: '2026-05-20' } } }, // 22 Apr + 4 weeks
    });
    const paused = done(await requestInformation(c, handler.token, { question: 'Stuur de stukken.', channel: 'LETTER', answerBy: '2026-05-20' }));
    const again = await requestInformation(paused, handler.token, { question: 'En nog iets.', channel: 'LETTER' });
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    const notAsked = await resume(c, handler.token, { answered: true, answer: 'x' });
    expect(notAsked.errors?.[0].extensions?.code).toMatch(/STALE_VERSION|INVALID_TRANSITION/);
  });

  it('lapses on its own at the end of answerBy: the clock runs again, the complaint is flagged and may be closed for lack of response', async () => {
    let c = await read(await reintegratie());
    clock.set('2026-04-23T09:00:00');
    c = done(await requestInformation(c, handler.token, { question: 'Welke afspraak bedoelt u?', channel: 'LETTER', answerBy: '2026-05-06' }));
    expect(c.availableActions).not.toContain('CLOSE_UNANSWERED');
    expect((await closeUnanswered(c, handler.token, { reason: 'Geen reactie ontvangen.' })).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    clock.set('2026-05-06T23:00:00'); // the last day is not over yet
    await app.running.services.clockSteps.lapseDue();
    expect((await read(c)).pausedSince).not.toBeNull();

    clock.set('2026-05-07T00:00:01');
    await app.running.services.clockSteps.lapseDue();
    await app.running.services.clockSteps.lapseDue(); // a second sweep finds nothing left to do
    c = await read(c);
    expect(c).toMatchObject({ pausedSince: null, pauseLapsedAt: '2026-05-06T21:59:59.999Z' });
    expect(c.pauses).toEqual([expect.objectContaining({ endedBy: 'LAPSED', resumedAt: '2026-05-06T21:59:59.999Z' })]);
    expect(c.history.filter((event) => event.type === 'RESUMED')).toHaveLength(1);
    expect(c.availableActions).toContain('CLOSE_UNANSWERED');
    // paused Thu 23 Apr to the end of Wed 6 May: 24, 28, 29, 30, 1, 4, 6 = 7 working days
    expect(c.pausedWorkingDays).toBe(7);
    expect(due(c)).toEqual([
      ['INFORMATION', '2026-05-06', 'BREACHED'],
      ['ACKNOWLEDGE', '2026-05-12', 'PENDING'], // 4 left (24, 28, 29, 30) after 6 May: 7, 8, 11, 12
      ['PROGRESS_UPDATE', '2026-05-21', 'PENDING'], // 9 left (24 … 8 May): 7, 8, 11, 12, 13, 18, 19, 20, 21
      ['RESPOND', '2026-06-02', 'PENDING'], // 20 May + 13 days (23 Apr → 6 May) = Tue 2 June
    ]);

    expect((await closeUnanswered(c, handler.token, { reason: 'kort' })).errors?.[0].extensions?.fieldErrors).toHaveProperty('reason');
    c = done(await closeUnanswered(c, handler.token, { reason: 'Geen reactie op ons verzoek van 23 april; de klacht is gesloten.' }));
    expect(c.status).toBe('CLOSED');
    expect(due(c).filter(([, , status]) => status === 'PENDING')).toEqual([]);
  });
});

describe('an extension (verdaging, Awb 9:11)', () => {
  it('moves RESPOND once, opens the notice deadline before the original date, and refuses a second one', async () => {
    let c = await read(await reintegratie());
    clock.set('2026-05-06T10:00:00');
    const tooLong = await extend(c, handler.token, { weeks: 5, reason: 'Wij wachten op het dossier van de werkgever.' });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldCodes: { weeks: { code: 'TOO_LARGE', params: { max: 4 } } } });
    expect((await extend(c, handler.token, { weeks: 4, reason: 'kort' })).errors?.[0].extensions?.fieldErrors).toHaveProperty('reason');

    c = done(await extend(c, handler.token, { weeks: 4, reason: 'Wij wachten op het dossier van de werkgever.' }));
    expect(c).toMatchObject({ extensionWeeks: 4, extendedAt: '2026-05-06T08:00:00.000Z', extensionReason: 'Wij wachten op het dossier van de werkgever.' });
    expect(due(c)).toEqual([
      ['ACKNOWLEDGE', '2026-04-30', 'BREACHED'],
      ['PROGRESS_UPDATE', '2026-05-08', 'PENDING'],
      ['EXTENSION_NOTICE', '2026-05-20', 'PENDING'], // in writing before the original date
      ['RESPOND', '2026-06-17', 'PENDING'], // 20 May + 4 weeks
    ]);
    expect(explanationOf(c, 'RESPOND').adjustments).toEqual([
      expect.objectContaining({
        kind: 'EXTENSION',
        weeks: 4,
        reason: 'Wij wachten op het dossier van de werkgever.',
        previousDueDate: '2026-05-20',
        dueDate: '2026-06-17',
      }),
    ]);
    expect(c.history.at(-1)).toMatchObject({ type: 'EXTENDED' });
    expect(c.availableActions).not.toContain('EXTEND');

    const second = await extend(c, handler.token, { weeks: 1, reason: 'Nog meer tijd nodig, helaas.' });
    expect(second.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    const noticed = await complaintSteps(app).contact(c as never, handler.token, {
      kind: 'EXTENSION_NOTICE',
      channel: 'LETTER',
      summary: 'Brief verdaging verstuurd',
    });
    c = await read(ok(noticed) as never);
    expect(c.deadlines.find((d) => d.kind === 'EXTENSION_NOTICE')).toMatchObject({ status: 'MET' });
  });

  it('is not possible once the answer is late; the director may extend too', async () => {
    const c = await read(await reintegratie());
    clock.set('2026-05-21T10:00:00'); // RESPOND was due 20 May
    const late = await extend(c, handler.token, { weeks: 2, reason: 'Wij wachten op het dossier van de werkgever.' });
    expect(late.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    clock.set('2026-05-19T10:00:00');
    const byDirector = done(await extend(c, director.token, { weeks: 2, reason: 'Wij wachten op het dossier van de werkgever.' }));
    expect(deadline(byDirector as never, 'RESPOND')!.dueDate).toBe('2026-06-03');
  });
});
