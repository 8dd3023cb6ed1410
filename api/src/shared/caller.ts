import type { ApiTokenScope } from '../token/api-token.entity';
import type { Role } from './roles';

/** Who is calling: a signed-in member of staff, an API token, or nobody (the website, anonymous). */
export interface Caller {
  id: string;
  name: string;
  roles: readonly Role[];
  /** The granted roles plus the roles they include (a DIRECTOR is also a HANDLER, ...). */
  effectiveRoles: ReadonlySet<Role>;
  /** Set when the caller is an API token (a BI tool, the website), not a member of staff. */
  tokenScope?: ApiTokenScope;
}
