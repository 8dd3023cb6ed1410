import type { nlCommonEnumValueLabels, nlContentTypeLabels, nlRemovedDataLabels } from '../nl/files';
import type { Translation } from '../translation';

/** English names of file types, of what the retention ledger counts, and of common enum values (the keys of nl/files.ts). */
export const enContentTypeLabels: Translation<typeof nlContentTypeLabels> = {
  'application/pdf': 'PDF',
  'image/png': 'Image (PNG)',
  'image/jpeg': 'Photo (JPEG)',
  'image/gif': 'Image (GIF)',
  'image/webp': 'Image (WebP)',
  'image/tiff': 'Scan (TIFF)',
  'message/rfc822': 'E-mail (.eml)',
  'application/vnd.ms-outlook': 'Outlook message (.msg)',
  'application/msword': 'Word document (97–2003)',
  'application/vnd.ms-excel': 'Excel worksheet (97–2003)',
  'application/vnd.ms-powerpoint': 'PowerPoint (97–2003)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel worksheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
};

export const enRemovedDataLabels: Translation<typeof nlRemovedDataLabels> = {
  complainant: "the complainant's details",
  complaint: 'text of the complaint',
  contact_moment: 'contact moments',
  complaint_pause: 'requests for information',
  employee_statement: "employee's side",
  hearing: 'hearings',
  objection: 'objection',
  referral: 'referrals',
  letter: 'letters',
  outbox_message: 'outgoing messages',
  attachment: 'attachments',
  idempotency_key: 'keys of the web form',
  satisfaction_survey: 'comments in the satisfaction survey',
};

export const enCommonEnumValueLabels: Translation<typeof nlCommonEnumValueLabels> = {
  PENDING: 'Open',
  MET: 'Met',
  BREACHED: 'Breached',
  OTHER: 'Other',
};
