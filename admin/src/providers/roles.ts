/**
 * The roles of the signed-in member of staff (react-admin's `permissions`: the granted roles),
 * with what a role includes, as the API counts them (DOMAIN.md, Roles: a DIRECTOR may do "all of
 * the above"). The admin uses this only to leave out what a role cannot use; the API decides.
 */

const IMPLIED: Record<string, readonly string[]> = {
  EMPLOYEE: [],
  HANDLER: ['EMPLOYEE'],
  QUALITY_MANAGER: ['EMPLOYEE'],
  DIRECTOR: ['QUALITY_MANAGER', 'HANDLER', 'EMPLOYEE'],
  ADMIN: [],
  ANALYST: [],
};

export const effectiveRoles = (permissions: unknown): Set<string> => {
  const roles = new Set<string>();
  const add = (role: string) => {
    if (roles.has(role)) return;
    roles.add(role);
    (IMPLIED[role] ?? []).forEach(add);
  };
  if (Array.isArray(permissions)) permissions.map(String).forEach(add);
  return roles;
};

export const hasAnyRole = (permissions: unknown, roles: readonly string[]): boolean => {
  const effective = effectiveRoles(permissions);
  return roles.some((role) => effective.has(role));
};

/** Who may do what in the admin, by the API's `@Authorized` lists. */
export const ROLE_GROUPS = {
  /** complaint, complaintList, deadlineList and the steps */
  complaints: ['EMPLOYEE', 'HANDLER', 'QUALITY_MANAGER', 'DIRECTOR'],
  /** hearingList, referralList */
  casework: ['HANDLER', 'QUALITY_MANAGER', 'DIRECTOR'],
  /** reviews and measures */
  management: ['QUALITY_MANAGER', 'DIRECTOR'],
  /** complaintStatistics: the dashboard */
  statistics: ['ANALYST', 'QUALITY_MANAGER', 'DIRECTOR'],
  /** staffList: the staff autocompletes */
  staffDirectory: ['ADMIN', 'EMPLOYEE', 'HANDLER', 'QUALITY_MANAGER', 'DIRECTOR'],
  /** accounts, units, categories, policies, calendar, external parties, API tokens */
  admin: ['ADMIN'],
} as const satisfies Record<string, readonly string[]>;

export type RoleGroup = keyof typeof ROLE_GROUPS;

export const mayUse = (permissions: unknown, group: RoleGroup): boolean => hasAnyRole(permissions, ROLE_GROUPS[group]);
