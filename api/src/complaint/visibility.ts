import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../shared/caller';
import { Role } from '../shared/roles';
import type { Complaint } from './complaint.entity';
import { ComplaintKind, ComplaintStatus } from './complaint.enums';

/**
 * Who sees which complaint (DOMAIN.md, Roles), in one place: QUALITY_MANAGER and DIRECTOR see every
 * complaint; other members of staff who work on complaints (EMPLOYEE, HANDLER) the ones they registered,
 * handle or were forwarded, and the ones that name them (what they may read of those is
 * concerned/subject-view.ts's); a HANDLER also the open complaints of their unit that wait in its unassigned
 * queue, where the policy lets a handler pick one up; ADMIN and ANALYST none, whatever they once registered. The
 * same definition gives the check of one complaint in memory and the predicate of every list in SQL.
 */
const SEE_EVERY_COMPLAINT: readonly Role[] = [Role.QUALITY_MANAGER, Role.DIRECTOR];

/** The relations that let a member of staff see a complaint: property → column. */
const RELATIONS = {
  registeredById: 'registered_by_id',
  handlerId: 'handler_id',
  forwardedToId: 'forwarded_to_id',
} as const satisfies Partial<Record<keyof Complaint, string>>;

export function seesEveryComplaint(caller: Caller): boolean {
  return SEE_EVERY_COMPLAINT.some((role) => caller.effectiveRoles.has(role));
}

/** Whether relations to a complaint count for the caller at all: staff who work on complaints. */
export function worksOnComplaints(caller: Caller): boolean {
  return caller.effectiveRoles.has(Role.EMPLOYEE);
}

/** Whether the complaint names the caller: they read it as the employee concerned (subject-view.ts). */
export function concernsCaller(complaint: Complaint, caller: Caller | null | undefined): boolean {
  return !!caller && complaint.subjectStaffIds.includes(caller.id);
}

/** The statuses in which a complaint without a handler waits in its unit's queue. */
export const QUEUE_STATUSES: readonly ComplaintStatus[] = [
  ComplaintStatus.RECEIVED,
  ComplaintStatus.FORWARDED,
  ComplaintStatus.ACKNOWLEDGED,
  ComplaintStatus.IN_PROGRESS,
  ComplaintStatus.REOPENED,
];

/** The unit whose unassigned queue the caller may pick up from (a HANDLER in a unit), or null. */
export const queueUnitOf = (caller: Caller): string | null => (caller.effectiveRoles.has(Role.HANDLER) && caller.unitId ? caller.unitId : null);

/** Whether the complaint waits in the unassigned queue of the caller's unit, for them to pick up. */
export function inCallersQueue(complaint: Complaint, caller: Caller): boolean {
  const unit = queueUnitOf(caller);
  return (
    !!unit &&
    complaint.unitId === unit &&
    complaint.handlerId === null &&
    complaint.kind === ComplaintKind.COMPLAINT &&
    QUEUE_STATUSES.includes(complaint.status) &&
    complaint.policySnapshot.selfAssignment === true
  );
}

/** The same in SQL, on a query with the complaint as `alias` (parameters :queueUnit, :queueStatuses). */
export const inQueueSql = (alias: string): string =>
  `(${alias}.handler_id IS NULL AND ${alias}.unit_id = :queueUnit AND ${alias}.kind = 'COMPLAINT' AND ${alias}.status IN (:...queueStatuses)
    AND (${alias}.policy_snapshot->>'selfAssignment')::boolean IS TRUE)`;

/**
 * What a member of staff oversees beside their own work ("Mijn werk"): a DIRECTOR the units they direct (all of them
 * when they direct none), a QUALITY_MANAGER the organisation; others nothing.
 */
export function oversight(caller: Caller): 'UNITS_DIRECTED' | 'ORGANISATION' | null {
  if (caller.effectiveRoles.has(Role.DIRECTOR)) return 'UNITS_DIRECTED';
  return caller.effectiveRoles.has(Role.QUALITY_MANAGER) ? 'ORGANISATION' : null;
}

export function maySee(complaint: Complaint, caller: Caller): boolean {
  if (seesEveryComplaint(caller)) return true;
  if (!worksOnComplaints(caller)) return false;
  return (
    (Object.keys(RELATIONS) as Array<keyof typeof RELATIONS>).some((property) => complaint[property] === caller.id) ||
    concernsCaller(complaint, caller) ||
    inCallersQueue(complaint, caller)
  );
}

/**
 * Only complaints the caller may see, on a query that has the complaint as `alias`. Lists of what happens
 * on a complaint (hearings, referrals) leave out the ones that name the caller (`naming: 'exclude'`),
 * whatever their role: the employee concerned reads the complaint itself, not its deliberation.
 */
export function restrictToVisible<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  caller: Caller,
  alias = 'complaint',
  { naming = 'include' }: { naming?: 'include' | 'exclude' } = {},
): void {
  if (naming === 'exclude') query.andWhere(`NOT (:concerned = ANY(${alias}.subject_staff_ids))`, { concerned: caller.id });
  if (seesEveryComplaint(caller)) return;
  if (!worksOnComplaints(caller)) {
    query.andWhere('false');
    return;
  }
  const relations = Object.values(RELATIONS).map((column) => `${alias}.${column} = :visibleTo`);
  if (naming === 'include') relations.push(`:visibleTo = ANY(${alias}.subject_staff_ids)`);
  const queueUnit = queueUnitOf(caller);
  if (queueUnit) relations.push(inQueueSql(alias));
  query.andWhere(`(${relations.join(' OR ')})`, { visibleTo: caller.id, ...(queueUnit ? { queueUnit, queueStatuses: QUEUE_STATUSES } : {}) });
}
