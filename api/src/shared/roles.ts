import { registerEnumType } from 'type-graphql';

/** The roles of DOMAIN.md; one enum for the graph, the database and the auth checker. */
export enum Role {
  EMPLOYEE = 'EMPLOYEE',
  HANDLER = 'HANDLER',
  QUALITY_MANAGER = 'QUALITY_MANAGER',
  DIRECTOR = 'DIRECTOR',
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a member of staff may do (DOMAIN.md, Roles).',
  valuesConfig: {
    EMPLOYEE: { description: 'Registers complaints received; sees the ones they registered.' },
    HANDLER: { description: 'Handles complaints assigned to them, never one about themselves.' },
    QUALITY_MANAGER: { description: 'Sees and records on all complaints, archives, runs the half-yearly review.' },
    DIRECTOR: { description: 'All of the above; assigns handlers, decides objections, refers externally.' },
    ADMIN: { description: 'Staff accounts, units, policies, calendars, API tokens.' },
    ANALYST: { description: 'BI queries: aggregates and pseudonymised rows, never personal data.' },
  },
});

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** A role includes the roles it grants "all of the above" of (DOMAIN.md): a DIRECTOR is also a QUALITY_MANAGER, etc. */
const IMPLIED: Record<Role, readonly Role[]> = {
  [Role.EMPLOYEE]: [],
  [Role.HANDLER]: [Role.EMPLOYEE],
  [Role.QUALITY_MANAGER]: [Role.EMPLOYEE],
  [Role.DIRECTOR]: [Role.QUALITY_MANAGER, Role.HANDLER, Role.EMPLOYEE],
  [Role.ADMIN]: [],
  [Role.ANALYST]: [],
};

export function effectiveRoles(granted: readonly Role[]): ReadonlySet<Role> {
  const roles = new Set<Role>();
  const add = (role: Role): void => {
    if (roles.has(role)) return;
    roles.add(role);
    IMPLIED[role].forEach(add);
  };
  granted.forEach(add);
  return roles;
}

/** Who may read personal data (names, contact details, free text): never ANALYST or a BI token. */
export const PERSONAL_DATA_ROLES: readonly Role[] = [Role.EMPLOYEE, Role.HANDLER, Role.QUALITY_MANAGER, Role.DIRECTOR];

/** In `@Authorized(...)` of a Staff field: the member of staff themselves may read it too (auth-checker.ts). */
export const SELF = 'SELF' as const;
export type Access = Role | typeof SELF;

/** Who may read staff records (names, e-mail addresses, roles): colleagues and ADMIN, never ANALYST or a token. */
export const STAFF_DIRECTORY: Access[] = [Role.ADMIN, Role.EMPLOYEE, Role.HANDLER, Role.QUALITY_MANAGER, Role.DIRECTOR];

/**
 * The parts of the product, each with the one list of roles that may use it: the resolvers'
 * `@Authorized` take their lists from here, and `Staff.permissions` tells the admin which parts to
 * show a member of staff. (Who may take which step of a complaint is the procedure table's.)
 */
export enum Permission {
  COMPLAINTS = 'COMPLAINTS',
  CASEWORK = 'CASEWORK',
  MANAGEMENT = 'MANAGEMENT',
  PRIVACY = 'PRIVACY',
  STATISTICS = 'STATISTICS',
  STAFF_DIRECTORY = 'STAFF_DIRECTORY',
  ADMINISTRATION = 'ADMINISTRATION',
}

registerEnumType(Permission, {
  name: 'Permission',
  description: 'A part of the product and whether a member of staff may use it (shared/roles.ts).',
  valuesConfig: {
    COMPLAINTS: { description: 'Complaints, their deadlines and steps: the ones the member of staff may see.' },
    CASEWORK: { description: 'The hearing and referral registers.' },
    MANAGEMENT: { description: 'The half-yearly review and its measures; verifying the history.' },
    PRIVACY: { description: "Complainants' access and erasure requests, the retention ledger." },
    STATISTICS: { description: 'The dashboard and BI figures: aggregates and pseudonymised rows.' },
    STAFF_DIRECTORY: { description: 'The staff directory: names and roles of colleagues.' },
    ADMINISTRATION: { description: 'Staff accounts, units, categories, policies, calendar, external parties, API tokens.' },
  },
});

export const ROLES_FOR: Readonly<Record<Permission, readonly Role[]>> = {
  [Permission.COMPLAINTS]: PERSONAL_DATA_ROLES,
  [Permission.CASEWORK]: [Role.HANDLER, Role.QUALITY_MANAGER, Role.DIRECTOR],
  [Permission.MANAGEMENT]: [Role.QUALITY_MANAGER, Role.DIRECTOR],
  [Permission.PRIVACY]: [Role.QUALITY_MANAGER, Role.DIRECTOR],
  [Permission.STATISTICS]: [Role.ANALYST, Role.QUALITY_MANAGER, Role.DIRECTOR],
  [Permission.STAFF_DIRECTORY]: STAFF_DIRECTORY as Role[],
  [Permission.ADMINISTRATION]: [Role.ADMIN],
};

/** Whether a caller's roles (with what they include) may use a part of the product: for the routes beside /graphql. */
export function mayUse(caller: { effectiveRoles: ReadonlySet<Role> }, permission: Permission): boolean {
  return ROLES_FOR[permission].some((role) => caller.effectiveRoles.has(role));
}

/** What the granted roles (with what they include) may use. */
export function permissionsOf(granted: readonly Role[]): Permission[] {
  const roles = effectiveRoles(granted);
  return Object.values(Permission).filter((permission) => ROLES_FOR[permission].some((role) => roles.has(role)));
}
