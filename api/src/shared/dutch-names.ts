/**
 * Names the API's own Dutch texts (the review report) and the panel's Dutch labels (admin/src/i18n/nl/enums.ts) share:
 * one table, so a report and the screen beside it never call a deadline by two names. Plain data: the panel imports
 * it as it imports the lengths.
 */
export const DEADLINE_KIND_NAMES = {
  FORWARD: 'Doorsturen',
  ACKNOWLEDGE: 'Ontvangstbevestiging/eerste contact',
  PROGRESS_UPDATE: 'Voortgangsbericht',
  RESPOND: 'Antwoord',
  RECORD: 'Vastleggen',
  OBJECTION_WINDOW: 'Bezwaartermijn',
  HEARING: 'Hoorzitting',
  FINAL_DECISION: 'Eindbeslissing',
  INFORMATION: 'Antwoord klager op informatieverzoek',
  EXTENSION_NOTICE: 'Bericht van verdaging',
};

/** What a trend is counted by. */
export const TREND_DIMENSION_NAMES = { CATEGORY: 'Categorie', UNIT: 'Eenheid', EMPLOYEE: 'Medewerker' };
