import type { Permission, Role } from '../gql/graphql';

/**
 * react-admin's `permissions` for the signed-in member of staff: what the API says they may use
 * (`Staff.permissions`, from the one table in api/src/shared/roles.ts) and the roles they were
 * granted. The admin only leaves out what cannot be used; the API decides.
 */
export interface Permissions {
  may: Permission[];
  roles: Role[];
}

const isPermissions = (value: unknown): value is Permissions =>
  typeof value === 'object' && value !== null && Array.isArray((value as Permissions).may) && Array.isArray((value as Permissions).roles);

export const mayUse = (permissions: unknown, permission: Permission): boolean => isPermissions(permissions) && permissions.may.includes(permission);

export const hasRole = (permissions: unknown, role: Role): boolean => isPermissions(permissions) && permissions.roles.includes(role);
