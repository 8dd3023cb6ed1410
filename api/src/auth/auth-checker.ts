import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import type { Role } from '../shared/roles';

/**
 * The one auth checker: `@Authorized()` needs a signed-in caller, `@Authorized(roles)` one of the
 * roles (granted or included by a granted role). Object-level rules live in the services.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.caller) throw new UnauthenticatedError();
  if (roles.length === 0 || roles.some((role) => context.caller?.effectiveRoles.has(role))) return true;
  throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}.`);
};
