import type { TranslateFunction } from 'react-admin';

/** A term's or a count's unit in words, singular or plural by the amount: "1 werkdag", "4 weken", "48 uur" (app.amounts). */
const UNIT_KEYS: Record<string, string> = {
  WORKING_DAYS: 'app.amounts.workingDays',
  CALENDAR_DAYS: 'app.amounts.days',
  WEEKS: 'app.amounts.weeks',
  HOURS: 'app.amounts.hours',
};

/** "4 weken", "10 werkdagen": an amount of a DeadlineUnit in words; an unknown unit as the bare number. */
export const amountText = (unit: string, amount: number, translate: TranslateFunction): string => {
  const key = UNIT_KEYS[unit];
  return key ? translate(key, { smart_count: amount }) : String(amount);
};
