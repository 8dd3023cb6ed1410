import type { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { CalendarDay } from '../calendar/calendar-day.entity';
import { WorkingCalendar } from '../calendar/working-calendar';
import type { DeadlineRule } from '../policy/policy.entity';
import type { Complaint } from './complaint.entity';
import type { DeadlineStart } from './complaint.enums';
import { isOwedByOrganisation, owedByOrganisationSql } from './complaint.procedure';
import { Deadline } from './deadline.entity';

export interface PlannedDeadline {
  rule: DeadlineRule;
  dueAt: DateTime;
  dueDate: string;
}

/** What the history records of a deadline that was opened. */
export interface OpenedDeadline {
  kind: string;
  dueDate: string;
  dueAt: string;
}

/** The earliest due moment among deadlines the organisation owes (the complainant's objection window is theirs). */
export function nextDue(dues: PlannedDeadline[]): Date | null {
  const own = dues.filter((due) => isOwedByOrganisation(due.rule.kind)).map((due) => due.dueAt.toMillis());
  return own.length ? new Date(Math.min(...own)) : null;
}

/**
 * The deadlines of a complaint: planned on the working calendar (api/src/calendar), opened, met and
 * cancelled in the step's transaction, and the complaint's `next_due_at` kept in step with them.
 */
export class DeadlinePlanner {
  /** The calendar with today's decree and closing days (they count for deadlines opened from now on). */
  async calendar(manager: EntityManager): Promise<WorkingCalendar> {
    const days = await manager.getRepository(CalendarDay).find();
    return new WorkingCalendar(days.map((day) => ({ date: day.date, description: day.description })));
  }

  async plan(manager: EntityManager, rules: readonly DeadlineRule[], at: DateTime): Promise<PlannedDeadline[]> {
    if (rules.length === 0) return [];
    const calendar = await this.calendar(manager);
    return rules.map((rule) => ({ rule, ...calendar.due(at, rule) }));
  }

  async insert(manager: EntityManager, complaint: Complaint, dues: PlannedDeadline[], start: DeadlineStart, at: DateTime): Promise<OpenedDeadline[]> {
    if (dues.length === 0) return [];
    const deadlines = dues.map(({ rule, dueAt, dueDate }) =>
      manager.getRepository(Deadline).create({
        complaintId: complaint.id,
        kind: rule.kind,
        amount: rule.amount,
        unit: rule.unit,
        startsAt: start,
        startedAt: at.toJSDate(),
        dueAt: dueAt.toJSDate(),
        dueDate,
      }),
    );
    await manager.getRepository(Deadline).insert(deadlines);
    return deadlines.map((deadline) => ({ kind: deadline.kind, dueDate: deadline.dueDate, dueAt: deadline.dueAt.toISOString() }));
  }

  async open(manager: EntityManager, complaint: Complaint, rules: readonly DeadlineRule[], start: DeadlineStart, at: DateTime): Promise<OpenedDeadline[]> {
    return this.insert(manager, complaint, await this.plan(manager, rules, at), start, at);
  }

  async meet(manager: EntityManager, complaint: Complaint, kinds: readonly string[], at: DateTime): Promise<string[]> {
    if (kinds.length === 0) return [];
    const [rows] = (await manager.query(
      `UPDATE deadline SET met_at = $3 WHERE complaint_id = $1 AND kind = ANY($2) AND met_at IS NULL AND cancelled_at IS NULL RETURNING kind`,
      [complaint.id, kinds, at.toJSDate()],
    )) as [Array<{ kind: string }>, number];
    return rows.map((row) => row.kind);
  }

  async cancel(manager: EntityManager, complaint: Complaint, kinds: readonly string[] | 'ALL', at: DateTime): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE deadline SET cancelled_at = $3 WHERE complaint_id = $1 AND ($2::varchar[] IS NULL OR kind = ANY($2)) AND met_at IS NULL AND cancelled_at IS NULL RETURNING kind`,
      [complaint.id, kinds === 'ALL' ? null : kinds, at.toJSDate()],
    )) as [Array<{ kind: string }>, number];
    return rows.map((row) => row.kind);
  }

  async refreshNextDue(manager: EntityManager, complaint: Complaint): Promise<void> {
    await manager.query(
      `UPDATE complaint SET next_due_at = (
         SELECT min(due_at) FROM deadline
         WHERE complaint_id = $1 AND met_at IS NULL AND cancelled_at IS NULL AND ${owedByOrganisationSql('kind')}
       ) WHERE id = $1`,
      [complaint.id],
    );
  }
}
