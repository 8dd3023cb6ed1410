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
  /** The unit a member of staff works in (the unassigned queue they may pick up from). */
  unitId?: string | null;
}

/**
 * The complainant acting online on their own complaint, having shown its reference and secret code (portal/).
 * Never a member of staff: the procedure table names them as the party COMPLAINANT, and what they do is recorded
 * with no member of staff as its actor.
 */
export interface OnlineComplainant {
  complainantOf: string;
  /** When the code they showed was issued: a step is theirs only while it is still the complaint's code. */
  codeIssuedAt: Date;
}

/** Whoever takes a step on a complaint: a member of staff (or token), or the complainant online. */
export type Actor = Caller | OnlineComplainant;

export const isComplainant = (actor: Actor | null | undefined): actor is OnlineComplainant => !!actor && 'complainantOf' in actor;

/** The member of staff behind a step, for the columns and events that name one (null: the complainant did it). */
export const staffIdOf = (actor: Actor): string | null => (isComplainant(actor) ? null : actor.id);
