import type { EntityManager } from 'typeorm';
import type { Complaint } from '../complaint/complaint.entity';
import { DeadlineKind } from '../complaint/complaint.enums';
import { InvalidTransitionError } from '../complaint/complaint.errors';
import { ComplaintAction, StepVariant } from '../complaint/complaint.procedure';
import { Deadline } from '../complaint/deadline.entity';
import { NotificationKind } from '../notification/notification.entity';
import type { NotificationService } from '../notification/notification.service';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { staffIdOf, type Actor, type Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { Unit } from '../unit/unit.entity';
import { Objection } from './objection.entity';
import { ObjectionLateError } from './objection.errors';
import type { DecideObjectionInput, FileObjectionInput } from './objection.input';

/**
 * Step 7: the written objection (within the window; after it only a DIRECTOR accepts it, with a reason)
 * and the decision of the director it went to. Hearings are hearing/. The procedure table decides who and when.
 */
export class ObjectionService {
  constructor(
    private readonly engine: ProcedureEngine,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  private async objectionOf(manager: EntityManager, complaintId: string): Promise<Objection> {
    const objection = await manager.getRepository(Objection).findOneBy({ complaintId });
    if (!objection) throw new InvalidTransitionError('There is no objection on this complaint.');
    return objection;
  }

  /** By staff (a letter, an e-mail), or by the complainant online (portal/): the same window, the same step. */
  async file(
    caller: Actor,
    id: string,
    version: number | null,
    input: FileObjectionInput,
    also?: (complaint: Complaint, manager: EntityManager) => Promise<Record<string, unknown>>,
  ) {
    const receivedAt = this.engine.pastMoment(input.receivedAt, 'receivedAt');
    return this.engine.step(caller, id, version, ComplaintAction.FILE_OBJECTION, async (complaint, manager) => {
      const window = await manager.getRepository(Deadline).findOneBy({ complaintId: complaint.id, kind: DeadlineKind.OBJECTION_WINDOW });
      const late = window !== null && receivedAt.toJSDate() > window.dueAt;
      if (late && !input.acceptLateReason) throw new ObjectionLateError(window.dueDate);
      if (late) this.engine.assertVariant(ComplaintAction.FILE_OBJECTION, StepVariant.LATE, complaint, caller);
      const directorId = complaint.unitId ? ((await manager.getRepository(Unit).findOneBy({ id: complaint.unitId }))?.directorId ?? null) : null;
      await manager.getRepository(Objection).insert(
        manager.getRepository(Objection).create({
          complaintId: complaint.id,
          receivedAt: receivedAt.toJSDate(),
          channel: input.channel,
          grounds: input.grounds.trim(),
          late,
          lateAcceptedById: late ? staffIdOf(caller) : null,
          lateAcceptanceReason: late ? (input.acceptLateReason ?? null) : null,
          directorId,
        }),
      );
      complaint.objectionFiledAt = receivedAt.toJSDate();
      complaint.objectionDirectorId = directorId;
      await this.notifications.tellAbout(manager, complaint, NotificationKind.OBJECTION_FILED, [directorId, complaint.handlerId], staffIdOf(caller), {
        late,
        channel: input.channel,
      });
      const more = also ? await also(complaint, manager) : {};
      return { at: receivedAt, data: { channel: input.channel, late, lateAcceptanceReason: late ? input.acceptLateReason : null, directorId, ...more } };
    });
  }

  async decide(caller: Caller, id: string, version: number, input: DecideObjectionInput) {
    return this.engine.step(caller, id, version, ComplaintAction.DECIDE_OBJECTION, async (complaint, manager) => {
      const objection = await this.objectionOf(manager, complaint.id);
      const now = this.clock.now().toJSDate();
      await manager
        .getRepository(Objection)
        .update(
          { id: objection.id },
          { outcome: input.outcome, reasoning: input.reasoning.trim(), furtherOptions: input.furtherOptions.trim(), decidedAt: now, decidedById: caller.id },
        );
      complaint.closedAt = now;
      return { data: { outcome: input.outcome, furtherOptions: input.furtherOptions } };
    });
  }
}
