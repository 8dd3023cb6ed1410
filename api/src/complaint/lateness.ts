import { DateTime } from 'luxon';
import type { Loaders } from '../loaders';

/**
 * How late a deadline is, in working days on the Dutch calendar, from its due moment to `until` (now, or when it was
 * met): 0 when that is the same day; null when `until` is not after it. The request's working calendar, read once.
 */
export async function workingDaysLate(dueAt: Date | null, until: DateTime, loaders: Loaders): Promise<number | null> {
  if (!dueAt || until.toMillis() <= dueAt.getTime()) return null;
  return (await loaders.workingCalendar()).workingDaysBetween(DateTime.fromJSDate(dueAt), until);
}
