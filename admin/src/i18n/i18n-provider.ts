import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { readSession } from '../providers/session';
import type { SchemaModel } from '../schema/schema-model';
import { buildMessages } from './catalog';
import { DEFAULT_LOCALE, LOCALES, isAppLocale, localeOf, setCurrentLocale, storedLocale, type AppLocale } from './locale';
import { RA_MESSAGES } from './ra-messages';

/**
 * react-admin's messages that name a resource in the middle of a sentence ("Geen %{name} gevonden"): the name in
 * lower case there ("Geen klachten gevonden", "No complaints found"), unless it is an abbreviation (API-tokens).
 */
const SENTENCE_KEYS = ['ra.navigation.no_results', 'ra.navigation.no_filtered_results', 'ra.page.empty'];

const inSentence = (name: string): string => (/^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

/** The language to start in: the signed-in member of staff's, else the last one chosen on this device, else Dutch. */
const initialLocale = (): AppLocale => {
  const language = readSession()?.staff.language;
  return language ? localeOf(language) : (storedLocale() ?? DEFAULT_LOCALE);
};

/**
 * Dutch by default, English per member of staff: the messages of both are built from the schema (catalog.ts). A
 * change of language (layout/language.tsx) also switches the formatting of dates and numbers (i18n/locale.ts).
 */
export const createI18nProvider = (schema: SchemaModel): I18nProvider => {
  const messages = Object.fromEntries(
    LOCALES.map(({ locale }) => [locale, { ...RA_MESSAGES[locale], ...buildMessages(schema, locale) } as TranslationMessages]),
  ) as Record<AppLocale, TranslationMessages>;
  const start = initialLocale();
  setCurrentLocale(start);
  const base = polyglotI18nProvider((locale) => messages[isAppLocale(locale) ? locale : DEFAULT_LOCALE], start, [...LOCALES], { allowMissing: true });
  return {
    ...base,
    translate: (key: string, options?: Record<string, unknown>) =>
      SENTENCE_KEYS.includes(key) && typeof options?.name === 'string'
        ? base.translate(key, { ...options, name: inSentence(options.name) })
        : base.translate(key, options),
    changeLocale: (locale: string, options?: unknown) => {
      if (isAppLocale(locale)) setCurrentLocale(locale);
      return base.changeLocale(locale, options);
    },
  };
};
