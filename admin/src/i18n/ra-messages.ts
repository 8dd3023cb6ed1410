import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import type { AppLocale } from './locale';
import { raDutchMessages } from './nl/ra';

/**
 * react-admin's own texts: Dutch kept here (nl/ra.ts), English from its own package, signing in by e-mail address.
 * Apart from i18n-provider.ts so that the login page (login/LoginPage.tsx) speaks them without the panel's catalog.
 */
export const RA_MESSAGES: Record<AppLocale, TranslationMessages> = {
  nl: raDutchMessages,
  en: {
    ...englishMessages,
    ra: {
      ...englishMessages.ra,
      auth: { ...englishMessages.ra.auth, username: 'E-mail address' },
      // the API says the same of what does not exist and of what the reader may not see
      notification: { ...englishMessages.ra.notification, item_doesnt_exist: 'This does not exist, or you may not see it.' },
    },
  },
};
