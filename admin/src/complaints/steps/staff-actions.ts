import type { ComplaintAction } from '../../gql/graphql';

/**
 * The complainant's own steps (taken online, with the reference and the code, never offered to staff by
 * availableActions): the panel has no dialog for them, only their history.
 */
export const COMPLAINANT_ACTIONS = ['ACCEPT_HEARING', 'ANSWER_SURVEY'] as const satisfies readonly ComplaintAction[];

/** The steps staff take in the panel, each with a dialog and a mutation. */
export type StaffAction = Exclude<ComplaintAction, (typeof COMPLAINANT_ACTIONS)[number]>;

export const isStaffAction = (action: ComplaintAction): action is StaffAction => !(COMPLAINANT_ACTIONS as readonly string[]).includes(action);
