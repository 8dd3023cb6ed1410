/** What a hearing step can refuse, beyond the procedure table's own refusals (complaint.errors.ts). */
export enum HearingErrorCode {
  /** A hearing is scheduled in the future. */
  HEARING_IN_PAST = 'HEARING_IN_PAST',
  /** The employee complained about attends only when the complainant and the employee both agreed. */
  CONSENT_MISSING = 'CONSENT_MISSING',
  /** A settlement needs the agreement of both parties. */
  SETTLEMENT_NOT_AGREED = 'SETTLEMENT_NOT_AGREED',
}
