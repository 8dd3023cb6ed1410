import { isComplainant, type Actor } from '../shared/caller';
import { Role } from '../shared/roles';
import type { DeadlineRule } from '../policy/policy.entity';
import type { Complaint } from './complaint.entity';
import { ComplaintKind, ComplaintStatus } from './complaint.enums';
import { ComplaintAction, TRANSITIONS, type Party, type StepVariant } from './complaint.procedure';
import { worksOnComplaints } from './visibility';

/**
 * The questions asked of the procedure table (complaint.procedure.ts): may this caller take this step on
 * this complaint now (`refusal`, `availableActions`), this form of it (`variantRefusal`), which of the
 * policy's rules it opens, and which roles its resolver admits.
 */

/** Where a complaint (or a signal) starts, and the history event of its receipt. */
export function initialStatus(kind: ComplaintKind): ComplaintStatus {
  return kind === ComplaintKind.SIGNAL ? ComplaintStatus.CLOSED : ComplaintStatus.RECEIVED;
}

export function isParty(party: Party, complaint: Complaint, actor: Actor): boolean {
  // the complainant online is that party on their own complaint, and no other
  if (isComplainant(actor)) return party === 'COMPLAINANT' && actor.complainantOf === complaint.id;
  const caller = actor;
  if (party === 'COMPLAINANT') return false;
  // A relation to the complaint counts for staff who work on complaints (not an ADMIN who once registered one).
  if (
    (party === 'REGISTRANT' || party === 'HANDLER_OF' || party === 'FORWARDED_TO' || party === 'SUBJECT' || party === 'UNIT_HANDLER') &&
    !worksOnComplaints(caller)
  )
    return false;
  switch (party) {
    case 'REGISTRANT':
      return complaint.registeredById === caller.id;
    case 'HANDLER_OF':
      // a handler whose HANDLER role was taken away no longer handles it
      return complaint.handlerId === caller.id && caller.effectiveRoles.has(Role.HANDLER);
    case 'FORWARDED_TO':
      return complaint.forwardedToId === caller.id;
    case 'SUBJECT':
      return complaint.subjectStaffIds.includes(caller.id);
    case 'UNIT_HANDLER':
      return caller.effectiveRoles.has(Role.HANDLER) && !!complaint.unitId && complaint.unitId === caller.unitId;
    case 'OBJECTION_DIRECTOR':
      // still a DIRECTOR, and the one it went to (any DIRECTOR when it went to none)
      return caller.effectiveRoles.has(Role.DIRECTOR) && (complaint.objectionDirectorId === null || complaint.objectionDirectorId === caller.id);
    default:
      return caller.effectiveRoles.has(party);
  }
}

const PARTY_NAMES: Record<Exclude<Party, Role>, string> = {
  REGISTRANT: 'whoever registered it',
  HANDLER_OF: 'its handler',
  FORWARDED_TO: 'whom it was forwarded to',
  OBJECTION_DIRECTOR: 'the director of the unit the objection went to',
  SUBJECT: 'an employee it is about',
  COMPLAINANT: 'the complainant',
  UNIT_HANDLER: "a handler of the complaint's unit",
};

function describeParty(party: Party): string {
  return (PARTY_NAMES as Record<string, string>)[party] ?? party;
}

export type Refusal =
  { reason: 'INVALID_TRANSITION'; message: string } | { reason: 'FORBIDDEN'; message: string } | { reason: 'CONFLICT_OF_INTEREST'; message: string };

/**
 * Why `caller` may not take `action` on `complaint` now, or undefined when it may. Without a caller (the
 * system, on time) only the complaint's state counts: who may take it is not asked.
 */
/** What a signal (no procedure) still allows: filing it away, a note, a legal hold. */
const SIGNAL_ACTIONS = [ComplaintAction.ARCHIVE, ComplaintAction.ADD_NOTE, ComplaintAction.SET_LEGAL_HOLD, ComplaintAction.LIFT_LEGAL_HOLD];

export function refusal(action: ComplaintAction, complaint: Complaint, caller: Actor | null): Refusal | undefined {
  const transition = TRANSITIONS[action];
  if (complaint.anonymisedAt) {
    return {
      reason: 'INVALID_TRANSITION',
      message: `${complaint.reference} was anonymised on ${complaint.anonymisedAt.toISOString()}: nothing more is recorded on it.`,
    };
  }
  if (complaint.kind === ComplaintKind.SIGNAL && !SIGNAL_ACTIONS.includes(action)) {
    return { reason: 'INVALID_TRANSITION', message: `${complaint.reference} is a signal: it runs no procedure.` };
  }
  if (!transition.from.includes(complaint.status)) {
    return {
      reason: 'INVALID_TRANSITION',
      message: `${action} is not possible while ${complaint.reference} is ${complaint.status}; it needs ${transition.from.join(' or ')}.`,
    };
  }
  if (complaint.pausedSince && !transition.whilePaused) {
    return {
      reason: 'INVALID_TRANSITION',
      message: `${complaint.reference} waits for the complainant's information since ${complaint.pausedSince.toISOString()}: record the answer or resume first.`,
    };
  }
  if (!complaint.pausedSince && transition.whilePaused === 'ONLY') {
    return { reason: 'INVALID_TRANSITION', message: `${action}: ${complaint.reference} is not waiting for information.` };
  }
  if (caller && !transition.parties.some((party) => isParty(party, complaint, caller))) {
    return { reason: 'FORBIDDEN', message: `${action} on ${complaint.reference} is for ${transition.parties.map(describeParty).join(', ')}.` };
  }
  // The employee concerned never acts for the organisation on it (DOMAIN.md, Branches of the seeds).
  if (caller && !isComplainant(caller) && !transition.subjectMay && complaint.subjectStaffIds.includes(caller.id)) {
    return { reason: 'CONFLICT_OF_INTEREST', message: `${complaint.reference} is about you: someone else must act on it.` };
  }
  const unmet = transition.requires?.(complaint);
  if (unmet) return { reason: 'INVALID_TRANSITION', message: `${action} on ${complaint.reference}: ${unmet}.` };
  return undefined;
}

/** The steps `actor` may take on the complaint now: staff's buttons in the panel, the complainant's on the status page. */
export function availableActions(complaint: Complaint, actor: Actor): ComplaintAction[] {
  return Object.values(ComplaintAction).filter((action) => refusal(action, complaint, actor) === undefined);
}

/** Why `caller` may not take this form of the step, or undefined when it may (asked after `refusal`). */
export function variantRefusal(action: ComplaintAction, variant: StepVariant, complaint: Complaint, caller: Actor): Refusal | undefined {
  const parties = TRANSITIONS[action].variants?.[variant];
  if (!parties || parties.some((party) => isParty(party, complaint, caller))) return undefined;
  return { reason: 'FORBIDDEN', message: `${action} (${variant}) on ${complaint.reference} is for ${parties.map(describeParty).join(', ')}.` };
}

/** The policy's rules a step counts from its own moment: those that start at its event, and those it counts again. */
export function rulesOpenedBy(action: ComplaintAction, rules: readonly DeadlineRule[]): DeadlineRule[] {
  const { opens, recounts = [] } = TRANSITIONS[action];
  return rules.filter((rule) => (opens !== undefined && rule.startsAt === opens) || recounts.includes(rule.kind));
}

const STAFF_ROLES: readonly Role[] = [Role.EMPLOYEE, Role.HANDLER, Role.QUALITY_MANAGER, Role.DIRECTOR];

/**
 * The roles the step's resolver admits (its @Authorized), from the table: the roles among its parties, and
 * for a relation to the complaint whoever can have it (a registrant is any member of staff, a handler a
 * HANDLER, the objection's director a DIRECTOR). Whether this caller may take it on this complaint is then the table's `refusal`.
 */
export function stepRoles(action: ComplaintAction): Role[] {
  const roles = new Set<Role>();
  for (const party of TRANSITIONS[action].parties) {
    if (party === 'OBJECTION_DIRECTOR') roles.add(Role.DIRECTOR);
    // Only a HANDLER (or a DIRECTOR, who is one too) is ever assigned.
    else if (party === 'HANDLER_OF' || party === 'UNIT_HANDLER') roles.add(Role.HANDLER);
    else if (party === 'REGISTRANT' || party === 'FORWARDED_TO' || party === 'SUBJECT') STAFF_ROLES.forEach((role) => roles.add(role));
    // the complainant takes steps through the status page (portal/), never through a staff resolver
    else if (party !== 'COMPLAINANT') roles.add(party);
  }
  return [...roles];
}
