import type { EntityManager } from 'typeorm';
import type { DateTime } from 'luxon';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { FieldCode, problem, UserInputError } from '../shared/errors';
import { Role } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Unit } from '../unit/unit.entity';
import { Attachment } from './attachment.entity';
import type { Complaint } from './complaint.entity';
import { ContactKind, ForwardTarget } from './complaint.enums';
import { ConflictOfInterestError } from './complaint.errors';
import type { AssessmentInput, AttachmentInput, ContactInput, ForwardInput, OutcomeInput, ResponseInput } from './complaint.input';
import { ComplaintAction } from './complaint.procedure';
import { ContactMoment } from './contact-moment.entity';
import type { ProcedureEngine } from './procedure-engine';
import type { ClockService } from './clock.service';
import type { DirectResolutionInput } from './clock.input';
import type { ConcernedService } from '../concerned/concerned.service';
import { NotificationKind } from '../notification/notification.entity';
import type { NotificationService } from '../notification/notification.service';
import { ReopenDecision } from '../satisfaction/satisfaction.entity';
import { settleReopenRequest } from '../satisfaction/satisfaction.service';

/** The contacts that are a step of their own (the acknowledgement, the progress report, the notice of an extension); the rest: RECORD_CONTACT. */
export const CONTACT_ACTIONS: Partial<Record<ContactKind, ComplaintAction>> = {
  [ContactKind.ACKNOWLEDGEMENT]: ComplaintAction.ACKNOWLEDGE,
  [ContactKind.PROGRESS_UPDATE]: ComplaintAction.SEND_PROGRESS_UPDATE,
  [ContactKind.EXTENSION_NOTICE]: ComplaintAction.SEND_EXTENSION_NOTICE,
};

/** What a step also writes in its transaction (a letter, its outbox message), and what its event then says of it. */
export type StepAttachment = (complaint: Complaint, manager: EntityManager, at: DateTime) => Promise<Record<string, unknown>>;

/**
 * The steps of the procedure on a complaint (DOMAIN.md steps 1–6 and 10): each is the engine's step with
 * its own work — what it records on the complaint and what its history event says. Who may take it,
 * when, and which deadlines it meets, opens and cancels is the procedure table's (complaint.procedure.ts).
 */
export class ComplaintService {
  constructor(
    private readonly engine: ProcedureEngine,
    private readonly clock: Clock,
    private readonly clockSteps: ClockService,
    private readonly concerned: ConcernedService,
    private readonly notifications: NotificationService,
  ) {}

  async forward(caller: Caller, id: string, version: number, input: ForwardInput): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.FORWARD, async (complaint, manager) => {
      const toId = input.toId ?? (await this.defaultForwardTarget(manager, complaint, caller));
      const target = toId ? await manager.getRepository(Staff).findOneBy({ id: toId, active: true }) : null;
      if (!target)
        throw new UserInputError(
          'Whom to forward to? Give toId: the supervisor or director.',
          {
            toId: toId
              ? problem(FieldCode.NO_ACTIVE_STAFF, 'no active staff member with this id')
              : problem(FieldCode.NO_FORWARD_TARGET, 'is required (no supervisor or director is known)'),
          },
          'FORWARD_TARGET_REQUIRED',
        );
      complaint.forwardedToId = target.id;
      await this.notifications.tellAbout(manager, complaint, NotificationKind.FORWARDED, [target.id], caller.id, { byName: caller.name });
      return { data: { toId: target.id, toName: target.name, note: input.note ?? null } };
    });
  }

  /** Focus: the receiver's direct supervisor; reset-partner: the director of the complaint's unit. */
  private async defaultForwardTarget(manager: EntityManager, complaint: Complaint, caller: Caller): Promise<string | null> {
    if (complaint.policySnapshot.forwardTo === ForwardTarget.DIRECTOR && complaint.unitId) {
      return (await manager.getRepository(Unit).findOneBy({ id: complaint.unitId }))?.directorId ?? null;
    }
    if (complaint.policySnapshot.forwardTo === ForwardTarget.SUPERVISOR) {
      return (await manager.getRepository(Staff).findOneBy({ id: complaint.registeredById ?? caller.id }))?.supervisorId ?? null;
    }
    return null;
  }

  /**
   * `attach`: what else the step writes in its transaction, and tells its history event (a letter and its
   * message in the outbox: correspondence.service.ts).
   */
  async recordContact(caller: Caller, id: string, version: number, input: ContactInput, attach?: StepAttachment): Promise<Complaint> {
    if (input.kind === ContactKind.INFORMATION_REQUEST || input.kind === ContactKind.INFORMATION_RECEIVED)
      throw new UserInputError('A request for information and its answer stop and start the clock: use requestInformation and resumeComplaint.', {
        kind: problem(FieldCode.INVALID_CHOICE, 'use requestInformation or resumeComplaint'),
      });
    const action = CONTACT_ACTIONS[input.kind] ?? ComplaintAction.RECORD_CONTACT;
    const at = this.engine.pastMoment(input.contactedAt, 'contactedAt');
    return this.engine.step(caller, id, version, action, async (complaint, manager) => {
      await manager.getRepository(ContactMoment).insert({
        complaintId: complaint.id,
        kind: input.kind,
        channel: input.channel,
        contactedAt: at.toJSDate(),
        byId: caller.id,
        summary: input.summary?.trim() || null,
      });
      const attached = attach ? await attach(complaint, manager, at) : {};
      return { at, data: { kind: input.kind, channel: input.channel, contactedAt: at.toISO(), ...attached } };
    });
  }

  async assignHandler(caller: Caller, id: string, version: number | null, handlerId: string): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.ASSIGN_HANDLER, async (complaint, manager) => {
      const handler = await manager.getRepository(Staff).findOneBy({ id: handlerId, active: true });
      if (!handler)
        throw new UserInputError(
          'There is no active staff member with this id.',
          { handlerId: problem(FieldCode.NO_ACTIVE_STAFF, 'no active staff member with this id') },
          'UNKNOWN_REFERENCE',
        );
      if (!handler.roles.some((role) => role === Role.HANDLER || role === Role.DIRECTOR)) {
        throw new UserInputError(
          `${handler.name} is not a HANDLER.`,
          { handlerId: problem(FieldCode.NOT_A_HANDLER, 'needs the HANDLER role') },
          'NOT_A_HANDLER',
        );
      }
      if (complaint.subjectStaffIds.includes(handler.id)) {
        throw new ConflictOfInterestError(`${handler.name} is the subject of ${complaint.reference} and cannot handle it.`, {
          handlerId: problem(FieldCode.IS_SUBJECT, 'is the subject of this complaint'),
        });
      }
      const previous = complaint.handlerId;
      complaint.handlerId = handler.id;
      await this.notifications.tellAbout(manager, complaint, NotificationKind.ASSIGNED, [handler.id], caller.id, { byName: caller.name });
      return { data: { handlerId: handler.id, handlerName: handler.name, previousHandlerId: previous } };
    });
  }

  /** A HANDLER of the complaint's unit takes it from the unassigned queue (the table decides where the policy allows it). */
  async pickUp(caller: Caller, id: string, version: number | null): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.PICK_UP, async (complaint) => {
      complaint.handlerId = caller.id;
      return { data: { handlerId: caller.id, handlerName: caller.name, previousHandlerId: null, pickedUp: true } };
    });
  }

  async recordAssessment(caller: Caller, id: string, version: number, input: AssessmentInput): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.RECORD_ASSESSMENT, async (complaint) => {
      complaint.verdict = input.verdict;
      complaint.cause = input.cause.trim();
      complaint.solution = input.solution?.trim() || null;
      complaint.offer = input.offer ?? [];
      complaint.preventiveMeasure = input.preventiveMeasure?.trim() || null;
      complaint.assessedAt = this.clock.now().toJSDate();
      return { data: { verdict: input.verdict, offer: complaint.offer } };
    });
  }

  async respond(caller: Caller, id: string, version: number, input: ResponseInput, attach?: StepAttachment): Promise<Complaint> {
    const at = this.engine.pastMoment(input.respondedAt, 'respondedAt');
    return this.engine.step(caller, id, version, ComplaintAction.RESPOND, async (complaint, manager) => {
      complaint.respondedAt = at.toJSDate();
      complaint.responseSummary = input.summary.trim();
      // the employee concerned learns the findings too (Awb 9:12)
      const told = await this.concerned.notifySubjects(manager, complaint, NotificationKind.FINDINGS);
      const attached = attach ? await attach(complaint, manager, at) : {};
      return { at, data: { channel: input.channel, respondedAt: at.toISO(), subjectsNotified: told, ...attached } };
    });
  }

  async recordOutcome(caller: Caller, id: string, version: number, input: OutcomeInput): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.RECORD_OUTCOME, async (complaint) => {
      complaint.customerAgreed = input.customerAgreed;
      complaint.satisfaction = input.satisfaction ?? null;
      complaint.outcomeRecordedAt = this.clock.now().toJSDate();
      return { data: { customerAgreed: input.customerAgreed, satisfaction: input.satisfaction ?? null, note: input.note ?? null } };
    });
  }

  async close(caller: Caller, id: string, version: number, note: string | null): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.CLOSE, async (complaint) => {
      complaint.closedAt = this.clock.now().toJSDate();
      return { data: { note } };
    });
  }

  async archive(caller: Caller, id: string, version: number): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.ARCHIVE, async (complaint) => {
      complaint.archivedAt = this.clock.now().toJSDate();
    });
  }

  async withdraw(caller: Caller, id: string, version: number, reason: string): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.WITHDRAW, async (complaint, manager) => {
      const now = this.clock.now();
      const wait = complaint.pausedSince ? await this.clockSteps.endForWithdrawal(manager, complaint, now) : undefined;
      complaint.withdrawnAt = now.toJSDate();
      return { data: { reason, ...(wait ? { pauseEnded: wait.endedBy } : {}) } };
    });
  }

  /** The receiver solves it at once, with the customer (seed 004): recorded as the registration asks, and closed. */
  async resolveDirectly(caller: Caller, id: string, version: number, input: DirectResolutionInput): Promise<Complaint> {
    const at = this.engine.pastMoment(input.resolvedAt, 'resolvedAt');
    return this.engine.step(caller, id, version, ComplaintAction.RESOLVE_DIRECTLY, async (complaint) => {
      const now = this.clock.now().toJSDate();
      complaint.cause = input.cause.trim();
      complaint.solution = input.solution.trim();
      complaint.customerAgreed = true;
      complaint.respondedAt = at.toJSDate();
      complaint.assessedAt = now;
      complaint.outcomeRecordedAt = now;
      complaint.closedAt = now;
      complaint.resolvedByReceiver = true;
      return { at, data: { resolvedAt: at.toISO(), customerAgreed: true } };
    });
  }

  async reopen(caller: Caller, id: string, version: number, reason: string): Promise<Complaint> {
    return this.engine.step(caller, id, version, ComplaintAction.REOPEN, async (complaint, manager) => {
      complaint.closedAt = null;
      // the complainant's request to reopen, if there was one, is granted by this
      const surveyId = await settleReopenRequest(manager, complaint, ReopenDecision.GRANTED, caller.id, null, this.clock.now().toJSDate());
      return { data: { reason, ...(surveyId ? { surveyId, reopenRequestGranted: true } : {}) } };
    });
  }

  /** Attachments are appended like notes: no version needed. */
  async addAttachment(caller: Caller, id: string, input: AttachmentInput): Promise<Complaint> {
    return this.engine.step(caller, id, null, ComplaintAction.ADD_ATTACHMENT, async (complaint, manager) => {
      const attachment = manager.getRepository(Attachment).create({
        complaintId: complaint.id,
        fileName: input.fileName.trim(),
        contentType: input.contentType,
        sizeBytes: input.sizeBytes,
        storageKey: input.storageKey?.trim() || null,
        addedById: caller.id,
      });
      await manager.getRepository(Attachment).save(attachment);
      return { data: { attachmentId: attachment.id, fileName: attachment.fileName, sizeBytes: attachment.sizeBytes } };
    });
  }

  /** Notes are appended, never edited: no version needed, nothing to lose. */
  async addNote(caller: Caller, id: string, text: string): Promise<Complaint> {
    return this.engine.step(caller, id, null, ComplaintAction.ADD_NOTE, async () => ({ data: { text } }));
  }
}
