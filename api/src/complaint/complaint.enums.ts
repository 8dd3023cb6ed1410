import { registerEnumType } from 'type-graphql';

export enum Channel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  LETTER = 'LETTER',
  WEB_FORM = 'WEB_FORM',
  IN_PERSON = 'IN_PERSON',
}
registerEnumType(Channel, { name: 'Channel', description: 'How a complaint or a contact reached us.' });

export enum ComplainantRelation {
  CLIENT = 'CLIENT',
  EMPLOYER = 'EMPLOYER',
  CANDIDATE = 'CANDIDATE',
  PROSPECT = 'PROSPECT',
  REPRESENTATIVE = 'REPRESENTATIVE',
  OTHER = 'OTHER',
}
registerEnumType(ComplainantRelation, { name: 'ComplainantRelation', description: 'How the complainant relates to the organisation.' });

export enum ComplaintKind {
  /** Runs the procedure. */
  COMPLAINT = 'COMPLAINT',
  /** Resolved at once by a single explanation or correction: registered and counted, no procedure. */
  SIGNAL = 'SIGNAL',
}
registerEnumType(ComplaintKind, { name: 'ComplaintKind' });

export enum ComplaintStatus {
  RECEIVED = 'RECEIVED',
  FORWARDED = 'FORWARDED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESPONDED = 'RESPONDED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
  WITHDRAWN = 'WITHDRAWN',
  REOPENED = 'REOPENED',
  /** The complainant objected to the response: the director's internal path (hearing, decision). */
  OBJECTED = 'OBJECTED',
  /** Referred to a mediator, the Nationale ombudsman or another external party; awaiting the outcome. */
  REFERRED = 'REFERRED',
}
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });

export enum DeadlineKind {
  FORWARD = 'FORWARD',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  PROGRESS_UPDATE = 'PROGRESS_UPDATE',
  RESPOND = 'RESPOND',
  RECORD = 'RECORD',
  OBJECTION_WINDOW = 'OBJECTION_WINDOW',
  HEARING = 'HEARING',
  FINAL_DECISION = 'FINAL_DECISION',
  /** The complainant's: the date by which they were asked for information (the clock stands still until then). */
  INFORMATION = 'INFORMATION',
  /** Telling the complainant of an extension, in writing, before the original due date (Awb 9:11). */
  EXTENSION_NOTICE = 'EXTENSION_NOTICE',
}
registerEnumType(DeadlineKind, { name: 'DeadlineKind' });

export enum DeadlineStatus {
  PENDING = 'PENDING',
  MET = 'MET',
  BREACHED = 'BREACHED',
  /** Moot before it was due: the step that made it so cancelled it; it counts in no compliance figure. */
  CANCELLED = 'CANCELLED',
  /** The clock stands still: the organisation waits for the complainant's information. */
  PAUSED = 'PAUSED',
}
registerEnumType(DeadlineStatus, {
  name: 'DeadlineStatus',
  description: 'BREACHED: open after its due moment (or cancelled only after it). CANCELLED: moot before it was due. PAUSED: the clock stands still.',
});

/** The event a deadline is counted from. */
export enum DeadlineStart {
  RECEIPT = 'RECEIPT',
  RESPONSE = 'RESPONSE',
  OBJECTION = 'OBJECTION',
  /** A reopened complaint gets a new RESPOND deadline, counted from the reopening. */
  REOPENING = 'REOPENING',
  /** The complainant was asked for information. */
  INFORMATION_REQUEST = 'INFORMATION_REQUEST',
  /** The answer was postponed. */
  EXTENSION = 'EXTENSION',
}
registerEnumType(DeadlineStart, { name: 'DeadlineStart' });

export enum Verdict {
  WELL_FOUNDED = 'WELL_FOUNDED',
  PARTLY_WELL_FOUNDED = 'PARTLY_WELL_FOUNDED',
  UNFOUNDED = 'UNFOUNDED',
}
registerEnumType(Verdict, { name: 'Verdict', description: 'Gegrond, deels gegrond, ongegrond.' });

export enum Offer {
  COMPENSATION = 'COMPENSATION',
  REPLACEMENT_SERVICE = 'REPLACEMENT_SERVICE',
  EXTRA_SERVICE = 'EXTRA_SERVICE',
  APOLOGY = 'APOLOGY',
  EXPLANATION = 'EXPLANATION',
}
registerEnumType(Offer, { name: 'Offer', description: 'What the organisation offers the complainant.' });

export enum ContactKind {
  ACKNOWLEDGEMENT = 'ACKNOWLEDGEMENT',
  PROGRESS_UPDATE = 'PROGRESS_UPDATE',
  /** Asking the complainant for information (the clock stops). */
  INFORMATION_REQUEST = 'INFORMATION_REQUEST',
  /** The complainant's answer to it (the clock resumes). */
  INFORMATION_RECEIVED = 'INFORMATION_RECEIVED',
  /** Telling the complainant the answer was postponed, and why. */
  EXTENSION_NOTICE = 'EXTENSION_NOTICE',
  OTHER = 'OTHER',
}
registerEnumType(ContactKind, { name: 'ContactKind' });

export enum ForwardTarget {
  SUPERVISOR = 'SUPERVISOR',
  DIRECTOR = 'DIRECTOR',
}
registerEnumType(ForwardTarget, { name: 'ForwardTarget', description: 'Whom the receiver forwards a complaint to.' });

export enum ReferralKind {
  EXTERNAL_PARTY = 'EXTERNAL_PARTY',
  OMBUDSMAN = 'OMBUDSMAN',
  MEDIATOR = 'MEDIATOR',
}
registerEnumType(ReferralKind, { name: 'ReferralKind' });

export enum ComplaintEventType {
  SUBMITTED = 'SUBMITTED',
  REGISTERED = 'REGISTERED',
  FORWARDED = 'FORWARDED',
  HANDLER_ASSIGNED = 'HANDLER_ASSIGNED',
  CONTACT_RECORDED = 'CONTACT_RECORDED',
  ASSESSMENT_RECORDED = 'ASSESSMENT_RECORDED',
  RESPONDED = 'RESPONDED',
  OUTCOME_RECORDED = 'OUTCOME_RECORDED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
  WITHDRAWN = 'WITHDRAWN',
  REOPENED = 'REOPENED',
  NOTE_ADDED = 'NOTE_ADDED',
  OBJECTION_FILED = 'OBJECTION_FILED',
  HEARING_SCHEDULED = 'HEARING_SCHEDULED',
  HEARING_RESCHEDULED = 'HEARING_RESCHEDULED',
  HEARING_HELD = 'HEARING_HELD',
  HEARING_WAIVED = 'HEARING_WAIVED',
  SETTLEMENT_RECORDED = 'SETTLEMENT_RECORDED',
  OBJECTION_DECIDED = 'OBJECTION_DECIDED',
  REFERRED = 'REFERRED',
  REFERRAL_OUTCOME_RECORDED = 'REFERRAL_OUTCOME_RECORDED',
  ATTACHMENT_ADDED = 'ATTACHMENT_ADDED',
  /** The complainant was asked for information: the organisation's open deadlines stand still. */
  INFORMATION_REQUESTED = 'INFORMATION_REQUESTED',
  /** The clock runs again: the answer came, the handler resumed, or the longest wait lapsed. */
  RESUMED = 'RESUMED',
  EXTENDED = 'EXTENDED',
  RESOLVED_BY_RECEIVER = 'RESOLVED_BY_RECEIVER',
  /** The employee concerned recorded their side of the story. */
  STATEMENT_RECORDED = 'STATEMENT_RECORDED',
  /** Deadlines that no longer applied were cancelled (outside a step: a correction of the records). */
  DEADLINES_CANCELLED = 'DEADLINES_CANCELLED',
  /** A deadline passed unmet: recorded by the deadline watch, dated the moment it passed. */
  DEADLINE_BREACHED = 'DEADLINE_BREACHED',
  /** A DIRECTOR put the dossier on hold: it is not anonymised until the hold is lifted. */
  LEGAL_HOLD_SET = 'LEGAL_HOLD_SET',
  LEGAL_HOLD_LIFTED = 'LEGAL_HOLD_LIFTED',
  /** The personal data was removed (retention or an erasure request); the ledger says what and why. */
  ANONYMISED = 'ANONYMISED',
  /** A new status code for the complainant was issued (the old one no longer opens the status page). */
  STATUS_CODE_ISSUED = 'STATUS_CODE_ISSUED',
  /** The complainant said (online) they will come to the hearing. */
  HEARING_ACCEPTED = 'HEARING_ACCEPTED',
  /** The complainant answered the satisfaction survey (online); data says whether they asked to reopen it. */
  SATISFACTION_RECORDED = 'SATISFACTION_RECORDED',
  /** The quality manager declined the complainant's request to reopen the complaint. */
  REOPEN_REQUEST_DECLINED = 'REOPEN_REQUEST_DECLINED',
}
registerEnumType(ComplaintEventType, { name: 'ComplaintEventType' });

/** How a pause ended. */
export enum PauseEnd {
  /** The complainant answered. */
  ANSWERED = 'ANSWERED',
  /** The handler resumed without an answer. */
  RESUMED = 'RESUMED',
  /** The longest wait of the policy lapsed. */
  LAPSED = 'LAPSED',
  /** The complaint was withdrawn while it was paused. */
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PauseEnd, { name: 'PauseEnd', description: 'How a pause (a request for information) ended.' });

export enum HearingForm {
  PHONE = 'PHONE',
  OFFICE = 'OFFICE',
  VIDEO = 'VIDEO',
}
registerEnumType(HearingForm, { name: 'HearingForm', description: 'By phone, at the office, or by video.' });

export enum HearingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  /** Replaced by a later hearing; kept for the record. */
  RESCHEDULED = 'RESCHEDULED',
  /** Not held: the complainant waived the hearing. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(HearingStatus, { name: 'HearingStatus' });

export enum ObjectionOutcome {
  UPHELD = 'UPHELD',
  PARTLY_UPHELD = 'PARTLY_UPHELD',
  REJECTED = 'REJECTED',
}
registerEnumType(ObjectionOutcome, { name: 'ObjectionOutcome', description: 'The final decision: objection (partly) upheld or rejected.' });

export enum ExternalPartyKind {
  /** An independent (MfN-registered) mediator (seed 004). */
  MEDIATOR = 'MEDIATOR',
  /** De Nationale ombudsman (seed 003). */
  OMBUDSMAN = 'OMBUDSMAN',
  /** Another competent body (seed 003). */
  COMPETENT_BODY = 'COMPETENT_BODY',
  /** Another external party (seed 001). */
  OTHER = 'OTHER',
}
registerEnumType(ExternalPartyKind, { name: 'ExternalPartyKind' });

/** SQL for a CHECK that a varchar column holds a value of an enum. */
export function oneOfSql(column: string, values: Record<string, string>): string {
  return `${column} IN (${Object.values(values)
    .map((value) => `'${value}'`)
    .join(', ')})`;
}
