import { DateTime } from 'luxon';
import { DeadlineUnit, statutoryHolidays, WorkingCalendar } from '../../api/src/calendar/working-calendar';

// Decree days for 2026–2028 (DOMAIN.md), as they are seeded into the database.
const DECREE = [
  { date: '2026-01-02', description: 'Besluit: vrijdag na Nieuwjaarsdag' },
  { date: '2026-05-15', description: 'Besluit: vrijdag na Hemelvaartsdag' },
  { date: '2027-05-07', description: 'Besluit: vrijdag na Hemelvaartsdag' },
  { date: '2028-04-28', description: 'Besluit: vrijdag na Koningsdag' },
  { date: '2028-05-26', description: 'Besluit: vrijdag na Hemelvaartsdag' },
];
const calendar = new WorkingCalendar(DECREE);
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' });

describe('the Algemene termijnenwet days', () => {
  // Worked out by hand: Easter 2025 = 20 April, 2026 = 5 April, 2027 = 28 March, 2028 = 16 April.
  it.each([
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26']],
    [2028, ['2028-01-01', '2028-04-14', '2028-04-17', '2028-04-27', '2028-05-05', '2028-05-25', '2028-06-05', '2028-12-25', '2028-12-26']],
  ])('are computed for %i', (year, dates) => {
    expect([...statutoryHolidays(year).keys()].sort()).toEqual(dates);
  });

  it("moves King's Day to 26 April when the 27th is a Sunday (2025)", () => {
    expect(statutoryHolidays(2025).get('2025-04-26')).toBe('Koningsdag');
    expect(statutoryHolidays(2025).has('2025-04-27')).toBe(false);
  });

  it('counts decree days and weekends as closed, an ordinary weekday as open', () => {
    expect(calendar.closure(at('2026-05-15'))).toMatch(/Besluit/);
    expect(calendar.closure(at('2026-05-16'))).toBe('zaterdag');
    expect(calendar.closure(at('2026-04-27'))).toBe('Koningsdag');
    expect(calendar.isWorkingDay(at('2026-05-01'))).toBe(true);
    expect(calendar.isWorkingDay(at('2026-01-02'))).toBe(false);
  });
});

describe('deadlines', () => {
  it.each([
    // [received (Amsterdam), amount, unit, due date, why]
    ['2026-04-02T10:00', 2, DeadlineUnit.WORKING_DAYS, '2026-04-08', 'Good Friday and Easter Monday do not count'],
    ['2026-04-24T16:00', 5, DeadlineUnit.WORKING_DAYS, '2026-05-04', "King's Day (Mon 27 April) does not count, 1 May does"],
    ['2026-05-13T09:00', 2, DeadlineUnit.WORKING_DAYS, '2026-05-19', 'Ascension Day and the decree day after it'],
    ['2025-12-30T12:00', 7, DeadlineUnit.WORKING_DAYS, '2026-01-12', "New Year's Day and the decree day 2 January"],
    ['2026-06-02T00:05', 2, DeadlineUnit.WORKING_DAYS, '2026-06-04', 'just after midnight counts from the Amsterdam date, not UTC (1 June 22:05Z)'],
    ['2026-06-05T23:59', 2, DeadlineUnit.WORKING_DAYS, '2026-06-09', 'late on a Friday: Monday and Tuesday'],
    ['2026-06-06T11:00', 2, DeadlineUnit.WORKING_DAYS, '2026-06-09', 'received on a Saturday'],
    ['2026-05-04T10:00', 10, DeadlineUnit.WORKING_DAYS, '2026-05-21', '5 May, Ascension Day, decree day and weekends skipped'],
    ['2026-12-12T10:00', 2, DeadlineUnit.WEEKS, '2026-12-28', '+14 = Boxing Day (a Saturday): next working day'],
    ['2026-12-17T10:00', 15, DeadlineUnit.CALENDAR_DAYS, '2027-01-04', "+15 = New Year's Day: next working day"],
    ['2026-05-01T10:00', 2, DeadlineUnit.WEEKS, '2026-05-18', '+14 = the decree day 15 May: next working day'],
    ['2026-06-03T10:00', 4, DeadlineUnit.WEEKS, '2026-07-01', 'four weeks on a plain Wednesday'],
    ['2026-05-14T10:00', 0, DeadlineUnit.SAME_DAY, '2026-05-18', 'received on Ascension Day: the first working day is Monday'],
    ['2026-06-03T17:30', 0, DeadlineUnit.SAME_DAY, '2026-06-03', 'received on a working day: that day'],
  ])('%s + %i %s is due %s (%s)', (received, amount, unit, dueDate) => {
    const due = calendar.due(at(received), { amount, unit });
    expect(due.dueDate).toBe(dueDate);
    expect(due.dueAt.toISO()).toBe(at(`${dueDate}T23:59:59.999`).toISO());
  });

  it('counts hours exactly across the switch to summer time (an hour is lost)', () => {
    const due = calendar.due(at('2026-03-28T10:00'), { amount: 48, unit: DeadlineUnit.HOURS });
    expect(due.dueAt.toISO()).toBe('2026-03-30T11:00:00.000+02:00');
    expect(due.dueDate).toBe('2026-03-30');
  });

  it('counts hours exactly across the switch to winter time (an hour is gained)', () => {
    const due = calendar.due(at('2026-10-24T10:00'), { amount: 48, unit: DeadlineUnit.HOURS });
    expect(due.dueAt.toISO()).toBe('2026-10-26T09:00:00.000+01:00');
  });

  it('ends a day-based deadline at the end of its Amsterdam day, in summer and in winter', () => {
    expect(calendar.due(at('2026-07-01T09:00'), { amount: 1, unit: DeadlineUnit.WORKING_DAYS }).dueAt.toUTC().toISO()).toBe('2026-07-02T21:59:59.999Z');
    expect(calendar.due(at('2026-01-14T09:00'), { amount: 1, unit: DeadlineUnit.WORKING_DAYS }).dueAt.toUTC().toISO()).toBe('2026-01-15T22:59:59.999Z');
  });

  it("takes the organisation's own closing days into account", () => {
    const withClosing = new WorkingCalendar([...DECREE, { date: '2026-12-31', description: 'Kantoor gesloten' }]);
    expect(withClosing.due(at('2026-12-29T10:00'), { amount: 2, unit: DeadlineUnit.WORKING_DAYS }).dueDate).toBe('2027-01-04');
    expect(calendar.due(at('2026-12-29T10:00'), { amount: 2, unit: DeadlineUnit.WORKING_DAYS }).dueDate).toBe('2026-12-31');
  });
});

describe('lead times in working days', () => {
  it.each([
    ['2026-04-02T10:00', '2026-04-02T17:00', 0, 'the same day'],
    ['2026-04-02T10:00', '2026-04-08T09:00', 2, 'across Good Friday and Easter Monday'],
    ['2026-05-13T09:00', '2026-05-19T09:00', 2, 'across Ascension Day and the decree day'],
    ['2026-06-05T23:30', '2026-06-08T00:10', 1, 'Friday night to Monday just after midnight'],
    ['2026-06-08T10:00', '2026-06-05T10:00', 0, 'backwards counts nothing'],
  ])('%s → %s is %i (%s)', (from, to, days) => {
    expect(calendar.workingDaysBetween(at(from), at(to))).toBe(days);
  });

  it('agrees with due(): N working days after X are N working days away', () => {
    for (const start of ['2026-04-02T10:00', '2026-12-23T15:00', '2027-05-05T08:00']) {
      for (const amount of [1, 2, 5, 7, 10]) {
        const due = calendar.due(at(start), { amount, unit: DeadlineUnit.WORKING_DAYS });
        expect(calendar.workingDaysBetween(at(start), due.dueAt)).toBe(amount);
      }
    }
  });
});

describe('counting by year tables', () => {
  // The plain definition, one day at a time: what the tables must agree with.
  const slowAdd = (from: DateTime, amount: number) => {
    let day = from.setZone('Europe/Amsterdam').startOf('day');
    for (let counted = 0; counted < amount;) {
      day = day.plus({ days: 1 });
      if (calendar.isWorkingDay(day)) counted++;
    }
    return day.toISODate();
  };
  const slowBetween = (from: DateTime, to: DateTime) => {
    let day = from.startOf('day');
    let count = 0;
    while (day < to.startOf('day')) {
      day = day.plus({ days: 1 });
      if (calendar.isWorkingDay(day)) count++;
    }
    return count;
  };
  // A fixed pseudo-random walk over 2000–2100, across year ends, holidays and decree days.
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const samples = Array.from({ length: 120 }, () => {
    const from = DateTime.fromObject({ year: 2000 + Math.floor(random() * 100), ordinal: 1 + Math.floor(random() * 365) }, { zone: 'Europe/Amsterdam' }).plus({
      hours: Math.floor(random() * 24),
    });
    return { from, amount: Math.floor(random() * 400), to: from.plus({ days: Math.floor(random() * 500) }) };
  });

  it('agree with counting day by day: 120 dates from 2000 to 2100, terms up to 400 working days', () => {
    for (const { from, amount, to } of samples) {
      expect({ from: from.toISO(), amount, due: calendar.addWorkingDays(from, amount).toISODate() }).toEqual({
        from: from.toISO(),
        amount,
        due: slowAdd(from, amount),
      });
      expect({ from: from.toISO(), to: to.toISO(), days: calendar.workingDaysBetween(from, to) }).toEqual({
        from: from.toISO(),
        to: to.toISO(),
        days: slowBetween(from, to),
      });
    }
  });

  const slowBefore = (date: DateTime, amount: number) => {
    let day = date.setZone('Europe/Amsterdam').startOf('day');
    for (let left = amount; left > 0;) {
      day = day.minus({ days: 1 });
      if (calendar.isWorkingDay(day)) left--;
    }
    return day.toISO();
  };
  const slowClosures = (first: DateTime, end: DateTime) => {
    const closures: Array<{ date: string; reason: string; name: string }> = [];
    for (let day = first.setZone('Europe/Amsterdam').startOf('day'); day < end.setZone('Europe/Amsterdam').startOf('day'); day = day.plus({ days: 1 })) {
      const closure = calendar.closureOf(day);
      if (closure) closures.push({ date: day.toISODate()!, ...closure });
    }
    return closures;
  };

  it('agree with walking day by day for reminders and for the days a count skipped', () => {
    for (const { from, amount, to } of samples) {
      const lead = amount % 30;
      expect({ from: from.toISO(), lead, day: calendar.workingDaysBefore(from, lead).toISO() }).toEqual({
        from: from.toISO(),
        lead,
        day: slowBefore(from, lead),
      });
      expect(calendar.closuresBetween(from, to, 3_000)).toEqual(slowClosures(from, to));
    }
    // across New Year, Christmas and a decree day, and the bound on what is listed
    expect(calendar.workingDaysBefore(at('2027-01-04T09:00'), 3).toISO()).toBe(slowBefore(at('2027-01-04T09:00'), 3));
    expect(calendar.closuresBetween(at('2026-12-20T12:00'), at('2027-01-10T12:00'), 3)).toEqual(
      slowClosures(at('2026-12-20T12:00'), at('2027-01-10T12:00')).slice(0, 3),
    );
  });

  it('count a century in a hundred table look-ups, not 36 500 days', () => {
    const expected = slowAdd(at('2000-01-03T09:00'), 25_000);
    const spy = jest.spyOn(calendar, 'isWorkingDay');
    expect(calendar.workingDaysBetween(at('2000-01-01T09:00'), at('2100-12-31T09:00'))).toBeGreaterThan(25_000);
    expect(calendar.addWorkingDays(at('2000-01-03T09:00'), 25_000).toISODate()).toBe(expected);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('refuses a year it cannot count instead of looping', () => {
    expect(() => calendar.workingDaysBetween(at('1826-01-01T00:00'), at('2026-01-01T00:00'))).toThrow(RangeError);
    expect(() => statutoryHolidays(99_999)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.of', () => {
  it('keeps the calendar while the closing days are the same, and makes a new one the moment they change', () => {
    const days = [{ date: '2026-12-28', description: 'Tussen kerst en oud en nieuw' }];
    const first = WorkingCalendar.of(days);
    expect(WorkingCalendar.of([{ ...days[0] }])).toBe(first);
    expect(first.isWorkingDay(at('2026-12-28T10:00'))).toBe(false);
    const changed = WorkingCalendar.of([]);
    expect(changed).not.toBe(first);
    expect(changed.isWorkingDay(at('2026-12-28T10:00'))).toBe(true);
    expect(WorkingCalendar.of([{ ...days[0], kind: 'DECREE' }]).closureOf(at('2026-12-28T10:00'))).toMatchObject({ reason: 'DECREE_DAY' });
  });
});
