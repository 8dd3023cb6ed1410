import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import type { SyncAuthChecker } from '../shared/plain-fields';
import { SELF } from '../shared/roles';
import { ApiTokenScope } from '../token/api-token.entity';

/**
 * The one auth checker. `@Authorized()` needs a signed-in member of staff or a BI token;
 * `@Authorized(roles)` one of the roles (granted or included by a granted role), or SELF on the caller's
 * own Staff record. A WEBSITE token passes no check at all: it may call submitComplaint (which needs none)
 * and nothing else. Object-level rules live in the services.
 */
export const authChecker: SyncAuthChecker = ({ context, root }, roles) => {
  const caller = context.caller;
  if (!caller) throw new UnauthenticatedError();
  if (caller.tokenScope === ApiTokenScope.WEBSITE) throw new ForbiddenError('A website token may only submit complaints.');
  if (roles.length === 0) return true;
  if (roles.some((role) => role !== SELF && caller.effectiveRoles.has(role))) return true;
  if (roles.includes(SELF) && !caller.tokenScope && (root as { id?: unknown } | undefined)?.id === caller.id) return true;
  // (roles is not empty here: with SELF alone, only the member themselves)
  const named = roles.filter((role) => role !== SELF);
  if (!named.length) throw new ForbiddenError('Only the member of staff themselves may read this.');
  throw new ForbiddenError(`This needs one of the roles ${named.join(', ')}${roles.includes(SELF) ? ', or the member of staff themselves' : ''}.`);
};
