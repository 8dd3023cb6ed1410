import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../shared/caller';
import { Role } from '../shared/roles';
import type { Complaint } from './complaint.entity';

/**
 * Who sees which complaint (DOMAIN.md, Roles), in one place: QUALITY_MANAGER and DIRECTOR see every
 * complaint; other members of staff who work on complaints (EMPLOYEE, HANDLER) the ones they registered,
 * handle or were forwarded; ADMIN and ANALYST none, whatever they once registered. The same definition
 * gives the check of one complaint in memory and the predicate of every list in SQL.
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

export function maySee(complaint: Complaint, caller: Caller): boolean {
  if (seesEveryComplaint(caller)) return true;
  return worksOnComplaints(caller) && (Object.keys(RELATIONS) as Array<keyof typeof RELATIONS>).some((property) => complaint[property] === caller.id);
}

/** Only complaints the caller may see, on a query that has the complaint as `alias`. */
export function restrictToVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, caller: Caller, alias = 'complaint'): void {
  if (seesEveryComplaint(caller)) return;
  if (!worksOnComplaints(caller)) {
    query.andWhere('false');
    return;
  }
  query.andWhere(
    `(${Object.values(RELATIONS)
      .map((column) => `${alias}.${column} = :visibleTo`)
      .join(' OR ')})`,
    { visibleTo: caller.id },
  );
}
