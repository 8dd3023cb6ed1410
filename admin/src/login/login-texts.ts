import { enCommon } from '../i18n/en/app-common';
import { DEFAULT_LOCALE, setCurrentLocale, storedLocale } from '../i18n/locale';
import { nlCommon } from '../i18n/nl/app-common';
import { RA_MESSAGES } from '../i18n/ra-messages';

type Tree = { [key: string]: string | Tree };

/**
 * The login page's texts in the language last chosen on this device (Dutch before that), from the panel's own
 * files: react-admin's (`ra.`) and the panel's common ones (`app.`). A key it does not know (an API message without
 * a code of its own) is shown as it is, as react-admin does.
 */
export const loginTranslator = () => {
  const stored = storedLocale();
  // the API's messages by code (sign-in.ts) follow the same language
  if (stored) setCurrentLocale(stored);
  const locale = stored ?? DEFAULT_LOCALE;
  const messages = { ...RA_MESSAGES[locale], app: locale === 'en' ? enCommon : nlCommon } as Tree;
  return (key: string): string => {
    const found = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), messages);
    return typeof found === 'string' ? found : key;
  };
};

/** react-admin's light or dark theme as the panel last showed it on this device (its store), else as the system prefers. */
export const prefersDark = (): boolean => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem('RaStore.theme') ?? 'null');
    if (stored === 'dark' || stored === 'light') return stored === 'dark';
  } catch {
    // no storage, or not react-admin's: the system decides
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
};
