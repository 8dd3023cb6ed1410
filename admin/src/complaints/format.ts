import { intlLocale } from '../i18n/locale';

/** Dates, times and numbers as the organisation reads them, in Europe/Amsterdam, in the panel's language (i18n/locale.ts). */

export const TIME_ZONE = 'Europe/Amsterdam';

/** One Intl formatter per locale and kind, made when first needed. */
const cached = <F>(make: (locale: string) => F): (() => F) => {
  const made = new Map<string, F>();
  return () => {
    const locale = intlLocale();
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(locale);
      made.set(locale, formatter);
    }
    return formatter;
  };
};

const dateTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }));
const dayFormat = cached((locale) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
const dateFormat = cached((locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }));
const isoDayFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });
const wholeNumber = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
const oneDecimal = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
const fixedDecimal = cached((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const percentFormat = cached((locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
const threeDecimals = cached((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }));

const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

/** "3 december 2027" (English: "3 December 2027"): the Amsterdam day of a moment. */
export const formatDate = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateFormat().format(date);
};

/** A whole number: "12.345" in Dutch, "12,345" in English. */
export const formatCount = (value: number): string => wholeNumber().format(value);

/** A figure with at most one decimal: "6,5" in Dutch, "6.5" in English. */
export const formatNumber = (value: number): string => oneDecimal().format(value);

/** A figure with exactly one decimal: "6,0" in Dutch, "6.0" in English. */
export const formatDecimal = (value: number): string => fixedDecimal().format(value);

/** A share as a whole percentage: "83%" in both ("83 %" where the locale wants a space). */
export const formatPercent = (value: number): string => percentFormat().format(value);

/** A chance (a p-value) with three decimals: "0,042", "< 0,001" in Dutch; "0.042", "< 0.001" in English. */
export const formatChance = (value: number): string => (value < 0.001 ? `< ${threeDecimals().format(0.001)}` : threeDecimals().format(value));

/** A file's size: "512 bytes", "12,3 kB", "4,5 MB" in Dutch (1 kB = 1024 bytes, as the API's limits count). */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${formatCount(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${oneDecimal().format(value)} ${units[unit]}`;
};

/** "3 dec 2025 14:05" (English: "3 Dec 2025, 14:05") */
export const formatDateTime = (value: string | Date | null | undefined): string => {
  if (!value) return '';
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat().format(date);
};

/** A `YYYY-MM-DD` day as "wo 3 dec 2025" ("Wed 3 Dec 2025"); the day never shifts with the time zone. */
export const formatDay = (day: string | null | undefined): string => {
  if (!day) return '';
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat().format(date);
};

/** The Amsterdam calendar day of a moment, as `YYYY-MM-DD`. */
export const amsterdamDay = (value: string | Date = new Date()): string => isoDayFormat.format(toDate(value));

/** Client-side check of a moment the API refuses in the future (it allows 2 minutes of skew). */
export const notInTheFuture = (value: unknown): string | undefined => {
  if (!value) return undefined;
  const date = new Date(String(value));
  return !Number.isNaN(date.getTime()) && date.getTime() > Date.now() + 60_000 ? 'app.validation.notInTheFuture' : undefined;
};

/** Client-side check of a moment that must lie ahead (a hearing: the API refuses the past). */
export const inTheFuture = (value: unknown): string | undefined => {
  if (!value) return undefined;
  const date = new Date(String(value));
  return !Number.isNaN(date.getTime()) && date.getTime() <= Date.now() ? 'app.validation.inTheFuture' : undefined;
};

/** A `YYYY-MM-DD` day that may not lie after today (Amsterdam). */
export const notLaterThanToday = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > amsterdamDay() ? 'app.validation.notInTheFuture' : undefined;

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
