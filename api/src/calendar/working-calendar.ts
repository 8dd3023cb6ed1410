import Holidays from 'date-holidays';
import type { DateTime } from 'luxon';
import { registerEnumType } from 'type-graphql';
import { ZONE } from '../shared/clock';

/**
 * Counting time (DOMAIN.md): Europe/Amsterdam; working days are Monday to Friday except the days of
 * the Algemene termijnenwet, the days equated to them by decree, and the organisation's own closing
 * days. Every deadline in the product is computed here.
 */
export enum DeadlineUnit {
  /** The date itself when it is a working day, else the next working day. */
  SAME_DAY = 'SAME_DAY',
  /** The N-th working day after the date (the date itself does not count). */
  WORKING_DAYS = 'WORKING_DAYS',
  /** The date plus N calendar days; moved to the next working day when that is not one (Atw art. 1). */
  CALENDAR_DAYS = 'CALENDAR_DAYS',
  /** As CALENDAR_DAYS with 7·N days. */
  WEEKS = 'WEEKS',
  /** Exactly N clock hours later. */
  HOURS = 'HOURS',
}
registerEnumType(DeadlineUnit, { name: 'DeadlineUnit', description: 'How a deadline is counted (DOMAIN.md, Counting time).' });

export interface Term {
  amount: number;
  unit: DeadlineUnit;
}

export interface Due {
  /** The moment it is due: the end of the due date in Amsterdam, or the exact hour for HOURS. */
  dueAt: DateTime;
  /** YYYY-MM-DD in Amsterdam. */
  dueDate: string;
}

/**
 * The Algemene termijnenwet's days (art. 3), as rules for date-holidays' engine, which computes them
 * for any year (Easter included). King's Day moves to the 26th when the 27th is a Sunday.
 */
const STATUTORY_RULES: Record<string, string> = {
  '01-01': 'Nieuwjaarsdag',
  'easter -2': 'Goede Vrijdag',
  'easter 1': 'Tweede Paasdag',
  '04-27 if sunday then previous saturday': 'Koningsdag',
  '05-05': 'Bevrijdingsdag',
  'easter 39': 'Hemelvaartsdag',
  'easter 50': 'Tweede Pinksterdag',
  '12-25': 'Eerste Kerstdag',
  '12-26': 'Tweede Kerstdag',
};

const statutory = new Holidays();
statutory.init();
for (const [rule, name] of Object.entries(STATUTORY_RULES)) statutory.setHoliday(rule, { name: { nl: name }, type: 'public' });

const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The statutory days of a year: ISO date → Dutch name. */
export function statutoryHolidays(year: number): ReadonlyMap<string, string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Map(statutory.getHolidays(year, 'nl').map((holiday) => [holiday.date.slice(0, 10), holiday.name] as const));
    holidaysByYear.set(year, days);
  }
  return days;
}

/** A day that is not a working day for another reason than the weekend or the law. */
export interface ClosedDay {
  date: string;
  description: string;
}

export class WorkingCalendar {
  private readonly closed: ReadonlyMap<string, string>;

  /** `closedDays`: the decree days and the organisation's closing days. */
  constructor(closedDays: readonly ClosedDay[] = []) {
    this.closed = new Map(closedDays.map((day) => [day.date, day.description]));
  }

  /** Why a date is not a working day, or undefined when it is one. */
  closure(date: DateTime): string | undefined {
    const local = date.setZone(ZONE);
    if (local.weekday >= 6) return local.weekday === 6 ? 'zaterdag' : 'zondag';
    const iso = local.toISODate()!;
    return statutoryHolidays(local.year).get(iso) ?? this.closed.get(iso);
  }

  isWorkingDay(date: DateTime): boolean {
    return this.closure(date) === undefined;
  }

  nextWorkingDayOnOrAfter(date: DateTime): DateTime {
    let day = date.setZone(ZONE).startOf('day');
    while (!this.isWorkingDay(day)) day = day.plus({ days: 1 });
    return day;
  }

  /** The N-th working day after the date of `from`; the date itself does not count. */
  addWorkingDays(from: DateTime, amount: number): DateTime {
    let day = from.setZone(ZONE).startOf('day');
    for (let counted = 0; counted < amount; ) {
      day = day.plus({ days: 1 });
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  /** Working days from the date of `from` to the date of `to`: those after the first, up to and including the last. */
  workingDaysBetween(from: DateTime, to: DateTime): number {
    let day = from.setZone(ZONE).startOf('day');
    const last = to.setZone(ZONE).startOf('day');
    let count = 0;
    while (day < last) {
      day = day.plus({ days: 1 });
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  due(from: DateTime, term: Term): Due {
    const start = from.setZone(ZONE);
    if (term.unit === DeadlineUnit.HOURS) {
      const dueAt = start.plus({ milliseconds: term.amount * 3_600_000 });
      return { dueAt, dueDate: dueAt.toISODate()! };
    }
    const day =
      term.unit === DeadlineUnit.SAME_DAY
        ? this.nextWorkingDayOnOrAfter(start)
        : term.unit === DeadlineUnit.WORKING_DAYS
          ? this.addWorkingDays(start, term.amount)
          : this.nextWorkingDayOnOrAfter(start.startOf('day').plus({ days: term.unit === DeadlineUnit.WEEKS ? 7 * term.amount : term.amount }));
    return { dueAt: day.endOf('day'), dueDate: day.toISODate()! };
  }
}
