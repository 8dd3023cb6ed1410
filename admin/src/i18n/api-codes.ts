import { enApiMessages } from './en/api';
import { currentLocale } from './locale';
import { nlApiMessages } from './nl/api';

/**
 * The API's stable codes in the panel's language (nl/api.ts, en/api.ts): `error` for the code of an error, `field`
 * for the code of one field's problem (extensions.fieldCodes), and the groups of a page whose refusals say more
 * (`privacyRequest`, `statusCode`). Looked up when the error arrives, in the language the panel speaks then.
 */
export const API_MESSAGES = { nl: nlApiMessages, en: enApiMessages };

export type ApiMessageGroup = keyof typeof nlApiMessages;

/** The message of a code in a group, in the panel's language; undefined for a code without one. */
export const apiMessage = (group: ApiMessageGroup, code: string): string | undefined => (API_MESSAGES[currentLocale()][group] as Record<string, string>)[code];

/** A message with its %{name} parameters filled in. */
export const interpolate = (message: string, params: Record<string, unknown> = {}): string =>
  message.replace(/%\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined || params[name] === null ? whole : String(params[name])));
