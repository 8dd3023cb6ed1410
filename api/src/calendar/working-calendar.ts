import type Holidays from 'date-holidays';
import { DateTime } from 'luxon';
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

let rules: Holidays | undefined;

/** The rules above in date-holidays, made at the first year asked: loading it is a seventh of a second of a start. */
function statutory(): Holidays {
  if (rules) return rules;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const made = new (require('date-holidays') as typeof Holidays)();
  made.init();
  for (const [rule, name] of Object.entries(STATUTORY_RULES)) made.setHoliday(rule, { name: { nl: name }, type: 'public' });
  return (rules = made);
}

/** The years dates may be given in (receipt, periods, closing days, nonWorkingDays). Deadlines may run past the last. */
export const CALENDAR_YEARS = { first: 2000, last: 2100 } as const;

/** Years the engine computes at all: a bound on any loop over years, whatever a deadline asks. */
const COMPUTABLE_YEARS = { first: 1900, last: 2300 } as const;

/** Caches of per-year tables are bounded: the least recently added year goes first. */
const YEAR_CACHE_SIZE = 64;

function remember<V>(cache: Map<number, V>, year: number, value: V): V {
  if (cache.size >= YEAR_CACHE_SIZE) cache.delete(cache.keys().next().value as number);
  cache.set(year, value);
  return value;
}

function assertComputable(year: number): void {
  if (!Number.isInteger(year) || year < COMPUTABLE_YEARS.first || year > COMPUTABLE_YEARS.last) {
    throw new RangeError(`The working calendar counts the years ${COMPUTABLE_YEARS.first} to ${COMPUTABLE_YEARS.last}, not ${year}.`);
  }
}

const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The statutory days of a year: ISO date → Dutch name. */
export function statutoryHolidays(year: number): ReadonlyMap<string, string> {
  assertComputable(year);
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  return remember(
    holidaysByYear,
    year,
    new Map(
      statutory()
        .getHolidays(year, 'nl')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name] as const),
    ),
  );
}

/** A day that is not a working day for another reason than the weekend or the law. */
export interface ClosedDay {
  date: string;
  description: string;
  /** Equated to a statutory holiday by decree, or the organisation's own closing day (the default). */
  kind?: 'DECREE' | 'CLOSING';
}

/** Why a day is not a working day. */
export enum SkipReason {
  WEEKEND = 'WEEKEND',
  /** A day of the Algemene termijnenwet (art. 3). */
  HOLIDAY = 'HOLIDAY',
  /** Equated to one by decree. */
  DECREE_DAY = 'DECREE_DAY',
  /** The organisation's own closing day. */
  CLOSING_DAY = 'CLOSING_DAY',
}
registerEnumType(SkipReason, { name: 'SkipReason', description: 'Why a day is not a working day.' });

export interface Closure {
  reason: SkipReason;
  /** zaterdag, Koningsdag, the decree's or the closing day's description. */
  name: string;
}

/** One year's working days: `prefix[k]` counts the working days among its first k days. */
interface YearTable {
  year: number;
  days: number;
  prefix: Uint16Array;
}

/** The smallest k with prefix[k] >= target (prefix is non-decreasing). */
function firstReaching(prefix: Uint16Array, target: number): number {
  let low = 0;
  let high = prefix.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (prefix[middle] >= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The calendar `WorkingCalendar.of` made last, with what it was made of. */
let latest: { key: string; calendar: WorkingCalendar } | undefined;

export class WorkingCalendar {
  private readonly closed: ReadonlyMap<string, Closure>;
  private readonly tables = new Map<number, YearTable>();

  /**
   * The calendar of these closing days: the one made last when they are the same. Each request reads the closing
   * days, so a change counts at once; what is kept is only the year tables, which are the cost of a calendar.
   */
  static of(closedDays: readonly ClosedDay[]): WorkingCalendar {
    const key = JSON.stringify(closedDays.map((day) => [day.date, day.kind ?? 'CLOSING', day.description]).sort());
    if (latest?.key !== key) latest = { key, calendar: new WorkingCalendar(closedDays) };
    return latest.calendar;
  }

  /** `closedDays`: the decree days and the organisation's closing days. */
  constructor(closedDays: readonly ClosedDay[] = []) {
    this.closed = new Map(
      closedDays.map((day) => [day.date, { reason: day.kind === 'DECREE' ? SkipReason.DECREE_DAY : SkipReason.CLOSING_DAY, name: day.description }]),
    );
  }

  /** Why a date is not a working day (its name), or undefined when it is one. */
  closure(date: DateTime): string | undefined {
    return this.closureOf(date)?.name;
  }

  /** Why a date is not a working day, or undefined when it is one. */
  closureOf(date: DateTime): Closure | undefined {
    const local = date.setZone(ZONE);
    return this.closureOfDay(local.toISODate()!, local.weekday, local.year);
  }

  /** The same for a day given as its date (ISO), weekday and year in Amsterdam. */
  private closureOfDay(iso: string, weekday: number, year: number): Closure | undefined {
    if (weekday >= 6) return { reason: SkipReason.WEEKEND, name: weekday === 6 ? 'zaterdag' : 'zondag' };
    const holiday = statutoryHolidays(year).get(iso);
    if (holiday) return { reason: SkipReason.HOLIDAY, name: holiday };
    return this.closed.get(iso);
  }

  /**
   * The days that are not working days from the date of `first` up to, not including, the date of `end`, with why;
   * at most `limit`. Read from the year tables: a date is made only for a day that is skipped, as a date without a
   * time zone (stepping day by day in Europe/Amsterdam was a sixth of an intake's CPU).
   */
  closuresBetween(first: DateTime, end: DateTime, limit: number): Array<Closure & { date: string }> {
    const from = first.setZone(ZONE);
    const to = end.setZone(ZONE);
    const closures: Array<Closure & { date: string }> = [];
    let year = from.year;
    let index = from.ordinal - 1;
    while ((year < to.year || (year === to.year && index < to.ordinal - 1)) && closures.length < limit) {
      const table = this.table(year);
      if (index >= table.days) {
        year += 1;
        index = 0;
        continue;
      }
      if (table.prefix[index + 1] === table.prefix[index]) {
        const day = DateTime.utc(year, 1, 1).plus({ days: index });
        const date = day.toISODate()!;
        closures.push({ date, ...this.closureOfDay(date, day.weekday, year)! });
      }
      index += 1;
    }
    return closures;
  }

  isWorkingDay(date: DateTime): boolean {
    return this.closure(date) === undefined;
  }

  /** The year's table, computed once per calendar: 366 look-ups, then every count in it is O(1). */
  private table(year: number): YearTable {
    const cached = this.tables.get(year);
    if (cached) return cached;
    assertComputable(year);
    const first = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: ZONE });
    const days = first.daysInYear;
    const closed = new Set<number>();
    for (const iso of [...statutoryHolidays(year).keys(), ...this.closed.keys()]) {
      if (iso.startsWith(`${year}-`)) closed.add(DateTime.fromISO(iso, { zone: ZONE }).ordinal - 1);
    }
    const prefix = new Uint16Array(days + 1);
    for (let index = 0; index < days; index++) {
      const weekday = ((first.weekday - 1 + index) % 7) + 1;
      prefix[index + 1] = prefix[index] + (weekday <= 5 && !closed.has(index) ? 1 : 0);
    }
    return remember(this.tables, year, { year, days, prefix });
  }

  private dayOf(year: number, index: number): DateTime {
    return DateTime.fromObject({ year, ordinal: index + 1 }, { zone: ZONE });
  }

  nextWorkingDayOnOrAfter(date: DateTime): DateTime {
    const local = date.setZone(ZONE);
    let year = local.year;
    let index = local.ordinal - 1;
    for (;;) {
      const table = this.table(year);
      if (table.prefix[table.days] > table.prefix[index]) {
        // the first k with prefix[k] > prefix[index], i.e. the first working day at or after `index`
        return this.dayOf(year, firstReaching(table.prefix, table.prefix[index] + 1) - 1);
      }
      year += 1;
      index = 0;
    }
  }

  /** The N-th working day after the date of `from`; the date itself does not count. O(1) per year crossed. */
  addWorkingDays(from: DateTime, amount: number): DateTime {
    const local = from.setZone(ZONE).startOf('day');
    if (amount <= 0) return local;
    let year = local.year;
    let done = this.table(year).prefix[local.ordinal];
    let remaining = amount;
    for (;;) {
      const table = this.table(year);
      const left = table.prefix[table.days] - done;
      if (remaining <= left) return this.dayOf(year, firstReaching(table.prefix, done + remaining) - 1);
      remaining -= left;
      year += 1;
      done = 0;
    }
  }

  /** The start of the working day `amount` working days before `date`'s day (a reminder's day): 2 before a Tuesday is the Friday before. */
  workingDaysBefore(date: DateTime, amount: number): DateTime {
    const day = date.setZone(ZONE).startOf('day');
    // bounded: a year has at least 200 working days, so 366 working days back lie within three years
    let left = Math.min(Math.max(amount, 0), 366);
    if (left === 0) return day;
    let year = day.year;
    // the working days of its year before the day
    let before = this.table(year).prefix[day.ordinal - 1];
    for (;;) {
      const table = this.table(year);
      // the working day with `left` working days from it up to the day: where the count reaches before − left + 1
      if (before >= left) return this.dayOf(year, firstReaching(table.prefix, before - left + 1) - 1);
      left -= before;
      year -= 1;
      const previous = this.table(year);
      before = previous.prefix[previous.days];
    }
  }

  /** Working days from the date of `from` to the date of `to`: those after the first, up to and including the last. O(1) per year. */
  workingDaysBetween(from: DateTime, to: DateTime): number {
    const start = from.setZone(ZONE);
    const end = to.setZone(ZONE);
    if (end.startOf('day') <= start.startOf('day')) return 0;
    let count = -this.table(start.year).prefix[start.ordinal];
    for (let year = start.year; year < end.year; year++) count += this.table(year).prefix[this.table(year).days];
    return count + this.table(end.year).prefix[end.ordinal];
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
