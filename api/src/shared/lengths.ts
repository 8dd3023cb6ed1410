/**
 * How long a text may be: the one place for it. A varchar column takes its length from here, and the
 * input that fills it takes its maximum from the same constant (test/unit/lengths.test.ts compares every
 * string input of the schema with the columns of the same name). Text columns have no length of their
 * own: the product's maximum for them is here too.
 */
export const LENGTH = {
  // ---- varchar columns
  /** A person's, unit's, category's, policy's, party's or token's name; a closing day's description. */
  name: 200,
  email: 320,
  /** Digits, spaces, +, -, brackets. */
  phone: 40,
  postalAddress: 500,
  /** A unit's code (NOORD). */
  code: 20,
  /** A category's or policy's key. */
  key: 60,
  /** KL-2026-000042. */
  reference: 20,
  /** The complainant's status code as typed: 16 characters, maybe with three dashes (portal/status-code.ts). */
  statusCode: 19,
  subjectService: 200,
  fileName: 255,
  contentType: 100,
  storageKey: 500,
  /** A hearing's address, room, phone number or video link. */
  location: 500,
  idempotencyKey: 100,
  /** A review's title. */
  title: 200,
  /** The audit trail's record kind (Staff, Policy) and the record's id (a UUID, or a date for a closing day). */
  auditEntity: 40,
  auditEntityId: 100,

  // ---- text columns: the product's maxima
  /** What the complaint is about. */
  description: 10_000,
  /** A note, a reason, a summary of a contact, a response or a decision. */
  text: 10_000,
  /** Cause, solution, preventive measure. */
  assessment: 5_000,
  /** A review's findings, a hearing's minutes. */
  longText: 50_000,
  /** A free-text search. */
  search: 200,
  password: 200,
} as const;
