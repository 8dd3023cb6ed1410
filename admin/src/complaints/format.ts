/** Dates and times as the organisation reads them: Dutch, in Europe/Amsterdam. */

export const TIME_ZONE = 'Europe/Amsterdam';
const LOCALE = 'nl-NL';

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
});
const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: TIME_ZONE,
});

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const numberFormats = [0, 1].map((digits) => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }));

const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

/** "3 december 2027": the Amsterdam day of a moment. */
export const formatDate = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
};

/** A whole number the Dutch way: "12.345". */
export const formatCount = (value: number): string => numberFormats[0].format(value);

/** A file's size the Dutch way: "512 bytes", "12,3 kB", "4,5 MB" (1 kB = 1024 bytes, as the API's limits count). */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${formatCount(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${numberFormats[1].format(value)} ${units[unit]}`;
};

/** "3 dec 2025 14:05" */
export const formatDateTime = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date);
};

/** A `YYYY-MM-DD` day as "wo 3 dec 2025"; the day never shifts with the time zone. */
export const formatDay = (day: string | null | undefined): string => {
  if (!day) return '';
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
};

/** The Amsterdam calendar day of a moment, as `YYYY-MM-DD`. */
export const amsterdamDay = (value: string | Date = new Date()): string => isoDayFormat.format(toDate(value));

/** What a `<input type="datetime-local">` gives (local time) as an ISO instant for the API. */
export const toIsoDateTime = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

/** Client-side check of a moment the API refuses in the future (it allows 2 minutes of skew). */
export const notInTheFuture = (value: unknown): string | undefined => {
  if (!value) return undefined;
  const date = new Date(String(value));
  return !Number.isNaN(date.getTime()) && date.getTime() > Date.now() + 60_000 ? 'Mag niet in de toekomst liggen' : undefined;
};

/** Client-side check of a moment that must lie ahead (a hearing: the API refuses the past). */
export const inTheFuture = (value: unknown): string | undefined => {
  if (!value) return undefined;
  const date = new Date(String(value));
  return !Number.isNaN(date.getTime()) && date.getTime() <= Date.now() ? 'Moet in de toekomst liggen' : undefined;
};

/** A `YYYY-MM-DD` day that may not lie after today (Amsterdam). */
export const notLaterThanToday = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > amsterdamDay() ? 'Mag niet in de toekomst liggen' : undefined;

/**
 * 10:00 (browser time) on the next weekday: a sensible first proposal for a hearing. Holidays
 * are not considered; the user picks the moment.
 */
export const nextWorkingMorning = (from: Date = new Date()): Date => {
  const day = new Date(from);
  day.setHours(10, 0, 0, 0);
  do {
    day.setDate(day.getDate() + 1);
  } while (day.getDay() === 0 || day.getDay() === 6);
  return day;
};
