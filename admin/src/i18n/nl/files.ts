/** Dutch names of file types, of what the retention ledger counts, and of enum values common to several enums. */

/** The types of file the API takes as an attachment (api/src/files/content-type.ts), as people call them. */
export const nlContentTypeLabels = {
  'application/pdf': 'PDF',
  'image/png': 'Afbeelding (PNG)',
  'image/jpeg': 'Foto (JPEG)',
  'image/gif': 'Afbeelding (GIF)',
  'image/webp': 'Afbeelding (WebP)',
  'image/tiff': 'Scan (TIFF)',
  'message/rfc822': 'E-mail (.eml)',
  'application/vnd.ms-outlook': 'Outlook-bericht (.msg)',
  'application/msword': 'Word-document (97–2003)',
  'application/vnd.ms-excel': 'Excel-werkblad (97–2003)',
  'application/vnd.ms-powerpoint': 'PowerPoint (97–2003)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-werkblad',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-rekenblad',
} satisfies Record<string, string>;

/**
 * What the retention ledger's `removed` counts are of (the tables anonymise_complaint touches, see
 * migrations/…-Privacy.ts), in Dutch; a key not here is shown as it is.
 */
export const nlRemovedDataLabels = {
  complainant: 'gegevens van de klager',
  complaint: 'tekst van de klacht',
  contact_moment: 'contactmomenten',
  complaint_pause: 'informatieverzoeken',
  employee_statement: 'kant van de medewerker',
  hearing: 'hoorzittingen',
  objection: 'bezwaar',
  referral: 'doorverwijzingen',
  letter: 'brieven',
  outbox_message: 'uitgaande berichten',
  attachment: 'bijlagen',
  idempotency_key: 'sleutels van het webformulier',
  satisfaction_survey: 'opmerkingen in de tevredenheidsenquête',
} satisfies Record<string, string>;

/** Enum values whose meaning does not depend on the enum they are in (for enums not above). */
export const nlCommonEnumValueLabels = {
  PENDING: 'Open',
  MET: 'Gehaald',
  BREACHED: 'Verlopen',
  OTHER: 'Anders',
} satisfies Record<string, string>;
