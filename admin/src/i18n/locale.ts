import type { Language } from '../gql/graphql';

/**
 * The panel's languages: Dutch by default, English per member of staff (`Staff.language`, kept by the API so it
 * follows them from device to device). The current one is kept here as well as in react-admin's store, so the
 * formatting of dates and numbers outside components (and the API's messages by code) speak it too.
 */
export type AppLocale = 'nl' | 'en';

export const DEFAULT_LOCALE: AppLocale = 'nl';

/** The choices of the language switch, each in its own language (never translated). */
export const LOCALES: ReadonlyArray<{ locale: AppLocale; name: string }> = [
  { locale: 'nl', name: 'Nederlands' },
  { locale: 'en', name: 'English' },
];

/** The last language chosen on this device: the login page speaks it before anyone has signed in. */
const STORAGE_KEY = 'klachten.admin.locale';

let current: AppLocale = DEFAULT_LOCALE;

export const isAppLocale = (value: unknown): value is AppLocale => value === 'nl' || value === 'en';

export const currentLocale = (): AppLocale => current;

export const setCurrentLocale = (locale: AppLocale): void => {
  current = locale;
  // screen readers and the browser's own widgets read the page's language from here
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // no storage (private mode): the language still applies to this page
  }
};

export const storedLocale = (): AppLocale | undefined => {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isAppLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
};

/** Intl's name for a locale: Dutch as in the Netherlands, English as in Britain (day before month, 24-hour clock). */
export const intlLocale = (locale: AppLocale = current): string => (locale === 'en' ? 'en-GB' : 'nl-NL');

/** The API's `Language` for a locale, and back. */
export const languageOf = (locale: AppLocale): Language => (locale === 'en' ? 'EN' : 'NL');
export const localeOf = (language: Language | null | undefined): AppLocale => (language === 'EN' ? 'en' : 'nl');

/** How a date and a moment are typed and shown in the pickers (Luxon tokens): "03-12-2026 14:05", "03/12/2026 14:05". */
export const PICKER_FORMATS: Record<AppLocale, { date: string; dateTime: string }> = {
  nl: { date: 'dd-MM-yyyy', dateTime: 'dd-MM-yyyy HH:mm' },
  en: { date: 'dd/MM/yyyy', dateTime: 'dd/MM/yyyy HH:mm' },
};
