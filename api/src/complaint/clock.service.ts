import { DateTime } from 'luxon';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { NotificationKind } from '../notification/notification.entity';
import type { ConcernedService } from '../concerned/concerned.service';
import { staffIdOf, type Actor, type Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import { FieldCode, problem, UserInputError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { ExtensionInput, InformationRequestInput, ResumeInput, UnansweredClosureInput } from './clock.input';
import type { Complaint } from './complaint.entity';
import { ContactKind, DeadlineKind, DeadlineStart, PauseEnd } from './complaint.enums';
import { InvalidTransitionError } from './complaint.errors';
import { ComplaintAction } from './complaint.procedure';
import { ContactMoment } from './contact-moment.entity';
import type { DeadlinePlanner } from './deadline-planner';
import { ComplaintPause } from './pause.entity';
import type { ProcedureEngine } from './procedure-engine';

/** How many lapsed waits one sweep takes on at most (the next sweep takes the rest). */
const LAPSE_BATCH = 100;

/**
 * The clock of a complaint (DOMAIN.md, Pausing and extending): asking the complainant for information stops
 * the organisation's open deadlines; the answer, the handler, or the policy's longest wait starts them again,
 * each moved by the paused time; an unanswered request may end in closing for lack of response; the answer
 * may be extended once, and the complainant must be told before the original date.
 */
export class ClockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcedureEngine,
    private readonly deadlines: DeadlinePlanner,
    private readonly concerned: ConcernedService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async requestInformation(caller: Caller, id: string, version: number, input: InformationRequestInput): Promise<Complaint> {
    const at = this.engine.pastMoment(input.requestedAt, 'requestedAt');
    return this.engine.step(caller, id, version, ComplaintAction.REQUEST_INFORMATION, async (complaint, manager) => {
      const calendar = await this.deadlines.calendar(manager);
      const longest = complaint.policySnapshot.maxPause!;
      const latest = calendar.due(at, longest);
      if (input.answerBy && input.answerBy <= at.toISODate()!)
        throw new UserInputError('answerBy must lie after the day of the request.', { answerBy: problem(FieldCode.IN_THE_PAST, 'must lie after today') });
      if (input.answerBy && input.answerBy > latest.dueDate)
        throw new UserInputError(`The policy waits at most until ${latest.dueDate}.`, {
          answerBy: problem(FieldCode.AFTER_LONGEST_WAIT, `at most ${latest.dueDate}`, { latest: latest.dueDate }),
        });
      const opened = input.answerBy
        ? await this.deadlines.openUntil(manager, complaint, DeadlineKind.INFORMATION, DeadlineStart.INFORMATION_REQUEST, at, input.answerBy)
        : await this.deadlines.insert(
            manager,
            complaint,
            await this.deadlines.plan(manager, [{ kind: DeadlineKind.INFORMATION, ...longest, startsAt: DeadlineStart.INFORMATION_REQUEST }], at),
            DeadlineStart.INFORMATION_REQUEST,
            at,
          );
      const [information] = opened;
      await manager.getRepository(ComplaintPause).insert({
        complaintId: complaint.id,
        requestedAt: at.toJSDate(),
        requestedById: caller.id,
        channel: input.channel,
        question: input.question.trim(),
        answerBy: information.dueDate,
        lapsesAt: new Date(information.dueAt),
      });
      await this.contact(manager, complaint, caller.id, ContactKind.INFORMATION_REQUEST, input.channel, at, input.question);
      const paused = await this.deadlines.pause(manager, complaint, at);
      complaint.pausedSince = at.toJSDate();
      return {
        at,
        data: { channel: input.channel, requestedAt: at.toISO(), answerBy: information.dueDate, deadlinesPaused: paused, deadlinesOpened: opened },
      };
    });
  }

  /** By staff (the answer came, or going on without it), or by the complainant answering online (portal/). */
  async resume(
    caller: Actor,
    id: string,
    version: number | null,
    input: ResumeInput,
    also?: (complaint: Complaint, manager: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<Complaint> {
    if (input.answered && !input.answer?.trim())
      throw new UserInputError("Give the complainant's answer.", { answer: problem(FieldCode.REQUIRED, 'is required when the complainant answered') });
    if (!input.answered && !input.reason?.trim())
      throw new UserInputError('Give the reason to go on without the answer.', { reason: problem(FieldCode.REQUIRED, 'is required without an answer') });
    const at = this.engine.pastMoment(input.at, 'at');
    return this.engine.step(caller, id, version, ComplaintAction.RESUME, async (complaint, manager) => {
      if (at.toMillis() < complaint.pausedSince!.getTime())
        throw new UserInputError('The answer cannot come before the request.', {
          at: problem(FieldCode.BEFORE_START, 'lies before the request', { after: 'requestedAt' }),
        });
      const pause = await this.openPause(manager, complaint);
      if (input.answered)
        await this.contact(manager, complaint, staffIdOf(caller), ContactKind.INFORMATION_RECEIVED, input.channel ?? pause.channel, at, input.answer!);
      const ended = await this.end(
        manager,
        complaint,
        pause,
        at,
        input.answered ? PauseEnd.ANSWERED : PauseEnd.RESUMED,
        staffIdOf(caller),
        input.answer ?? null,
      );
      const more = also ? await also(complaint, manager) : {};
      return { at, data: { ...ended, reason: input.reason ?? null, ...more } };
    });
  }

  /**
   * The waits whose answer date has passed end now, as if resumed at that moment: their deadlines move by
   * exactly the longest wait, and the complaint is flagged. Safe on several instances at once: each step
   * locks its complaint and finds it no longer paused when another instance was first.
   */
  async lapseDue(): Promise<number> {
    const due = (await this.dataSource.query(
      'SELECT complaint_id AS "complaintId" FROM complaint_pause WHERE resumed_at IS NULL AND lapses_at <= $1 ORDER BY lapses_at LIMIT $2',
      [this.clock.now().toJSDate(), LAPSE_BATCH],
    )) as Array<{ complaintId: string }>;
    let lapsed = 0;
    for (const { complaintId } of due) {
      try {
        await this.engine.systemStep(complaintId, ComplaintAction.RESUME, async (complaint, manager) => {
          const pause = await this.openPause(manager, complaint);
          const at = DateTime.fromJSDate(pause.lapsesAt).setZone(ZONE);
          complaint.pauseLapsedAt = pause.lapsesAt;
          return { data: await this.end(manager, complaint, pause, at, PauseEnd.LAPSED, null, null) };
        });
        lapsed += 1;
      } catch (error) {
        // resumed meanwhile (by a person, or by another instance's sweep): nothing left to do
        if (error instanceof InvalidTransitionError) continue;
        this.logger.error('a lapsed wait could not be ended', { complaintId, error: String(error) });
      }
    }
    return lapsed;
  }

  async closeUnanswered(caller: Caller, id: string, version: number, input: UnansweredClosureInput): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.CLOSE_UNANSWERED, async (complaint) => {
      complaint.closedAt = this.clock.now().toJSDate();
      return { data: { reason: input.reason.trim(), unanswered: true } };
    });
  }

  async extend(caller: Caller, id: string, version: number, input: ExtensionInput): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.EXTEND, async (complaint, manager) => {
      const most = complaint.policySnapshot.extensionWeeks!;
      if (input.weeks > most)
        throw new UserInputError(`Policy ${complaint.policySnapshot.key} extends by at most ${most} weeks.`, {
          weeks: problem(FieldCode.TOO_LARGE, `at most ${most}`, { max: most }),
        });
      const respond = await this.deadlines.openRespond(manager, complaint);
      if (!respond) throw new InvalidTransitionError(`${complaint.reference} has no open answer deadline to extend.`);
      const now = this.clock.now();
      if (now.toMillis() > respond.dueAt.getTime())
        throw new InvalidTransitionError(`The answer to ${complaint.reference} was due ${respond.dueDate}: an extension is announced before that date.`);
      const moved = await this.deadlines.extend(manager, complaint, now, input.weeks, input.reason.trim());
      const opened = await this.deadlines.openUntil(manager, complaint, DeadlineKind.EXTENSION_NOTICE, DeadlineStart.EXTENSION, now, respond.dueDate);
      complaint.extendedAt = now.toJSDate();
      complaint.extensionWeeks = input.weeks;
      complaint.extensionReason = input.reason.trim();
      const told = await this.concerned.notifySubjects(manager, complaint, NotificationKind.EXTENDED);
      return {
        data: { weeks: input.weeks, reason: complaint.extensionReason, deadlinesMoved: moved ? [moved] : [], deadlinesOpened: opened, subjectsNotified: told },
      };
    });
  }

  /** A withdrawal while the clock stood still ends the wait (its deadlines are all cancelled by the step). */
  async endForWithdrawal(manager: EntityManager, complaint: Complaint, at: DateTime) {
    return this.end(manager, complaint, await this.openPause(manager, complaint), at, PauseEnd.WITHDRAWN, null, null);
  }

  private async openPause(manager: EntityManager, complaint: Complaint): Promise<ComplaintPause> {
    const open = await manager.getRepository(ComplaintPause).findOneBy({ complaintId: complaint.id, resumedAt: IsNull() });
    if (!open) throw new InvalidTransitionError(`${complaint.reference} is not waiting for information.`);
    return open;
  }

  /**
   * The clock runs again at `at`: the paused deadlines move, the request for information is met (answered)
   * or moot (resumed, withdrawn) or left to lapse (the complainant's term passed), the pause is closed.
   */
  async end(manager: EntityManager, complaint: Complaint, pause: ComplaintPause, at: DateTime, endedBy: PauseEnd, byId: string | null, answer: string | null) {
    // withdrawn, every deadline is cancelled: nothing to move
    const moved = endedBy === PauseEnd.WITHDRAWN ? [] : await this.deadlines.resume(manager, complaint, at);
    const calendar = await this.deadlines.calendar(manager);
    const pausedWorkingDays = calendar.workingDaysBetween(DateTime.fromJSDate(pause.requestedAt).setZone(ZONE), at);
    if (endedBy === PauseEnd.ANSWERED) await this.deadlines.meet(manager, complaint, [DeadlineKind.INFORMATION], at);
    else if (endedBy !== PauseEnd.LAPSED) await this.deadlines.cancel(manager, complaint, [DeadlineKind.INFORMATION], at);
    await manager
      .getRepository(ComplaintPause)
      .update({ id: pause.id }, { resumedAt: at.toJSDate(), resumedById: byId, endedBy, answer: answer?.trim() || null, pausedWorkingDays });
    complaint.pausedSince = null;
    complaint.pausedWorkingDays += pausedWorkingDays;
    return {
      endedBy,
      resumedAt: at.toISO(),
      pausedWorkingDays,
      deadlinesMoved: moved,
    };
  }

  private async contact(
    manager: EntityManager,
    complaint: Complaint,
    byId: string | null,
    kind: ContactKind,
    channel: ComplaintPause['channel'],
    at: DateTime,
    summary: string,
  ) {
    await manager.getRepository(ContactMoment).insert({
      complaintId: complaint.id,
      kind,
      channel,
      contactedAt: at.toJSDate(),
      byId,
      summary: summary.trim(),
    });
  }
}
