import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { CalendarDay } from '../calendar/calendar-day.entity';
import { explainDue, extendDue, pauseDue, type DueExplanationData } from '../calendar/due-explanation';
import { DeadlineUnit, WorkingCalendar, type Term } from '../calendar/working-calendar';
import type { DeadlineRule } from '../policy/policy.entity';
import { ZONE } from '../shared/clock';
import type { Complaint } from './complaint.entity';
import { DeadlineKind, type DeadlineStart } from './complaint.enums';
import { isOwedByOrganisation, owedByOrganisationSql } from './complaint.procedure';
import { Deadline } from './deadline.entity';

export interface PlannedDeadline {
  rule: { kind: DeadlineKind; amount: number; unit: DeadlineUnit };
  dueAt: DateTime;
  dueDate: string;
  explanation: DueExplanationData;
  /** The calendar it was planned on: its reminder is planned on the same one, without reading the closing days again. */
  calendar: WorkingCalendar;
}

/** What the history records of a deadline that was opened or moved. */
export interface OpenedDeadline {
  kind: string;
  dueDate: string;
  dueAt: string;
}

export interface MovedDeadline extends OpenedDeadline {
  previousDueDate: string;
}

/** The earliest due moment among deadlines the organisation owes (the complainant's are theirs). */
export function nextDue(dues: PlannedDeadline[]): { nextDueAt: Date | null; nextDueKind: DeadlineKind | null } {
  const [first] = dues
    .filter((due) => isOwedByOrganisation(due.rule.kind))
    .sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis() || a.rule.kind.localeCompare(b.rule.kind));
  return { nextDueAt: first ? first.dueAt.toJSDate() : null, nextDueKind: first?.rule.kind ?? null };
}

/**
 * When whoever owes a deadline is reminded: the policy's lead before it is due — the start of the working day
 * that many working days before its date, or that many hours before its moment. None for the complainant's
 * deadlines, and none when that moment lies before the deadline was opened (a term shorter than the lead).
 */
export function reminderAt(calendar: WorkingCalendar, complaint: Complaint, kind: DeadlineKind, dueAt: DateTime, openedAt: DateTime): Date | null {
  const lead = complaint.policySnapshot.reminder;
  if (!lead || !isOwedByOrganisation(kind)) return null;
  const at = lead.unit === DeadlineUnit.HOURS ? dueAt.minus({ hours: lead.amount }) : calendar.workingDaysBefore(dueAt, lead.amount);
  return at > openedAt ? at.toJSDate() : null;
}

/** What the watch keeps of a deadline whose due moment was set anew: it is reminded and escalated for the new one. */
function watchedAgain(calendar: WorkingCalendar, complaint: Complaint, deadline: Deadline, dueAt: DateTime, now: DateTime) {
  return {
    remindAt: reminderAt(calendar, complaint, deadline.kind, dueAt, now),
    remindedAt: null,
    breachedAt: null,
    escalatedAt: null,
    secondEscalationAt: null,
    secondEscalatedAt: null,
  };
}

/** How a deadline's date was reached: as it was kept, or (a deadline from before explanations were kept) worked out again. */
export function explanationOf(deadline: Deadline, calendar: WorkingCalendar): DueExplanationData {
  return (
    deadline.explanation ??
    explainDue(calendar, DateTime.fromJSDate(deadline.startedAt).setZone(ZONE), { amount: deadline.amount, unit: deadline.unit }, deadline.startsAt)
  );
}

/**
 * The deadlines of a complaint: planned on the working calendar (api/src/calendar) with the explanation of
 * each date, opened, met, cancelled, paused, moved and extended in the step's transaction, and the
 * complaint's `next_due_at` kept in step with them.
 */
export class DeadlinePlanner {
  /** The calendar with today's decree and closing days (they count for deadlines computed from now on). */
  async calendar(manager: EntityManager): Promise<WorkingCalendar> {
    const days = await manager.getRepository(CalendarDay).find();
    return WorkingCalendar.of(days.map((day) => ({ date: day.date, description: day.description, kind: day.kind })));
  }

  async plan(manager: EntityManager, rules: readonly DeadlineRule[], at: DateTime): Promise<PlannedDeadline[]> {
    if (rules.length === 0) return [];
    const calendar = await this.calendar(manager);
    return rules.map((rule) => {
      const explanation = explainDue(calendar, at, rule, rule.startsAt);
      return { rule, dueAt: DateTime.fromISO(explanation.dueAt, { zone: ZONE }), dueDate: explanation.dueDate, explanation, calendar };
    });
  }

  async insert(manager: EntityManager, complaint: Complaint, dues: PlannedDeadline[], start: DeadlineStart, at: DateTime): Promise<OpenedDeadline[]> {
    if (dues.length === 0) return [];
    const deadlines = dues.map(({ rule, dueAt, dueDate, explanation, calendar }) =>
      manager.getRepository(Deadline).create({
        complaintId: complaint.id,
        kind: rule.kind,
        amount: rule.amount,
        unit: rule.unit,
        startsAt: start,
        startedAt: at.toJSDate(),
        dueAt: dueAt.toJSDate(),
        dueDate,
        explanation,
        remindAt: reminderAt(calendar, complaint, rule.kind, dueAt, at),
      }),
    );
    await manager.getRepository(Deadline).insert(deadlines);
    return deadlines.map((deadline) => ({ kind: deadline.kind, dueDate: deadline.dueDate, dueAt: deadline.dueAt.toISOString() }));
  }

  async open(manager: EntityManager, complaint: Complaint, rules: readonly DeadlineRule[], start: DeadlineStart, at: DateTime): Promise<OpenedDeadline[]> {
    return this.insert(manager, complaint, await this.plan(manager, rules, at), start, at);
  }

  /**
   * A deadline due at the end of a given date rather than by a policy's rule (the date the complainant is
   * asked to answer by; the extension notice, due by the original date): counted as calendar days from `at`.
   */
  async openUntil(
    manager: EntityManager,
    complaint: Complaint,
    kind: DeadlineKind,
    start: DeadlineStart,
    at: DateTime,
    date: string,
  ): Promise<OpenedDeadline[]> {
    const days = Math.max(0, Math.round(DateTime.fromISO(date, { zone: ZONE }).diff(at.setZone(ZONE).startOf('day'), 'days').days));
    const term: Term = { amount: days, unit: DeadlineUnit.CALENDAR_DAYS };
    const calendar = await this.calendar(manager);
    const explanation = explainDue(calendar, at, term, start);
    const due = { rule: { kind, ...term }, dueAt: DateTime.fromISO(explanation.dueAt, { zone: ZONE }), dueDate: explanation.dueDate, explanation, calendar };
    return this.insert(manager, complaint, [due], start, at);
  }

  async meet(manager: EntityManager, complaint: Complaint, kinds: readonly string[], at: DateTime): Promise<string[]> {
    if (kinds.length === 0) return [];
    const [rows] = (await manager.query(
      `UPDATE deadline SET met_at = $3, paused_at = NULL WHERE complaint_id = $1 AND kind = ANY($2) AND met_at IS NULL AND cancelled_at IS NULL RETURNING kind`,
      [complaint.id, kinds, at.toJSDate()],
    )) as [Array<{ kind: string }>, number];
    return rows.map((row) => row.kind);
  }

  async cancel(manager: EntityManager, complaint: Complaint, kinds: readonly string[] | 'ALL', at: DateTime): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE deadline SET cancelled_at = $3, paused_at = NULL
       WHERE complaint_id = $1 AND ($2::varchar[] IS NULL OR kind = ANY($2)) AND met_at IS NULL AND cancelled_at IS NULL RETURNING kind`,
      [complaint.id, kinds === 'ALL' ? null : kinds, at.toJSDate()],
    )) as [Array<{ kind: string }>, number];
    return rows.map((row) => row.kind);
  }

  /** The clock stops: the organisation's open deadlines that are not yet due stand still from `at` (one already late stays late). */
  async pause(manager: EntityManager, complaint: Complaint, at: DateTime): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE deadline SET paused_at = $2
       WHERE complaint_id = $1 AND met_at IS NULL AND cancelled_at IS NULL AND paused_at IS NULL AND due_at > $2 AND ${owedByOrganisationSql('kind')}
       RETURNING kind`,
      [complaint.id, at.toJSDate()],
    )) as [Array<{ kind: string }>, number];
    return rows.map((row) => row.kind);
  }

  /** The clock runs again at `at`: every deadline that stood still moves by the paused time, in its own unit. */
  async resume(manager: EntityManager, complaint: Complaint, at: DateTime): Promise<MovedDeadline[]> {
    const repository = manager.getRepository(Deadline);
    const paused = await repository.find({ where: { complaintId: complaint.id }, order: { dueAt: 'ASC' } });
    const calendar = await this.calendar(manager);
    const moved: MovedDeadline[] = [];
    for (const deadline of paused.filter((candidate) => candidate.pausedAt && !candidate.metAt && !candidate.cancelledAt)) {
      const explanation = pauseDue(calendar, explanationOf(deadline, calendar), DateTime.fromJSDate(deadline.pausedAt!).setZone(ZONE), at);
      moved.push({ kind: deadline.kind, previousDueDate: deadline.dueDate, dueDate: explanation.dueDate, dueAt: explanation.dueAt });
      const dueAt = DateTime.fromISO(explanation.dueAt, { zone: ZONE });
      await repository.update(
        { id: deadline.id },
        { pausedAt: null, dueAt: dueAt.toJSDate(), dueDate: explanation.dueDate, explanation, ...watchedAgain(calendar, complaint, deadline, dueAt, at) },
      );
    }
    return moved;
  }

  /** RESPOND moves by `weeks` (an extension); the notice of it is due by the date it had. */
  async extend(manager: EntityManager, complaint: Complaint, at: DateTime, weeks: number, reason: string): Promise<MovedDeadline | undefined> {
    const repository = manager.getRepository(Deadline);
    const respond = (await repository.find({ where: { complaintId: complaint.id, kind: DeadlineKind.RESPOND }, order: { createdAt: 'DESC' } })).find(
      (deadline) => !deadline.metAt && !deadline.cancelledAt,
    );
    if (!respond) return undefined;
    const calendar = await this.calendar(manager);
    const explanation = extendDue(calendar, explanationOf(respond, calendar), at, weeks, reason);
    const dueAt = DateTime.fromISO(explanation.dueAt, { zone: ZONE });
    await repository.update(
      { id: respond.id },
      { dueAt: dueAt.toJSDate(), dueDate: explanation.dueDate, explanation, ...watchedAgain(calendar, complaint, respond, dueAt, at) },
    );
    return { kind: respond.kind, previousDueDate: respond.dueDate, dueDate: explanation.dueDate, dueAt: explanation.dueAt };
  }

  /** The open RESPOND deadline, if any. */
  async openRespond(manager: EntityManager, complaint: Complaint): Promise<Deadline | undefined> {
    const deadlines = await manager.getRepository(Deadline).find({ where: { complaintId: complaint.id, kind: DeadlineKind.RESPOND } });
    return deadlines.find((deadline) => !deadline.metAt && !deadline.cancelledAt);
  }

  async refreshNextDue(manager: EntityManager, complaint: Complaint): Promise<void> {
    await manager.query(
      `UPDATE complaint SET (next_due_at, next_due_kind) = (
         SELECT due_at, kind FROM deadline
         WHERE complaint_id = $1 AND met_at IS NULL AND cancelled_at IS NULL AND paused_at IS NULL AND ${owedByOrganisationSql('kind')}
         ORDER BY due_at, kind LIMIT 1
       ) WHERE id = $1`,
      [complaint.id],
    );
  }
}
