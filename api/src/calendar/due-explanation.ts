import { DateTime } from 'luxon';
import { ZONE } from '../shared/clock';
import { DeadlineUnit, type SkipReason, type Term, type WorkingCalendar } from './working-calendar';

/**
 * Why a due date is what it is (DOMAIN.md, "Explaining a date"): the term, the moment it counts from, each
 * day the count skipped and why, and every pause and extension that moved it since — worked out when the
 * date is computed and kept with the deadline, so it explains the date as it was set, whatever the
 * calendar says later. Moving a deadline goes through here too, so date and explanation never part.
 */

export interface SkippedDayData {
  date: string;
  reason: SkipReason;
  name: string;
}

export type AdjustmentKind = 'PAUSE' | 'EXTENSION';

export interface DueAdjustmentData {
  kind: AdjustmentKind;
  /** The pause's start, or the moment of the extension. */
  from: string;
  /** The pause's end. */
  to?: string;
  /** How long the pause was, in the rule's own unit. */
  workingDays?: number;
  calendarDays?: number;
  hours?: number;
  /** The extension's length. */
  weeks?: number;
  reason?: string;
  previousDueDate: string;
  previousDueAt: string;
  dueDate: string;
  dueAt: string;
  /** The non-working days the new date had to pass. */
  skipped: SkippedDayData[];
}

export interface DueExplanationData {
  amount: number;
  unit: DeadlineUnit;
  startsAt: string;
  /** The moment of the event it counts from. */
  startedAt: string;
  /** Calendar-day and week rules: the date before it was moved to a working day. */
  nominalDate?: string;
  /** The non-working days the count passed, with their names. */
  skipped: SkippedDayData[];
  adjustments: DueAdjustmentData[];
  dueDate: string;
  dueAt: string;
}

/** A bound on the days listed in one explanation (a term is at most 366 weeks). */
const MAX_LISTED_DAYS = 3_000;

const local = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });

/** The non-working days from `first` up to, not including, `end` (dates). */
function skippedBetween(calendar: WorkingCalendar, first: DateTime, end: DateTime): SkippedDayData[] {
  return calendar.closuresBetween(first, end, MAX_LISTED_DAYS).map(({ date, reason, name }) => ({ date, reason, name }));
}

const isDayRule = (unit: DeadlineUnit) => unit === DeadlineUnit.CALENDAR_DAYS || unit === DeadlineUnit.WEEKS;

/** A day rule's due date: the nominal date, or the next working day when it is not one (Atw art. 1). */
function rolled(calendar: WorkingCalendar, nominal: DateTime): DateTime {
  return calendar.nextWorkingDayOnOrAfter(nominal);
}

/** The due date of `term` counted from `from`, with how it was reached. */
export function explainDue(calendar: WorkingCalendar, from: DateTime, term: Term, startsAt: string): DueExplanationData {
  const start = from.setZone(ZONE);
  const { dueAt, dueDate } = calendar.due(start, term);
  const base = { amount: term.amount, unit: term.unit, startsAt, startedAt: start.toISO()!, adjustments: [], dueDate, dueAt: dueAt.toISO()! };
  if (term.unit === DeadlineUnit.HOURS) return { ...base, skipped: [] };
  if (isDayRule(term.unit)) {
    const nominal = start.startOf('day').plus({ days: term.unit === DeadlineUnit.WEEKS ? 7 * term.amount : term.amount });
    return { ...base, nominalDate: nominal.toISODate()!, skipped: skippedBetween(calendar, nominal, dueAt) };
  }
  // working days (and the same day): the days after the start (from the start itself for the same day) that did not count
  const first = term.unit === DeadlineUnit.SAME_DAY ? start : start.plus({ days: 1 });
  return { ...base, skipped: skippedBetween(calendar, first, dueAt) };
}

/**
 * The due date after a pause from `pausedFrom` to `pausedTo`, counted in the rule's own unit: a working-day
 * rule keeps the working days it had left; a day or week rule moves by the calendar days paused, then rolls
 * to a working day; an hour rule moves by the hours paused.
 */
export function pauseDue(calendar: WorkingCalendar, current: DueExplanationData, pausedFrom: DateTime, pausedTo: DateTime): DueExplanationData {
  const from = pausedFrom.setZone(ZONE);
  const to = pausedTo.setZone(ZONE);
  const previousAt = local(current.dueAt);
  const adjustment = { kind: 'PAUSE' as const, from: from.toISO()!, to: to.toISO()!, previousDueDate: current.dueDate, previousDueAt: current.dueAt };
  if (current.unit === DeadlineUnit.HOURS) {
    const hours = to.diff(from).as('hours');
    const dueAt = previousAt.plus(to.diff(from));
    return withAdjustment(current, { ...adjustment, hours: Math.round(hours * 100) / 100, dueDate: dueAt.toISODate()!, dueAt: dueAt.toISO()!, skipped: [] });
  }
  if (isDayRule(current.unit)) {
    const calendarDays = Math.round(to.startOf('day').diff(from.startOf('day'), 'days').days);
    // the count stood still from the pause's start: a nominal date already behind it counts from there
    const nominalBefore = current.nominalDate ? local(current.nominalDate) : previousAt.startOf('day');
    const base = nominalBefore < from.startOf('day') ? from.startOf('day') : nominalBefore;
    const nominal = base.plus({ days: calendarDays });
    const due = rolled(calendar, nominal);
    return withAdjustment(
      { ...current, nominalDate: nominal.toISODate()! },
      { ...adjustment, calendarDays, dueDate: due.toISODate()!, dueAt: due.endOf('day').toISO()!, skipped: skippedBetween(calendar, nominal, due) },
    );
  }
  const remaining = calendar.workingDaysBetween(from, previousAt);
  const workingDays = calendar.workingDaysBetween(from, to);
  const due = remaining === 0 ? calendar.nextWorkingDayOnOrAfter(to) : calendar.addWorkingDays(to, remaining);
  return withAdjustment(current, {
    ...adjustment,
    workingDays,
    dueDate: due.toISODate()!,
    dueAt: due.endOf('day').toISO()!,
    skipped: skippedBetween(calendar, previousAt.plus({ days: 1 }), due),
  });
}

/** The due date after an extension by `weeks` (Awb 9:11): 7·weeks calendar days later, rolled to a working day. */
export function extendDue(calendar: WorkingCalendar, current: DueExplanationData, at: DateTime, weeks: number, reason: string): DueExplanationData {
  const previousAt = local(current.dueAt);
  const adjustment = {
    kind: 'EXTENSION' as const,
    from: at.setZone(ZONE).toISO()!,
    weeks,
    reason,
    previousDueDate: current.dueDate,
    previousDueAt: current.dueAt,
  };
  if (current.unit === DeadlineUnit.HOURS) {
    const dueAt = previousAt.plus({ days: 7 * weeks });
    return withAdjustment(current, { ...adjustment, dueDate: dueAt.toISODate()!, dueAt: dueAt.toISO()!, skipped: [] });
  }
  const nominal = (current.nominalDate && isDayRule(current.unit) ? local(current.nominalDate) : previousAt.startOf('day')).plus({ days: 7 * weeks });
  const due = rolled(calendar, nominal);
  return withAdjustment(isDayRule(current.unit) ? { ...current, nominalDate: nominal.toISODate()! } : current, {
    ...adjustment,
    dueDate: due.toISODate()!,
    dueAt: due.endOf('day').toISO()!,
    skipped: skippedBetween(calendar, nominal, due),
  });
}

function withAdjustment(current: DueExplanationData, adjustment: DueAdjustmentData): DueExplanationData {
  return { ...current, adjustments: [...current.adjustments, adjustment], dueDate: adjustment.dueDate, dueAt: adjustment.dueAt };
}
