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
