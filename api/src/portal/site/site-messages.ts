import { FieldCode } from '../../shared/errors';
import type { FormErrors } from './site-fields';
import type { FileRefusal } from './site-form';
import type { FieldProblem } from './site-graphql';

/**
 * Every refusal the site can show, in Dutch, in one table: the API's error codes and field codes (with their
 * parameters), and the site's own (the honeypot, a form sent too fast, a file it did not store). Nothing shown to a
 * complainant is the API's English message or a raw code.
 */

const number = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('nl-NL') : String(value ?? ''));

/** "over 3 minuten": how long to wait, from RATE_LIMITED's retryAfterSeconds. */
export function waitText(seconds: unknown): string {
  const total = typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : 60;
  if (total < 60) return total === 1 ? 'over 1 seconde' : `over ${total} seconden`;
  const minutes = Math.ceil(total / 60);
  return minutes === 1 ? 'over 1 minuut' : `over ${minutes} minuten`;
}

/** What an empty field needs, by the field's name in the form (without its form's prefix). */
const REQUIRED: Record<string, string> = {
  naam: 'Vul uw naam in.',
  omschrijving: 'Beschrijf uw klacht.',
  kenmerk: 'Vul het kenmerk van uw klacht in.',
  code: 'Vul uw code in.',
  antwoord: 'Vul uw antwoord in.',
  gronden: 'Schrijf waarom u het niet eens bent met ons antwoord.',
  afhandeling: 'Kies hoe tevreden u bent over de afhandeling.',
  uitkomst: 'Kies hoe tevreden u bent over de uitkomst.',
};

/** A few fields say more than the generic message. */
const SPECIFIC: Partial<Record<FieldCode, Record<string, string>>> = {
  [FieldCode.INVALID_FORMAT]: {
    code: 'De code bestaat uit 16 letters en cijfers, zoals in de bevestiging (bijvoorbeeld ABCD-EFGH-JKMN-PQRS).',
    kenmerk: 'Het kenmerk ziet eruit als KL-2026-000042.',
  },
  [FieldCode.DOES_NOT_EXIST]: {
    eenheid: 'Kies een van de vestigingen uit de lijst.',
    categorie: 'Kies een van de onderwerpen uit de lijst.',
    bijlagen: 'Een eerder toegevoegd bestand is niet meer beschikbaar. Voeg het opnieuw toe.',
  },
  [FieldCode.TOO_SMALL]: { afhandeling: 'Kies een cijfer van 1 tot 5.', uitkomst: 'Kies een cijfer van 1 tot 5.' },
  [FieldCode.TOO_LARGE]: { afhandeling: 'Kies een cijfer van 1 tot 5.', uitkomst: 'Kies een cijfer van 1 tot 5.' },
};

/**
 * The Dutch message of one field's problem (`extensions.fieldCodes[path]`), for the form field `name` whose trimmed
 * value was `length` characters long (LENGTH does not say which end was missed).
 */
export function fieldMessage(name: string, problem: { code: string; params?: Record<string, unknown> }, length: number): string {
  const params = problem.params ?? {};
  // a choice not made is sent as 0 (the survey's scale): the API's minimum refuses it, and it reads as "choose one"
  if (length === 0 && REQUIRED[name] && (problem.code === FieldCode.TOO_SMALL || problem.code === FieldCode.LENGTH)) return REQUIRED[name];
  const specific = SPECIFIC[problem.code as FieldCode]?.[name];
  if (specific) return specific;
  switch (problem.code as FieldCode) {
    case FieldCode.REQUIRED:
    case FieldCode.EMPTY_LIST:
      return REQUIRED[name] ?? 'Vul dit veld in.';
    case FieldCode.LENGTH:
      if (length === 0) return REQUIRED[name] ?? 'Vul dit veld in.';
      if (typeof params.min === 'number' && length < params.min)
        return name === 'omschrijving' ? `Beschrijf uw klacht in minstens ${number(params.min)} tekens.` : `Gebruik minstens ${number(params.min)} tekens.`;
      return `Gebruik hoogstens ${number(params.max)} tekens.`;
    case FieldCode.TOO_LONG:
      return `Gebruik hoogstens ${number(params.max)} tekens.`;
    case FieldCode.TOO_SHORT:
      return `Gebruik minstens ${number(params.min)} tekens.`;
    case FieldCode.TOO_SMALL:
      return `Vul minstens ${number(params.min)} in.`;
    case FieldCode.TOO_LARGE:
      return `Vul hoogstens ${number(params.max)} in.`;
    case FieldCode.INVALID_EMAIL:
      return 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.';
    case FieldCode.INVALID_PHONE:
      return 'Vul een geldig telefoonnummer in: cijfers, spaties, +, - en haakjes, minstens 6 tekens.';
    case FieldCode.CONTACT_REQUIRED:
      return 'Vul een e-mailadres, een telefoonnummer of een postadres in, zodat wij u kunnen bereiken.';
    case FieldCode.INVALID_CHOICE:
      return 'Kies een van de mogelijkheden.';
    case FieldCode.DOES_NOT_EXIST:
      return 'Deze keuze bestaat niet (meer). Kies een andere.';
    case FieldCode.TOO_MANY_ITEMS:
      return `U kunt hoogstens ${number(params.max)} bestanden meesturen.`;
    case FieldCode.DUPLICATE_ITEMS:
      return 'Een bestand staat er twee keer bij.';
    case FieldCode.CONTROL_CHARACTER:
      return 'Hier staat een teken in dat niet is toegestaan. Haal het weg en probeer het opnieuw.';
    case FieldCode.INVALID_FORMAT:
      return 'Dit klopt niet. Controleer wat u hebt ingevuld.';
    case FieldCode.AFTER_OBJECTION_WINDOW:
      return objectionLate(params.closed);
    default:
      return 'Controleer wat u hier hebt ingevuld.';
  }
}

/** OBJECTION_LATE: the window's last day, as a sentence. */
export function objectionLate(lastDay: unknown, format: (date: string) => string = (date) => date): string {
  const day = typeof lastDay === 'string' ? ` op ${format(lastDay)}` : '';
  return `De termijn om bezwaar te maken is verlopen${day}. Wilt u toch nog bezwaar maken? Neem dan contact met ons op.`;
}

/** The page's message for an error that belongs to no field. */
export function errorMessage(code: string, extensions: Record<string, unknown>): string {
  switch (code) {
    case 'NOT_FOUND':
      return 'Wij vinden geen klacht met dit kenmerk en deze code. Controleer beide; ze staan in de bevestiging en in onze brieven.';
    case 'RATE_LIMITED':
      return `U hebt het te vaak achter elkaar geprobeerd. Probeer het ${waitText(extensions.retryAfterSeconds)} opnieuw.`;
    case 'INVALID_TRANSITION':
      return 'Dit kan nu niet (meer): de stand van uw klacht is intussen veranderd. Hieronder ziet u hoe het er nu voor staat.';
    case 'PAYLOAD_TOO_LARGE':
      return 'De bestanden zijn samen te groot. Stuur minder of kleinere bestanden mee.';
    case 'SERVICE_UNAVAILABLE':
      return 'Het lukt op dit moment niet om uw gegevens te verwerken. Probeer het over een minuut opnieuw.';
    default:
      return 'Uw gegevens konden niet worden verwerkt. Controleer het formulier en probeer het opnieuw.';
  }
}

/** Why a file was not taken, naming it. */
export function fileMessage(refusal: FileRefusal, limits: { websiteFileBytes: number; websiteFiles: number }): string {
  const name = `‘${refusal.fileName}’`;
  switch (refusal.code) {
    case 'PAYLOAD_TOO_LARGE':
      return `Het bestand ${name} is te groot: een bestand mag hoogstens ${number(limits.websiteFileBytes / (1024 * 1024))} MB zijn.`;
    case 'UNSUPPORTED_FILE_TYPE':
      return `Het bestand ${name} kunnen wij niet aannemen. Kies een PDF, een foto of afbeelding, een e-mail of een kantoordocument.`;
    case 'RATE_LIMITED':
      return `Het bestand ${name} is niet toegevoegd: u hebt te veel bestanden achter elkaar gestuurd. Probeer het ${waitText(refusal.extensions.retryAfterSeconds)} opnieuw.`;
    case 'TOO_MANY_FILES':
      return `Het bestand ${name} is niet toegevoegd: u kunt hoogstens ${number(limits.websiteFiles)} bestanden meesturen.`;
    case 'BAD_FILE_NAME':
      return `Het bestand ${name} heeft een naam die wij niet kunnen gebruiken. Geef het een kortere, gewone naam.`;
    default:
      return `Het bestand ${name} kon niet worden toegevoegd. Probeer het opnieuw.`;
  }
}

/** The site's own refusals of the complaint form. */
export const FORM_MESSAGES = {
  honeypot: 'Het formulier is niet verstuurd: het veld ‘Niet invullen’ moet leeg blijven.',
  tooFast: 'Het formulier is niet verstuurd omdat het heel snel na het openen werd verzonden. Controleer uw gegevens en verstuur het opnieuw.',
  invalidToken: 'Het formulier is niet verstuurd: het is niet compleet aangekomen. Controleer uw gegevens en verstuur het opnieuw.',
  expiredToken: 'Dit formulier is meer dan een dag geleden geopend. Controleer uw gegevens en verstuur het opnieuw.',
  keptUploadsGone: 'Een eerder toegevoegd bestand is niet meer beschikbaar. Voeg het opnieuw toe.',
} as const;

/**
 * The API's field problems on the form's fields: `fieldOf` maps the API's path (`complainant.name`; a list's item
 * `attachmentIds.0` as the list) to the form's field name; a path the form has no field for is a message of no field.
 */
export function addProblems(errors: FormErrors, problems: readonly FieldProblem[], fieldOf: Record<string, string>, valueOf: (name: string) => string): void {
  for (const problem of problems) {
    const name = fieldOf[problem.path] ?? fieldOf[problem.path.replace(/\.\d+$/, '')];
    if (name) errors.add(name, fieldMessage(name, problem, valueOf(name).trim().length));
    else errors.add(null, errorMessage('BAD_USER_INPUT', {}));
  }
}
