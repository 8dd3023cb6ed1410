import type { EntityManager } from 'typeorm';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction, TRANSITIONS } from '../complaint/complaint.procedure';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { NotificationKind } from '../notification/notification.entity';
import type { NotificationService } from '../notification/notification.service';
import type { Caller, OnlineComplainant } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { FieldCode, problem, UserInputError } from '../shared/errors';
import { Role } from '../shared/roles';
import { ReopenDecision, SatisfactionSurvey } from './satisfaction.entity';
import type { DeclineReopenInput, SurveyAnswerInput } from './satisfaction.input';

/** Where reopening is possible at all: where the REOPEN step may start. */
export const mayBeReopened = (complaint: Complaint): boolean => TRANSITIONS[ComplaintAction.REOPEN].from.includes(complaint.status);

/**
 * The satisfaction survey (seed 001, ISO 10002): the complainant's answer online, once per complaint, the handling
 * and the outcome apart; "not satisfied: please reopen" goes to the quality managers, who reopen the complaint
 * (REOPEN settles the request) or decline with a reason.
 */
export class SatisfactionService {
  constructor(
    private readonly engine: ProcedureEngine,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  async answer(complainant: OnlineComplainant, id: string, input: SurveyAnswerInput): Promise<Complaint> {
    return this.engine.step(complainant, id, null, ComplaintAction.ANSWER_SURVEY, async (complaint, manager) => {
      if (input.reopen && !mayBeReopened(complaint))
        throw new UserInputError('Reopening is not possible now: an objection or referral runs, or the complaint was archived.', {
          reopen: problem(FieldCode.REOPEN_NOT_POSSIBLE, 'not possible now'),
        });
      const now = this.clock.now().toJSDate();
      const survey = await manager.getRepository(SatisfactionSurvey).save(
        manager.getRepository(SatisfactionSurvey).create({
          complaintId: complaint.id,
          answeredAt: now,
          handlingScore: input.handling,
          outcomeScore: input.outcome,
          comment: input.comment?.trim() || null,
          reopenRequested: input.reopen,
        }),
      );
      complaint.surveyAnsweredAt = now;
      let told = 0;
      if (input.reopen) {
        complaint.reopenRequestedAt = now;
        // the quality managers decide it; without one, the directors
        const deciders = await this.notifications.holdersOf(manager, Role.QUALITY_MANAGER);
        const to = deciders.length ? deciders : await this.notifications.holdersOf(manager, Role.DIRECTOR);
        told = await this.notifications.tellAbout(manager, complaint, NotificationKind.REOPEN_REQUESTED, to, null, {
          handling: input.handling,
          outcome: input.outcome,
        });
      }
      return { data: { surveyId: survey.id, handling: input.handling, outcome: input.outcome, reopenRequested: input.reopen, notified: told } };
    });
  }

  async declineReopen(caller: Caller, id: string, version: number, input: DeclineReopenInput): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.DECLINE_REOPEN_REQUEST, async (complaint, manager) => {
      const surveyId = await settleReopenRequest(manager, complaint, ReopenDecision.DECLINED, caller.id, input.reason.trim(), this.clock.now().toJSDate());
      return { data: { surveyId, reason: input.reason.trim() } };
    });
  }
}

/**
 * Settles the complainant's open request to reopen (in a step's transaction): granted by REOPEN, declined by
 * DECLINE_REOPEN_REQUEST. Answers the survey's id, or null when there was no open request.
 */
export async function settleReopenRequest(
  manager: EntityManager,
  complaint: Complaint,
  decision: ReopenDecision,
  byId: string,
  note: string | null,
  at: Date,
): Promise<string | null> {
  if (!complaint.reopenRequestedAt) return null;
  const [rows] = (await manager.query(
    `UPDATE satisfaction_survey SET reopen_decision = $2, reopen_decided_at = $3, reopen_decided_by_id = $4, reopen_decision_note = $5,
       version = version + 1, updated_at = now()
     WHERE complaint_id = $1 AND reopen_requested AND reopen_decision IS NULL RETURNING id`,
    [complaint.id, decision, at, byId, note],
  )) as [Array<{ id: string }>, number];
  complaint.reopenRequestedAt = null;
  return rows[0]?.id ?? null;
}
