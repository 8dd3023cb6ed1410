import type { ComplaintRecord } from '../types';
import type { StaffAction } from './staff-actions';

/**
 * How the complaint page arranges the steps `availableActions` offers: the next step of the procedure first, as the
 * one primary button; the other ordinary steps beside it; the destructive ones apart, at the end, each confirmed in
 * its dialog. The API decides which steps there are; this only decides where they go.
 */

/**
 * The procedure's forward steps, in the order a complaint takes them (DOMAIN.md: intake, acknowledgement, handling,
 * answer, outcome, closure; then the objection and the referral). The first one on offer and not yet done (DONE) is
 * "the next step". The clock comes first: while it stands still (a request for information), going on is what is
 * due; so does the notice of an extension, which must reach the complainant before the original date.
 */
export const NEXT_STEP_ORDER: readonly StaffAction[] = [
  'RESUME',
  'SEND_EXTENSION_NOTICE',
  'FORWARD',
  'ACKNOWLEDGE',
  'ASSIGN_HANDLER',
  'PICK_UP',
  'RECORD_ASSESSMENT',
  'RESPOND',
  'RECORD_OUTCOME',
  'CLOSE',
  'SCHEDULE_HEARING',
  'RECORD_HEARING',
  'DECIDE_OBJECTION',
  'RECORD_REFERRAL_OUTCOME',
];

/**
 * Forward steps that stay on offer once taken (to correct or redo them: another handler, a revised assessment or
 * outcome, the extension's notice again): once done, they are not "the next step" any more.
 */
const DONE: Partial<Record<StaffAction, (record: ComplaintRecord) => boolean>> = {
  ASSIGN_HANDLER: (record) => Boolean(record.handler),
  RECORD_ASSESSMENT: (record) => Boolean(record.assessedAt),
  RECORD_OUTCOME: (record) => Boolean(record.outcomeRecordedAt),
  SEND_EXTENSION_NOTICE: (record) =>
    !(record.deadlines ?? []).some((deadline) => deadline.kind === 'EXTENSION_NOTICE' && !deadline.metAt && deadline.status !== 'CANCELLED'),
};

/**
 * The steps that cannot be taken back, and what each one ends (the dialog says so; app.steps.cannotUndo.*):
 * - WITHDRAW ends the procedure for good: every open deadline lapses, and a withdrawn complaint is never reopened.
 * - CLOSE_UNANSWERED closes the complaint without an answer on its merits and cancels the organisation's open
 *   deadlines; only a reopening (by a quality manager or director) gives it a new answer term.
 * - ARCHIVE freezes the dossier: nothing about it changes any more but notes.
 * - LIFT_LEGAL_HOLD takes away what keeps the dossier: past its retention term it is anonymised the next night.
 * Not here: DECLINE_REOPEN_REQUEST answers the complainant but leaves the complaint as it is (Heropenen stays on
 * offer); REFER, WAIVE_HEARING and the settlement are routes of the procedure, not losses.
 */
export const DESTRUCTIVE_STEPS: readonly StaffAction[] = ['WITHDRAW', 'CLOSE_UNANSWERED', 'ARCHIVE', 'LIFT_LEGAL_HOLD'];

export const isDestructive = (action: StaffAction): boolean => DESTRUCTIVE_STEPS.includes(action);

/** Minor steps that never need to stand out: after the others. */
const LAST_OF_THE_ORDINARY: readonly StaffAction[] = ['ADD_NOTE', 'SET_LEGAL_HOLD'];

export interface ArrangedSteps {
  /** The next step of the procedure, when one is on offer. */
  next: StaffAction | undefined;
  /** The other ordinary steps, in the order they came (the minor ones last). */
  others: StaffAction[];
  /** The steps that cannot be taken back, apart. */
  destructive: StaffAction[];
}

/** The steps on offer for this complaint, arranged for the page. */
export const arrangeSteps = (actions: readonly StaffAction[], record: ComplaintRecord): ArrangedSteps => {
  const next = NEXT_STEP_ORDER.find((action) => actions.includes(action) && !DONE[action]?.(record));
  const ordinary = actions.filter((action) => action !== next && !isDestructive(action));
  return {
    next,
    others: [...ordinary.filter((action) => !LAST_OF_THE_ORDINARY.includes(action)), ...ordinary.filter((action) => LAST_OF_THE_ORDINARY.includes(action))],
    destructive: DESTRUCTIVE_STEPS.filter((action) => actions.includes(action)),
  };
};
