import type { Loaders } from './loaders';
import { UnauthenticatedError } from './shared/errors';
import type { Clock } from './shared/clock';
import type { ApiTokenScope } from './token/api-token.entity';
import type { Logger } from './shared/logger';
import type { Role } from './shared/roles';
import type { Services } from './services';

/** Who is calling: a signed-in member of staff, or nobody (the website, anonymous). */
export interface Caller {
  id: string;
  name: string;
  roles: readonly Role[];
  /** The granted roles plus the roles they include (a DIRECTOR is also a HANDLER, ...). */
  effectiveRoles: ReadonlySet<Role>;
  /** Set when the caller is an API token (a BI tool, the website), not a member of staff. */
  tokenScope?: ApiTokenScope;
}

/** Built fresh for each request. */
export interface RequestContext {
  requestId: string;
  caller: Caller | null;
  ip: string;
  clock: Clock;
  logger: Logger;
  services: Services;
  loaders: Loaders;
}

/** The signed-in caller of an @Authorized operation (the auth checker has already refused anonymous ones). */
export function caller(context: RequestContext): Caller {
  if (!context.caller) throw new UnauthenticatedError();
  return context.caller;
}
