import type { DataSource } from 'typeorm';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { ComplaintStatus, DeadlineKind, type HearingForm } from '../complaint/complaint.enums';
import { availableActions } from '../complaint/procedure-rules';
import type { LetterKind } from '../correspondence/letter-kinds';
import type { ReopenDecision } from '../satisfaction/satisfaction.entity';
import { mayBeReopened } from '../satisfaction/satisfaction.service';
import type { OnlineComplainant } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { PublicAction, PublicNextStep, PublicStage, type PublicComplaintStatus } from './portal.types';
import type { StatusCodes } from './status-code';

/** Where the status page lives (the ready-made site), and its letters' links. */
export const PORTAL_PATH = '/klacht';
/** How long a letter's download link works. */
const LINK_MS = 60 * 60_000;

const NEXT_STEP: Partial<Record<DeadlineKind, PublicNextStep>> = {
  [DeadlineKind.FORWARD]: PublicNextStep.CONTACT,
  [DeadlineKind.ACKNOWLEDGE]: PublicNextStep.CONTACT,
  [DeadlineKind.PROGRESS_UPDATE]: PublicNextStep.PROGRESS_UPDATE,
  [DeadlineKind.RESPOND]: PublicNextStep.ANSWER,
  [DeadlineKind.EXTENSION_NOTICE]: PublicNextStep.EXTENSION_NOTICE,
  [DeadlineKind.HEARING]: PublicNextStep.HEARING,
  [DeadlineKind.FINAL_DECISION]: PublicNextStep.DECISION,
};

const STAGE: Record<ComplaintStatus, PublicStage> = {
  [ComplaintStatus.RECEIVED]: PublicStage.RECEIVED,
  [ComplaintStatus.FORWARDED]: PublicStage.RECEIVED,
  [ComplaintStatus.ACKNOWLEDGED]: PublicStage.IN_HANDLING,
  [ComplaintStatus.IN_PROGRESS]: PublicStage.IN_HANDLING,
  [ComplaintStatus.REOPENED]: PublicStage.IN_HANDLING,
  [ComplaintStatus.RESPONDED]: PublicStage.ANSWERED,
  [ComplaintStatus.OBJECTED]: PublicStage.OBJECTION,
  [ComplaintStatus.REFERRED]: PublicStage.REFERRED,
  [ComplaintStatus.CLOSED]: PublicStage.CLOSED,
  [ComplaintStatus.ARCHIVED]: PublicStage.CLOSED,
  [ComplaintStatus.WITHDRAWN]: PublicStage.WITHDRAWN,
};

/** The procedure table's steps for the complainant, as the status page names them. */
const PUBLIC_ACTIONS: Partial<Record<ComplaintAction, PublicAction>> = {
  [ComplaintAction.RESUME]: PublicAction.ANSWER_INFORMATION,
  [ComplaintAction.FILE_OBJECTION]: PublicAction.OBJECT,
  [ComplaintAction.ACCEPT_HEARING]: PublicAction.ACCEPT_HEARING,
  [ComplaintAction.WAIVE_HEARING]: PublicAction.WAIVE_HEARING,
  [ComplaintAction.ANSWER_SURVEY]: PublicAction.ANSWER_SURVEY,
};

/**
 * What the complainant sees of their complaint, chosen field by field: where it stands, what the organisation owes
 * next and by when, the objection window, an open request for information, the planned hearing, the letters sent
 * (with a link of their own), the survey, and what they may do now — never a member of staff (but the handler, where
 * the policy says so), a note, a contact's summary or the assessment before the answer was sent.
 */
export async function publicStatus(dataSource: DataSource, codes: StatusCodes, clock: Clock, complaint: Complaint): Promise<PublicComplaintStatus> {
  const now = clock.now().toJSDate();
  const [next] = (await dataSource.query(
    `SELECT d.kind, to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate" FROM deadline d
     WHERE d.complaint_id = $1 AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL AND d.kind = ANY($2)
     ORDER BY d.due_at LIMIT 1`,
    // what the organisation owes the complainant (recording the outcome is its own business)
    [complaint.id, Object.keys(NEXT_STEP)],
  )) as Array<{ kind: DeadlineKind; dueDate: string }>;
  const [window] = (await dataSource.query(
    `SELECT to_char(due_date, 'YYYY-MM-DD') AS "until" FROM deadline
     WHERE complaint_id = $1 AND kind = $2 AND met_at IS NULL AND cancelled_at IS NULL AND due_at > $3`,
    [complaint.id, DeadlineKind.OBJECTION_WINDOW, now],
  )) as Array<{ until: string }>;
  const [pause] = complaint.pausedSince
    ? ((await dataSource.query(
        `SELECT question, to_char(answer_by, 'YYYY-MM-DD') AS "answerBy" FROM complaint_pause WHERE complaint_id = $1 AND resumed_at IS NULL`,
        [complaint.id],
      )) as Array<{ question: string; answerBy: string }>)
    : [];
  const [hearing] = (await dataSource.query(
    `SELECT scheduled_at AS at, form, location, complainant_accepted_at IS NOT NULL AS accepted FROM hearing
     WHERE complaint_id = $1 AND status = 'SCHEDULED' AND scheduled_at > $2 ORDER BY scheduled_at LIMIT 1`,
    [complaint.id, now],
  )) as Array<{ at: Date; form: HearingForm; location: string | null; accepted: boolean }>;
  const letters = (await dataSource.query(
    `SELECT id, kind, subject, sent_at AS "sentAt" FROM letter WHERE complaint_id = $1 AND sent_at IS NOT NULL ORDER BY sent_at, id`,
    [complaint.id],
  )) as Array<{ id: string; kind: LetterKind; subject: string; sentAt: Date }>;
  const [survey] = (await dataSource.query(
    `SELECT answered_at AS "answeredAt", handling_score AS handling, outcome_score AS outcome, reopen_requested AS "reopenRequested",
            reopen_decision AS "reopenDecision", CASE WHEN reopen_decision = 'DECLINED' THEN reopen_decision_note END AS "reopenDeclinedReason"
     FROM satisfaction_survey WHERE complaint_id = $1`,
    [complaint.id],
  )) as Array<{
    answeredAt: Date;
    handling: number;
    outcome: number;
    reopenRequested: boolean;
    reopenDecision: ReopenDecision | null;
    reopenDeclinedReason: string | null;
  }>;

  // no one of the staff is named, unless the policy (as it is now) says the handler may be
  const [handler] = complaint.handlerId
    ? ((await dataSource.query(`SELECT s.name FROM policy p JOIN staff s ON s.id = $2 WHERE p.id = $1 AND p.status_page_names_handler`, [
        complaint.policyId,
        complaint.handlerId,
      ])) as Array<{ name: string }>)
    : [];

  const complainant: OnlineComplainant = { complainantOf: complaint.id, codeIssuedAt: complaint.statusCodeIssuedAt! };
  const actions = availableActions(complaint, complainant)
    .map((action) => PUBLIC_ACTIONS[action])
    .filter((action): action is PublicAction => !!action)
    // within the window only: after it, only a DIRECTOR accepts an objection
    .filter((action) => action !== PublicAction.OBJECT || !!window);
  const expiresAt = clock.now().toMillis() + LINK_MS;
  const stage = pause
    ? PublicStage.WAITING_FOR_YOU
    : hearing && complaint.status === ComplaintStatus.OBJECTED
      ? PublicStage.HEARING_PLANNED
      : STAGE[complaint.status];
  return {
    reference: complaint.reference,
    receivedAt: complaint.receivedAt,
    stage,
    nextStep: next ? NEXT_STEP[next.kind]! : null,
    nextStepDueDate: next?.dueDate ?? null,
    answeredAt: complaint.respondedAt,
    objectionUntil: window?.until ?? null,
    informationQuestion: pause?.question ?? null,
    informationAnswerBy: pause?.answerBy ?? null,
    hearing: hearing ?? null,
    letters: letters.map((letter) => ({
      ...letter,
      url: `${PORTAL_PATH}/brieven/${letter.id}.pdf?t=${codes.letterToken(letter.id, complaint.statusCodeIssuedAt!, expiresAt)}`,
    })),
    closedAt: complaint.closedAt,
    objectionFiledAt: complaint.objectionFiledAt,
    actions,
    reopenPossible: actions.includes(PublicAction.ANSWER_SURVEY) && mayBeReopened(complaint),
    survey: survey ?? null,
    handlerName: handler?.name ?? null,
  };
}
