import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { isComplainant, staffIdOf, type Actor } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import { FieldCode, ForbiddenError, NotFoundError, problem, StaleVersionError, UserInputError } from '../shared/errors';
import { ComplaintEvent } from './complaint-event.entity';
import { Complaint } from './complaint.entity';
import { type ComplaintEventType, ComplaintStatus } from './complaint.enums';
import { ConflictOfInterestError, InvalidTransitionError } from './complaint.errors';
import { ComplaintAction, TRANSITIONS, type StepVariant } from './complaint.procedure';
import { refusal, rulesOpenedBy, variantRefusal, type Refusal } from './procedure-rules';
import type { DeadlinePlanner } from './deadline-planner';
import { maySee } from './visibility';

/** What a step's own work reports back to the engine. */
export interface StepResult {
  /** The moment the step happened (a contact in the past, say); default: now. */
  at?: DateTime;
  data?: Record<string, unknown>;
  /** Another history event than the table's (the answer to a request for information). */
  event?: ComplaintEventType;
}

/** One event of a complaint's history (append-only, hash-chained by the database). */
export interface HistoryEntry {
  type: ComplaintEventType;
  actorId: string | null;
  from: ComplaintStatus | null;
  to: ComplaintStatus | null;
  at: DateTime;
  data: Record<string, unknown>;
}

/**
 * Staff act on what they may see; the complainant online on their own complaint only, and only with its current
 * code (checked under the row lock: a code replaced meanwhile opens nothing).
 */
const mayActOn = (complaint: Complaint, actor: Actor): boolean =>
  isComplainant(actor)
    ? actor.complainantOf === complaint.id && complaint.statusCodeIssuedAt?.getTime() === actor.codeIssuedAt.getTime()
    : maySee(complaint, actor);

/** Clock skew we accept between a browser's "now" and ours before calling a moment "the future". */
const SKEW_MS = 2 * 60_000;

function refuse(refused: Refusal): never {
  if (refused.reason === 'FORBIDDEN') throw new ForbiddenError(refused.message);
  if (refused.reason === 'CONFLICT_OF_INTEREST') throw new ConflictOfInterestError(refused.message);
  throw new InvalidTransitionError(refused.message);
}

/**
 * The procedure engine: every step on an existing complaint — lock it, check the version, ask the
 * procedure table (complaint.procedure.ts), apply the step's own work, meet, open and cancel deadlines,
 * move the status, fix the lead times, write the history event — in one transaction.
 */
export class ProcedureEngine {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinePlanner,
  ) {}

  async step(
    caller: Actor,
    id: string,
    version: number | null,
    action: ComplaintAction,
    apply: (complaint: Complaint, manager: EntityManager) => Promise<StepResult | void>,
  ): Promise<Complaint> {
    return this.run(caller, id, version, action, apply);
  }

  /**
   * A step the system takes on time (a wait that lapsed): no caller, so no party to check, but the same
   * table for the rest (from which status, while paused, what it requires), and an event without actor.
   */
  /**
   * The complaint, locked, if `caller` may take `action` on it now — visible, at this version (null: any), allowed
   * by the table (caller null: the system); every step starts here, and a letter printed now (its step taken
   * once posted) asks it alone.
   */
  async mayTake(manager: EntityManager, caller: Actor | null, id: string, version: number | null, action: ComplaintAction): Promise<Complaint> {
    const complaint = await manager.getRepository(Complaint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!complaint || (caller && !mayActOn(complaint, caller))) throw new NotFoundError('Complaint', id);
    if (version !== null && complaint.version !== version) throw new StaleVersionError(complaint.reference, version, complaint.version);
    const refused = refusal(action, complaint, caller);
    if (refused) refuse(refused);
    return complaint;
  }

  async systemStep(
    id: string,
    action: ComplaintAction,
    apply: (complaint: Complaint, manager: EntityManager) => Promise<StepResult | void>,
  ): Promise<Complaint> {
    return this.run(null, id, null, action, apply);
  }

  private async run(
    caller: Actor | null,
    id: string,
    version: number | null,
    action: ComplaintAction,
    apply: (complaint: Complaint, manager: EntityManager) => Promise<StepResult | void>,
  ): Promise<Complaint> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Complaint);
      const complaint = await this.mayTake(manager, caller, id, version, action);

      const transition = TRANSITIONS[action];
      const from = complaint.status;
      const result = (await apply(complaint, manager)) ?? {};
      const at = result.at ?? this.clock.now();
      const met = await this.deadlines.meet(manager, complaint, transition.meets, at);
      const opened = transition.opens
        ? await this.deadlines.open(manager, complaint, rulesOpenedBy(action, complaint.policySnapshot.rules), transition.opens, at)
        : [];
      if (transition.to && !transition.keepsStatusFrom?.includes(from)) complaint.status = transition.to;
      await this.recordLeadTimes(manager, complaint, action, at);
      const cancelled = transition.cancels ? await this.deadlines.cancel(manager, complaint, transition.cancels, at) : [];
      // Every step is a change: a new version, and updated_at from the database clock (incremental BI extraction
      // relies on real change times). save() bumps both when a column changed; a note or a contact changes none.
      const versionBefore = complaint.version;
      await repository.save(complaint);
      if (complaint.version === versionBefore) {
        await manager.query('UPDATE complaint SET version = version + 1, updated_at = now() WHERE id = $1', [complaint.id]);
      }
      await this.deadlines.refreshNextDue(manager, complaint);
      await this.writeEvent(manager, complaint, {
        type: result.event ?? transition.event,
        actorId: caller ? staffIdOf(caller) : null,
        from,
        to: complaint.status,
        at: this.clock.now(),
        data: {
          action,
          // the complainant acted online (the history has no member of staff for it)
          ...(isComplainant(caller) ? { by: 'COMPLAINANT', channel: 'WEB_FORM' } : {}),
          ...result.data,
          ...(met.length ? { deadlinesMet: met } : {}),
          ...(opened.length ? { deadlinesOpened: opened } : {}),
          ...(cancelled.length ? { deadlinesCancelled: cancelled } : {}),
        },
      });
      return repository.findOneByOrFail({ id });
    });
  }

  /** Inside a step: refused when the caller may not take this form of it (the table's variants). */
  assertVariant(action: ComplaintAction, variant: StepVariant, complaint: Complaint, caller: Actor): void {
    const refused = variantRefusal(action, variant, complaint, caller);
    if (refused) refuse(refused);
  }

  async writeEvent(manager: EntityManager, complaint: Complaint, event: HistoryEntry): Promise<void> {
    const events = manager.getRepository(ComplaintEvent);
    // One event per INSERT: the hash chain's trigger reads the event before it.
    await events.save(
      events.create({
        complaintId: complaint.id,
        type: event.type,
        actorId: event.actorId,
        fromStatus: event.from,
        toStatus: event.to,
        at: event.at.toJSDate(),
        data: event.data,
      }),
    );
  }

  /** A moment the caller gives for something that happened: default now, never in the future. */
  pastMoment(value: Date | null | undefined, field: string): DateTime {
    const now = this.clock.now();
    if (!value) return now;
    const at = DateTime.fromJSDate(value).setZone(ZONE);
    if (at.toMillis() > now.toMillis() + SKEW_MS)
      throw new UserInputError(`${field} lies in the future.`, { [field]: problem(FieldCode.IN_THE_FUTURE, 'lies in the future') }, 'IN_THE_FUTURE');
    return at;
  }

  /**
   * Lead times in working days, for BI: fixed when the step happens, so statistics are plain SQL; the
   * answer's and the closure's also without the working days the clock stood still.
   */
  private async recordLeadTimes(manager: EntityManager, complaint: Complaint, action: ComplaintAction, at: DateTime): Promise<void> {
    const answers = action === ComplaintAction.RESPOND || action === ComplaintAction.RESOLVE_DIRECTLY;
    const firstContact = (action === ComplaintAction.ACKNOWLEDGE || answers) && complaint.ackWorkingDays === null;
    const firstResponse = answers && complaint.responseWorkingDays === null;
    const closing = complaint.status === ComplaintStatus.CLOSED && TRANSITIONS[action].to === ComplaintStatus.CLOSED;
    if (!firstContact && !firstResponse && !closing) return;
    const calendar = await this.deadlines.calendar(manager);
    const received = DateTime.fromJSDate(complaint.receivedAt);
    const net = (gross: number) => Math.max(0, gross - complaint.pausedWorkingDays);
    if (firstContact) complaint.ackWorkingDays = calendar.workingDaysBetween(received, at);
    if (firstResponse) {
      complaint.responseWorkingDays = calendar.workingDaysBetween(received, at);
      complaint.responseNetWorkingDays = net(complaint.responseWorkingDays);
    }
    if (closing) {
      complaint.closureWorkingDays = calendar.workingDaysBetween(received, this.clock.now());
      complaint.closureNetWorkingDays = net(complaint.closureWorkingDays);
    }
  }
}
