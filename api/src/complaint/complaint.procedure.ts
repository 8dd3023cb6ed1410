import { registerEnumType } from 'type-graphql';
import { Role } from '../shared/roles';
import type { Complaint } from './complaint.entity';
import { ComplaintEventType, ComplaintStatus, DeadlineKind, DeadlineStart } from './complaint.enums';

/**
 * The procedure of DOMAIN.md (steps 1–6 and 10) as one table: for each action, the statuses it may
 * start from, the status it leads to, who may take it, the deadlines it meets and opens, and the
 * history event it writes. The service asks this table; nothing else decides.
 */
export enum ComplaintAction {
  FORWARD = 'FORWARD',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  SEND_PROGRESS_UPDATE = 'SEND_PROGRESS_UPDATE',
  RECORD_CONTACT = 'RECORD_CONTACT',
  ASSIGN_HANDLER = 'ASSIGN_HANDLER',
  RECORD_ASSESSMENT = 'RECORD_ASSESSMENT',
  RESPOND = 'RESPOND',
  RECORD_OUTCOME = 'RECORD_OUTCOME',
  CLOSE = 'CLOSE',
  ARCHIVE = 'ARCHIVE',
  WITHDRAW = 'WITHDRAW',
  REOPEN = 'REOPEN',
  ADD_NOTE = 'ADD_NOTE',
  FILE_OBJECTION = 'FILE_OBJECTION',
  SCHEDULE_HEARING = 'SCHEDULE_HEARING',
  RESCHEDULE_HEARING = 'RESCHEDULE_HEARING',
  RECORD_HEARING = 'RECORD_HEARING',
  RECORD_SETTLEMENT = 'RECORD_SETTLEMENT',
  WAIVE_HEARING = 'WAIVE_HEARING',
  DECIDE_OBJECTION = 'DECIDE_OBJECTION',
  REFER = 'REFER',
  RECORD_REFERRAL_OUTCOME = 'RECORD_REFERRAL_OUTCOME',
  ADD_ATTACHMENT = 'ADD_ATTACHMENT',
  /** Ask the complainant for information: the organisation's open deadlines stand still (opschorting). */
  REQUEST_INFORMATION = 'REQUEST_INFORMATION',
  /** The clock runs again: the answer came, or the handler goes on without it. */
  RESUME = 'RESUME',
  /** After a request lapsed unanswered: close the complaint for lack of response, with the reasons. */
  CLOSE_UNANSWERED = 'CLOSE_UNANSWERED',
  /** Postpone the answer once, with a reason (verdaging, Awb 9:11). */
  EXTEND = 'EXTEND',
  /** Tell the complainant of the extension (before the original due date). */
  SEND_EXTENSION_NOTICE = 'SEND_EXTENSION_NOTICE',
  /** The receiver solves it at once (seed 004): cause, solution, the customer's agreement; closes it. */
  RESOLVE_DIRECTLY = 'RESOLVE_DIRECTLY',
  /** The employee concerned records their side of the story (hoor en wederhoor). */
  RECORD_STATEMENT = 'RECORD_STATEMENT',
  /** A DIRECTOR keeps the dossier from being anonymised (a dispute, a claim, an inquiry), with a reason. */
  SET_LEGAL_HOLD = 'SET_LEGAL_HOLD',
  LIFT_LEGAL_HOLD = 'LIFT_LEGAL_HOLD',
  /** The complainant says they will come to the hearing they were invited to (online). */
  ACCEPT_HEARING = 'ACCEPT_HEARING',
  /** The complainant answers the satisfaction survey (online): the handling and the outcome apart, maybe asking to reopen. */
  ANSWER_SURVEY = 'ANSWER_SURVEY',
  /** The quality manager declines the complainant's request to reopen, with a reason (granting it is REOPEN). */
  DECLINE_REOPEN_REQUEST = 'DECLINE_REOPEN_REQUEST',
  /** A HANDLER of the complaint's unit takes it from the unassigned queue, where the policy allows it. */
  PICK_UP = 'PICK_UP',
}
registerEnumType(ComplaintAction, { name: 'ComplaintAction', description: 'A step of the procedure (see availableActions).' });

/**
 * Who may take a step: a role, or a relation to this complaint — the member of staff who registered it,
 * its handler, whom it was forwarded to, the director the objection went to (the director of the
 * complaint's unit at filing; any DIRECTOR when the unit had none), an employee it is about, or the
 * complainant themselves, online with the reference and the secret code (DOMAIN.md, The complainant's side), or a
 * HANDLER who works in the complaint's unit (its unassigned queue).
 */
export type Party = Role | 'REGISTRANT' | 'HANDLER_OF' | 'FORWARDED_TO' | 'OBJECTION_DIRECTOR' | 'SUBJECT' | 'COMPLAINANT' | 'UNIT_HANDLER';

/** A form of a step that needs more than the step itself: a late objection is the DIRECTOR's to accept. */
export enum StepVariant {
  LATE = 'LATE',
}

/** The event each kind of deadline is counted from (DOMAIN.md: from receipt unless the table names another). */
export const DEADLINE_STARTS: Record<DeadlineKind, DeadlineStart> = {
  FORWARD: DeadlineStart.RECEIPT,
  ACKNOWLEDGE: DeadlineStart.RECEIPT,
  PROGRESS_UPDATE: DeadlineStart.RECEIPT,
  RESPOND: DeadlineStart.RECEIPT,
  RECORD: DeadlineStart.RECEIPT,
  OBJECTION_WINDOW: DeadlineStart.RESPONSE,
  HEARING: DeadlineStart.OBJECTION,
  FINAL_DECISION: DeadlineStart.OBJECTION,
  INFORMATION: DeadlineStart.INFORMATION_REQUEST,
  EXTENSION_NOTICE: DeadlineStart.EXTENSION,
};

/**
 * The deadlines the organisation owes (what it is late with, what lists and next_due_at count, what a
 * pause stops): all but the objection window and the date asked for information, which are the
 * complainant's. Also as SQL, for the queries that need it.
 */
export const CLIENT_DEADLINES: readonly DeadlineKind[] = [DeadlineKind.OBJECTION_WINDOW, DeadlineKind.INFORMATION];
export const isOwedByOrganisation = (kind: DeadlineKind | string): boolean => !(CLIENT_DEADLINES as readonly string[]).includes(kind);
export const owedByOrganisationSql = (column: string): string => `${column} NOT IN (${CLIENT_DEADLINES.map((kind) => `'${kind}'`).join(', ')})`;

/**
 * Who owes a deadline `d` of complaint `c` (its unit `u`), in SQL: the receiver forwards; the unit's director holds the
 * hearing and decides the objection; everything else is the handler's (before there is one: whoever has it, then the
 * unit's director). The deadline watch, the digest and "Mijn werk" ask the same.
 */
export const OWNER_SQL = `CASE
    WHEN d.kind = 'FORWARD' THEN coalesce(c.registered_by_id, u.director_id)
    WHEN d.kind IN ('HEARING', 'FINAL_DECISION') THEN coalesce(c.objection_director_id, u.director_id)
    ELSE coalesce(c.handler_id, c.forwarded_to_id, c.registered_by_id, u.director_id)
  END`;

/** The deadlines `d` the member of staff in parameter `:param` owes: the relations that can make one the owner first (indexed), then OWNER_SQL. */
export const owedBySql = (param: string): string =>
  `(c.handler_id = :${param} OR c.forwarded_to_id = :${param} OR c.registered_by_id = :${param} OR c.objection_director_id = :${param} OR u.director_id = :${param})
   AND ${OWNER_SQL} = :${param}`;

export interface Transition {
  action: ComplaintAction;
  from: readonly ComplaintStatus[];
  /** null: the status stays as it is. */
  to: ComplaintStatus | null;
  parties: readonly Party[];
  event: ComplaintEventType;
  meets: readonly DeadlineKind[];
  /** Deadlines of the policy counted from this step's moment: those starting at this event. */
  opens?: DeadlineStart;
  /** Kinds of the policy counted once more from this step (a reopening: RESPOND). */
  recounts?: readonly DeadlineKind[];
  /** Forms of the step that only some of the parties may take. */
  variants?: Partial<Record<StepVariant, readonly Party[]>>;
  /** Open deadlines this step makes moot (kept, marked cancelled, in the history). */
  cancels?: readonly DeadlineKind[] | 'ALL';
  /** Statuses from which the step leaves the status as it is (forwarding an acknowledged complaint). */
  keepsStatusFrom?: readonly ComplaintStatus[];
  /**
   * Steps an employee the complaint is about may take on it: forwarding it (as its receiver) and recording
   * their side. Every other step acts for the organisation and is refused to them (CONFLICT_OF_INTEREST).
   */
  subjectMay?: boolean;
  /** While the clock stands still (a request for information): ALLOWED, or ONLY then; otherwise refused. */
  whilePaused?: 'ALLOWED' | 'ONLY';
  /** A condition on the complaint beyond its status; returns why not, or undefined. */
  requires?: (complaint: Complaint) => string | undefined;
}

const S = ComplaintStatus;
const OPEN = [S.RECEIVED, S.FORWARDED, S.ACKNOWLEDGED, S.IN_PROGRESS, S.REOPENED] as const;
/** Where the organisation may still be waiting for the complainant: the open statuses and the objection. */
const MAY_PAUSE = [...OPEN, S.OBJECTED] as const;
const CASEWORK: readonly Party[] = ['HANDLER_OF', Role.QUALITY_MANAGER, Role.DIRECTOR];
/** Where the complainant has had the answer (or the closure) and may say how satisfied they are. */
const ANSWERED = [S.RESPONDED, S.OBJECTED, S.REFERRED, S.CLOSED, S.ARCHIVED] as const;
/** Closing ends the organisation's open work; the complainant's objection window stays open. */
const OPEN_WORK: readonly DeadlineKind[] = [
  DeadlineKind.FORWARD,
  DeadlineKind.ACKNOWLEDGE,
  DeadlineKind.PROGRESS_UPDATE,
  DeadlineKind.RESPOND,
  DeadlineKind.RECORD,
  DeadlineKind.HEARING,
  DeadlineKind.FINAL_DECISION,
  DeadlineKind.EXTENSION_NOTICE,
];

export const TRANSITIONS: Record<ComplaintAction, Transition> = {
  [ComplaintAction.FORWARD]: {
    action: ComplaintAction.FORWARD,
    // The receiver may acknowledge first (on the phone) and forward after.
    from: [S.RECEIVED, S.ACKNOWLEDGED],
    to: S.FORWARDED,
    keepsStatusFrom: [S.ACKNOWLEDGED],
    parties: ['REGISTRANT', Role.QUALITY_MANAGER, Role.DIRECTOR],
    event: ComplaintEventType.FORWARDED,
    meets: [DeadlineKind.FORWARD],
    // A receiver the complaint is about passes it on: that is what they should do.
    subjectMay: true,
    whilePaused: 'ALLOWED',
    requires: (complaint) => (complaint.forwardedToId ? 'it was already forwarded' : complaint.handlerId ? 'a handler is already assigned' : undefined),
  },
  [ComplaintAction.ACKNOWLEDGE]: {
    action: ComplaintAction.ACKNOWLEDGE,
    from: [S.RECEIVED, S.FORWARDED],
    to: S.ACKNOWLEDGED,
    parties: ['REGISTRANT', 'FORWARDED_TO', ...CASEWORK],
    event: ComplaintEventType.CONTACT_RECORDED,
    meets: [DeadlineKind.ACKNOWLEDGE],
  },
  [ComplaintAction.SEND_PROGRESS_UPDATE]: {
    action: ComplaintAction.SEND_PROGRESS_UPDATE,
    from: [S.ACKNOWLEDGED, S.IN_PROGRESS, S.REOPENED],
    to: S.IN_PROGRESS,
    parties: CASEWORK,
    event: ComplaintEventType.CONTACT_RECORDED,
    meets: [DeadlineKind.PROGRESS_UPDATE],
  },
  [ComplaintAction.RECORD_CONTACT]: {
    action: ComplaintAction.RECORD_CONTACT,
    // the letters of the objection path and after (invitation, final decision, referral) are contacts too
    from: [...OPEN, S.RESPONDED, S.OBJECTED, S.REFERRED, S.CLOSED],
    to: null,
    parties: ['REGISTRANT', 'FORWARDED_TO', ...CASEWORK],
    event: ComplaintEventType.CONTACT_RECORDED,
    meets: [],
    whilePaused: 'ALLOWED',
  },
  [ComplaintAction.ASSIGN_HANDLER]: {
    action: ComplaintAction.ASSIGN_HANDLER,
    from: OPEN,
    to: null,
    parties: [Role.DIRECTOR],
    event: ComplaintEventType.HANDLER_ASSIGNED,
    meets: [],
    // With a handler it no longer needs forwarding.
    cancels: [DeadlineKind.FORWARD],
    whilePaused: 'ALLOWED',
  },
  [ComplaintAction.PICK_UP]: {
    action: ComplaintAction.PICK_UP,
    from: OPEN,
    to: null,
    parties: ['UNIT_HANDLER'],
    event: ComplaintEventType.HANDLER_ASSIGNED,
    meets: [],
    cancels: [DeadlineKind.FORWARD],
    whilePaused: 'ALLOWED',
    requires: (complaint) =>
      complaint.handlerId
        ? 'a handler is already assigned'
        : complaint.policySnapshot.selfAssignment
          ? undefined
          : `under policy ${complaint.policySnapshot.key} a director assigns the handler`,
  },
  [ComplaintAction.RECORD_ASSESSMENT]: {
    action: ComplaintAction.RECORD_ASSESSMENT,
    from: [S.ACKNOWLEDGED, S.IN_PROGRESS, S.REOPENED],
    to: S.IN_PROGRESS,
    parties: CASEWORK,
    event: ComplaintEventType.ASSESSMENT_RECORDED,
    meets: [],
    requires: (complaint) => (complaint.handlerId ? undefined : 'assign a handler first'),
  },
  [ComplaintAction.RESPOND]: {
    action: ComplaintAction.RESPOND,
    from: [S.IN_PROGRESS, S.REOPENED],
    to: S.RESPONDED,
    parties: CASEWORK,
    event: ComplaintEventType.RESPONDED,
    // Answering the complainant is also the first contact and a progress report, if those were still open.
    meets: [DeadlineKind.RESPOND, DeadlineKind.ACKNOWLEDGE, DeadlineKind.PROGRESS_UPDATE],
    // The complainant's objection window, where the policy has one.
    opens: DeadlineStart.RESPONSE,
    // Answered, it no longer needs forwarding.
    cancels: [DeadlineKind.FORWARD],
    requires: (complaint) => (complaint.verdict ? undefined : 'record the assessment (verdict) first'),
  },
  [ComplaintAction.RECORD_OUTCOME]: {
    action: ComplaintAction.RECORD_OUTCOME,
    from: [S.RESPONDED],
    to: null,
    parties: CASEWORK,
    event: ComplaintEventType.OUTCOME_RECORDED,
    meets: [DeadlineKind.RECORD],
  },
  [ComplaintAction.CLOSE]: {
    action: ComplaintAction.CLOSE,
    from: [S.RESPONDED],
    to: S.CLOSED,
    parties: CASEWORK,
    event: ComplaintEventType.CLOSED,
    meets: [],
    cancels: OPEN_WORK,
    requires: (complaint) => (complaint.outcomeRecordedAt ? undefined : "record the outcome (the customer's agreement) first"),
  },
  [ComplaintAction.ARCHIVE]: {
    action: ComplaintAction.ARCHIVE,
    from: [S.CLOSED, S.WITHDRAWN],
    to: S.ARCHIVED,
    parties: [Role.QUALITY_MANAGER, Role.DIRECTOR],
    event: ComplaintEventType.ARCHIVED,
    meets: [],
  },
  [ComplaintAction.WITHDRAW]: {
    action: ComplaintAction.WITHDRAW,
    from: [...OPEN, S.RESPONDED],
    to: S.WITHDRAWN,
    parties: ['REGISTRANT', ...CASEWORK],
    event: ComplaintEventType.WITHDRAWN,
    meets: [],
    cancels: 'ALL',
    whilePaused: 'ALLOWED',
  },
  [ComplaintAction.REOPEN]: {
    action: ComplaintAction.REOPEN,
    from: [S.RESPONDED, S.CLOSED],
    to: S.REOPENED,
    parties: [Role.QUALITY_MANAGER, Role.DIRECTOR],
    event: ComplaintEventType.REOPENED,
    meets: [],
    opens: DeadlineStart.REOPENING,
    recounts: [DeadlineKind.RESPOND],
  },
  [ComplaintAction.FILE_OBJECTION]: {
    action: ComplaintAction.FILE_OBJECTION,
    from: [S.RESPONDED, S.CLOSED],
    to: S.OBJECTED,
    // the complainant online: a web objection counts as written (DOMAIN.md), within the same window
    parties: [...CASEWORK, 'COMPLAINANT'],
    event: ComplaintEventType.OBJECTION_FILED,
    meets: [DeadlineKind.OBJECTION_WINDOW],
    opens: DeadlineStart.OBJECTION,
    // After the window has closed only a DIRECTOR accepts it, with a reason (seed 000).
    variants: { [StepVariant.LATE]: [Role.DIRECTOR] },
    requires: (complaint) =>
      complaint.objectionFiledAt
        ? 'an objection was already filed'
        : complaint.policySnapshot.rules.some((rule) => rule.kind === DeadlineKind.OBJECTION_WINDOW)
          ? undefined
          : `policy ${complaint.policySnapshot.key} has no objection procedure`,
  },
  [ComplaintAction.SCHEDULE_HEARING]: {
    action: ComplaintAction.SCHEDULE_HEARING,
    from: [S.OBJECTED],
    to: null,
    parties: CASEWORK,
    event: ComplaintEventType.HEARING_SCHEDULED,
    // Offering the hearing within the term is what the HEARING deadline asks.
    meets: [DeadlineKind.HEARING],
    requires: (complaint) =>
      complaint.hearingScheduledAt || complaint.hearingHeldAt
        ? 'a hearing is already scheduled or held'
        : complaint.hearingWaivedAt
          ? 'the complainant waived the hearing'
          : undefined,
  },
  [ComplaintAction.RESCHEDULE_HEARING]: {
    action: ComplaintAction.RESCHEDULE_HEARING,
    from: [S.OBJECTED],
    to: null,
    parties: CASEWORK,
    event: ComplaintEventType.HEARING_RESCHEDULED,
    meets: [],
    requires: (complaint) => (complaint.hearingScheduledAt && !complaint.hearingHeldAt ? undefined : 'there is no scheduled hearing to move'),
  },
  [ComplaintAction.RECORD_HEARING]: {
    action: ComplaintAction.RECORD_HEARING,
    from: [S.OBJECTED],
    to: null,
    parties: CASEWORK,
    event: ComplaintEventType.HEARING_HELD,
    meets: [],
    requires: (complaint) => (complaint.hearingScheduledAt && !complaint.hearingHeldAt ? undefined : 'there is no scheduled hearing to record'),
  },
  [ComplaintAction.RECORD_SETTLEMENT]: {
    action: ComplaintAction.RECORD_SETTLEMENT,
    from: [S.OBJECTED],
    to: S.CLOSED,
    parties: CASEWORK,
    event: ComplaintEventType.SETTLEMENT_RECORDED,
    meets: [DeadlineKind.FINAL_DECISION],
    cancels: OPEN_WORK,
    requires: (complaint) => (complaint.hearingHeldAt ? undefined : 'a settlement is reached at a hearing: record the hearing first'),
  },
  [ComplaintAction.WAIVE_HEARING]: {
    action: ComplaintAction.WAIVE_HEARING,
    from: [S.OBJECTED],
    to: null,
    parties: [...CASEWORK, 'COMPLAINANT'],
    event: ComplaintEventType.HEARING_WAIVED,
    meets: [],
    cancels: [DeadlineKind.HEARING],
    requires: (complaint) => (complaint.hearingHeldAt || complaint.hearingWaivedAt ? 'the hearing was already held or waived' : undefined),
  },
  [ComplaintAction.ACCEPT_HEARING]: {
    action: ComplaintAction.ACCEPT_HEARING,
    from: [S.OBJECTED],
    to: null,
    parties: ['COMPLAINANT'],
    event: ComplaintEventType.HEARING_ACCEPTED,
    meets: [],
    requires: (complaint) =>
      !complaint.hearingScheduledAt || complaint.hearingHeldAt
        ? 'there is no scheduled hearing to accept'
        : complaint.hearingAcceptedAt
          ? 'the hearing was already accepted'
          : undefined,
  },
  [ComplaintAction.DECIDE_OBJECTION]: {
    action: ComplaintAction.DECIDE_OBJECTION,
    from: [S.OBJECTED],
    to: S.CLOSED,
    // The objection goes to the director of the unit concerned (seed 000): only they decide it.
    parties: ['OBJECTION_DIRECTOR'],
    event: ComplaintEventType.OBJECTION_DECIDED,
    meets: [DeadlineKind.FINAL_DECISION],
    cancels: OPEN_WORK,
  },
  [ComplaintAction.REFER]: {
    action: ComplaintAction.REFER,
    from: [S.RESPONDED, S.CLOSED, S.OBJECTED],
    to: S.REFERRED,
    parties: [Role.DIRECTOR],
    event: ComplaintEventType.REFERRED,
    meets: [],
    // The external party takes over: the internal hearing and decision are moot.
    cancels: [DeadlineKind.HEARING, DeadlineKind.FINAL_DECISION],
  },
  [ComplaintAction.RECORD_REFERRAL_OUTCOME]: {
    action: ComplaintAction.RECORD_REFERRAL_OUTCOME,
    from: [S.REFERRED],
    to: S.CLOSED,
    parties: [Role.QUALITY_MANAGER, Role.DIRECTOR],
    event: ComplaintEventType.REFERRAL_OUTCOME_RECORDED,
    meets: [],
    cancels: OPEN_WORK,
  },
  [ComplaintAction.ADD_ATTACHMENT]: {
    action: ComplaintAction.ADD_ATTACHMENT,
    from: Object.values(ComplaintStatus).filter((status) => status !== ComplaintStatus.ARCHIVED),
    to: null,
    parties: ['REGISTRANT', 'FORWARDED_TO', ...CASEWORK],
    event: ComplaintEventType.ATTACHMENT_ADDED,
    meets: [],
    whilePaused: 'ALLOWED',
  },
  [ComplaintAction.SET_LEGAL_HOLD]: {
    action: ComplaintAction.SET_LEGAL_HOLD,
    from: Object.values(ComplaintStatus),
    to: null,
    parties: [Role.DIRECTOR],
    event: ComplaintEventType.LEGAL_HOLD_SET,
    meets: [],
    whilePaused: 'ALLOWED',
    requires: (complaint) => (complaint.legalHoldAt ? 'it is already held' : undefined),
  },
  [ComplaintAction.LIFT_LEGAL_HOLD]: {
    action: ComplaintAction.LIFT_LEGAL_HOLD,
    from: Object.values(ComplaintStatus),
    to: null,
    parties: [Role.DIRECTOR],
    event: ComplaintEventType.LEGAL_HOLD_LIFTED,
    meets: [],
    whilePaused: 'ALLOWED',
    requires: (complaint) => (complaint.legalHoldAt ? undefined : 'it is not held'),
  },
  [ComplaintAction.ADD_NOTE]: {
    action: ComplaintAction.ADD_NOTE,
    from: Object.values(ComplaintStatus),
    to: null,
    parties: ['REGISTRANT', 'FORWARDED_TO', ...CASEWORK],
    event: ComplaintEventType.NOTE_ADDED,
    meets: [],
    whilePaused: 'ALLOWED',
  },
  [ComplaintAction.REQUEST_INFORMATION]: {
    action: ComplaintAction.REQUEST_INFORMATION,
    from: MAY_PAUSE,
    to: null,
    parties: ['FORWARDED_TO', ...CASEWORK],
    event: ComplaintEventType.INFORMATION_REQUESTED,
    meets: [],
    requires: (complaint) => (complaint.policySnapshot.maxPause ? undefined : `policy ${complaint.policySnapshot.key} does not pause for information`),
  },
  [ComplaintAction.RESUME]: {
    action: ComplaintAction.RESUME,
    from: MAY_PAUSE,
    to: null,
    // the complainant online resumes it only by answering (portal/)
    parties: ['FORWARDED_TO', ...CASEWORK, 'COMPLAINANT'],
    event: ComplaintEventType.RESUMED,
    meets: [],
    whilePaused: 'ONLY',
  },
  [ComplaintAction.CLOSE_UNANSWERED]: {
    action: ComplaintAction.CLOSE_UNANSWERED,
    from: OPEN,
    to: S.CLOSED,
    parties: CASEWORK,
    event: ComplaintEventType.CLOSED,
    meets: [],
    cancels: OPEN_WORK,
    requires: (complaint) =>
      !complaint.pauseLapsedAt
        ? 'only after a request for information lapsed unanswered'
        : complaint.policySnapshot.closeWhenUnanswered
          ? undefined
          : `policy ${complaint.policySnapshot.key} does not close for lack of response`,
  },
  [ComplaintAction.EXTEND]: {
    action: ComplaintAction.EXTEND,
    from: OPEN,
    to: null,
    parties: ['HANDLER_OF', Role.DIRECTOR],
    event: ComplaintEventType.EXTENDED,
    meets: [],
    requires: (complaint) =>
      complaint.extendedAt
        ? 'the answer was already extended once'
        : complaint.policySnapshot.extensionWeeks
          ? undefined
          : `policy ${complaint.policySnapshot.key} allows no extension`,
  },
  [ComplaintAction.SEND_EXTENSION_NOTICE]: {
    action: ComplaintAction.SEND_EXTENSION_NOTICE,
    from: [...OPEN, S.RESPONDED],
    to: null,
    parties: ['FORWARDED_TO', ...CASEWORK],
    event: ComplaintEventType.CONTACT_RECORDED,
    meets: [DeadlineKind.EXTENSION_NOTICE],
    whilePaused: 'ALLOWED',
    requires: (complaint) => (complaint.extendedAt ? undefined : 'the answer was not extended'),
  },
  [ComplaintAction.RESOLVE_DIRECTLY]: {
    action: ComplaintAction.RESOLVE_DIRECTLY,
    from: [S.RECEIVED, S.ACKNOWLEDGED],
    to: S.CLOSED,
    parties: ['REGISTRANT'],
    event: ComplaintEventType.RESOLVED_BY_RECEIVER,
    // Solved with the complainant, in agreement, and recorded: forwarded is moot, the rest is done.
    meets: [DeadlineKind.FORWARD, DeadlineKind.ACKNOWLEDGE, DeadlineKind.PROGRESS_UPDATE, DeadlineKind.RESPOND, DeadlineKind.RECORD],
    cancels: OPEN_WORK,
    requires: (complaint) =>
      !complaint.policySnapshot.receiverMayResolve
        ? `under policy ${complaint.policySnapshot.key} the receiver passes it on`
        : complaint.forwardedToId || complaint.handlerId
          ? 'it was already passed on'
          : undefined,
  },
  [ComplaintAction.ANSWER_SURVEY]: {
    action: ComplaintAction.ANSWER_SURVEY,
    from: ANSWERED,
    to: null,
    parties: ['COMPLAINANT'],
    event: ComplaintEventType.SATISFACTION_RECORDED,
    meets: [],
    whilePaused: 'ALLOWED',
    requires: (complaint) => (complaint.surveyAnsweredAt ? 'the survey was already answered' : undefined),
  },
  [ComplaintAction.DECLINE_REOPEN_REQUEST]: {
    action: ComplaintAction.DECLINE_REOPEN_REQUEST,
    from: Object.values(ComplaintStatus),
    to: null,
    parties: [Role.QUALITY_MANAGER, Role.DIRECTOR],
    event: ComplaintEventType.REOPEN_REQUEST_DECLINED,
    meets: [],
    whilePaused: 'ALLOWED',
    requires: (complaint) => (complaint.reopenRequestedAt ? undefined : 'the complainant did not ask to reopen it'),
  },
  [ComplaintAction.RECORD_STATEMENT]: {
    action: ComplaintAction.RECORD_STATEMENT,
    from: [...OPEN, S.RESPONDED, S.OBJECTED, S.REFERRED, S.CLOSED],
    to: null,
    parties: ['SUBJECT'],
    event: ComplaintEventType.STATEMENT_RECORDED,
    meets: [],
    subjectMay: true,
    whilePaused: 'ALLOWED',
  },
};
