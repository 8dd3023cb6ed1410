import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { Complaint } from '../complaint/complaint.entity';
import { HearingStatus } from '../complaint/complaint.enums';
import { ConflictOfInterestError, InvalidTransitionError } from '../complaint/complaint.errors';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { CorrespondenceService } from '../correspondence/correspondence.service';
import { NotificationKind } from '../notification/notification.entity';
import type { NotificationService } from '../notification/notification.service';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { restrictToVisible } from '../complaint/visibility';
import { Objection } from '../objection/objection.entity';
import { isComplainant, type Actor, type Caller, type OnlineComplainant } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import { FieldCode, problem, UserInputError } from '../shared/errors';
import { pageOf, whereEquals, whereIds } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { Staff } from '../staff/staff.entity';
import { HearingErrorCode } from './hearing.errors';
import { Hearing } from './hearing.entity';
import type {
  HearingListArgs,
  RecordHearingInput,
  RecordSettlementInput,
  RescheduleHearingInput,
  ScheduleHearingInput,
  WaiveHearingInput,
} from './hearing.input';

/**
 * Step 8, hoor en wederhoor: the hearing offered after an objection — scheduled (never in the past, the
 * chair never the employee complained about, that employee only with both sides' consent), moved, held,
 * a settlement both parties agreed to, or waived; and the agenda. The procedure table decides who and when.
 */
export class HearingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcedureEngine,
    private readonly clock: Clock,
    private readonly correspondence: CorrespondenceService,
    private readonly notifications: NotificationService,
  ) {}

  private async objectionOf(manager: EntityManager, complaintId: string): Promise<Objection> {
    const objection = await manager.getRepository(Objection).findOneBy({ complaintId });
    if (!objection) throw new InvalidTransitionError('There is no objection on this complaint.');
    return objection;
  }

  private async scheduledHearing(manager: EntityManager, complaintId: string): Promise<Hearing> {
    const hearing = await manager.getRepository(Hearing).findOneBy({ complaintId, status: HearingStatus.SCHEDULED });
    if (!hearing) throw new InvalidTransitionError('There is no scheduled hearing.');
    return hearing;
  }

  /** A hearing moment: strictly in the future. */
  private futureMoment(value: Date, field: string): DateTime {
    const at = DateTime.fromJSDate(value).setZone(ZONE);
    if (at <= this.clock.now())
      throw new UserInputError(
        'A hearing cannot be scheduled in the past.',
        { [field]: problem(FieldCode.IN_THE_PAST, 'lies in the past') },
        HearingErrorCode.HEARING_IN_PAST,
      );
    return at;
  }

  /** The chair and the attendance rules of hoor en wederhoor. */
  private async checkChair(manager: EntityManager, complaint: Complaint, chairId: string): Promise<Staff> {
    const chair = await manager.getRepository(Staff).findOneBy({ id: chairId, active: true });
    if (!chair)
      throw new UserInputError(
        'There is no active staff member with this id.',
        { chairId: problem(FieldCode.NO_ACTIVE_STAFF, 'no active staff member with this id') },
        'UNKNOWN_REFERENCE',
      );
    if (complaint.subjectStaffIds.includes(chair.id)) {
      throw new ConflictOfInterestError(`${chair.name} is the subject of ${complaint.reference} and cannot chair its hearing.`, {
        chairId: problem(FieldCode.IS_SUBJECT, 'is the subject of this complaint'),
      });
    }
    return chair;
  }

  async schedule(caller: Caller, id: string, version: number, input: ScheduleHearingInput) {
    const at = this.futureMoment(input.scheduledAt, 'scheduledAt');
    return this.engine.step(caller, id, version, ComplaintAction.SCHEDULE_HEARING, async (complaint, manager) => {
      const objection = await this.objectionOf(manager, complaint.id);
      const chair = await this.checkChair(manager, complaint, input.chairId);
      if (input.subjectEmployeeAttends && complaint.subjectStaffIds.length === 0) {
        throw new UserInputError('The complaint is not about an employee.', {
          subjectEmployeeAttends: problem(FieldCode.NO_SUBJECT_EMPLOYEE, 'the complaint names no employee'),
        });
      }
      if (input.subjectEmployeeAttends && !(input.complainantConsents && input.employeeConsents)) {
        throw new UserInputError(
          'The employee complained about attends only when both sides agree.',
          {
            subjectEmployeeAttends: problem(FieldCode.CONSENT_MISSING, 'needs the consent of the complainant and of the employee'),
          },
          HearingErrorCode.CONSENT_MISSING,
        );
      }
      const hearing = manager.getRepository(Hearing).create({
        complaintId: complaint.id,
        objectionId: objection.id,
        status: HearingStatus.SCHEDULED,
        scheduledAt: at.toJSDate(),
        form: input.form,
        location: input.location?.trim() || null,
        chairId: chair.id,
        handlerAttends: input.handlerAttends,
        subjectEmployeeAttends: input.subjectEmployeeAttends,
        complainantConsents: input.complainantConsents,
        employeeConsents: input.employeeConsents,
      });
      await manager.getRepository(Hearing).save(hearing);
      complaint.hearingScheduledAt = at.toJSDate();
      return {
        data: {
          hearingId: hearing.id,
          scheduledAt: at.toISO(),
          form: input.form,
          chairId: chair.id,
          chairName: chair.name,
          subjectEmployeeAttends: input.subjectEmployeeAttends,
        },
      };
    });
  }

  async reschedule(caller: Caller, id: string, version: number, input: RescheduleHearingInput) {
    const at = this.futureMoment(input.scheduledAt, 'scheduledAt');
    return this.engine.step(caller, id, version, ComplaintAction.RESCHEDULE_HEARING, async (complaint, manager) => {
      const previous = await this.scheduledHearing(manager, complaint.id);
      await manager.getRepository(Hearing).update({ id: previous.id }, { status: HearingStatus.RESCHEDULED });
      const { id: _id, createdAt: _created, updatedAt: _updated, version: _version, ...kept } = previous;
      const next = manager.getRepository(Hearing).create({
        ...kept,
        // a new moment: the complainant's yes was to the old one
        complainantAcceptedAt: null,
        status: HearingStatus.SCHEDULED,
        scheduledAt: at.toJSDate(),
        form: input.form ?? previous.form,
        location: input.location !== undefined ? input.location?.trim() || null : previous.location,
        rescheduledFromId: previous.id,
        rescheduleReason: input.reason.trim(),
      });
      await manager.getRepository(Hearing).save(next);
      complaint.hearingScheduledAt = at.toJSDate();
      complaint.hearingAcceptedAt = null;
      // invited by e-mail before: the update goes out in this step's transaction (same UID, SEQUENCE + 1)
      const letterId = await this.correspondence.reinvite(manager, complaint, caller, this.clock.now());
      return {
        data: { hearingId: next.id, previousHearingId: previous.id, from: previous.scheduledAt.toISOString(), to: at.toISO(), reason: input.reason, letterId },
      };
    });
  }

  async record(caller: Caller, id: string, version: number, input: RecordHearingInput) {
    const heldAt = this.engine.pastMoment(input.heldAt, 'heldAt');
    return this.engine.step(caller, id, version, ComplaintAction.RECORD_HEARING, async (complaint, manager) => {
      const hearing = await this.scheduledHearing(manager, complaint.id);
      await manager.getRepository(Hearing).update(
        { id: hearing.id },
        {
          status: HearingStatus.HELD,
          heldAt: heldAt.toJSDate(),
          heldForm: input.heldForm,
          minutes: input.minutes.trim(),
          proposal: input.proposal?.trim() || null,
        },
      );
      complaint.hearingHeldAt = heldAt.toJSDate();
      complaint.hearingScheduledAt = null;
      return { at: heldAt, data: { hearingId: hearing.id, heldForm: input.heldForm } };
    });
  }

  async settle(caller: Caller, id: string, version: number, input: RecordSettlementInput) {
    if (!input.complainantAgreed || !input.organisationAgreed) {
      throw new UserInputError(
        'A settlement is recorded only when both parties agreed to it.',
        {
          ...(input.complainantAgreed ? {} : { complainantAgreed: problem(FieldCode.COMPLAINANT_NOT_AGREED, 'the complainant has not agreed') }),
          ...(input.organisationAgreed ? {} : { organisationAgreed: problem(FieldCode.ORGANISATION_NOT_AGREED, 'the organisation has not agreed') }),
        },
        HearingErrorCode.SETTLEMENT_NOT_AGREED,
      );
    }
    const complainantAgreedAt = this.engine.pastMoment(input.complainantAgreedAt, 'complainantAgreedAt');
    return this.engine.step(caller, id, version, ComplaintAction.RECORD_SETTLEMENT, async (complaint, manager) => {
      const hearing = await manager.getRepository(Hearing).findOneByOrFail({ complaintId: complaint.id, status: HearingStatus.HELD });
      const agreedById = input.organisationAgreedById ?? caller.id;
      const agreedBy = await manager.getRepository(Staff).findOneBy({ id: agreedById, active: true });
      if (!agreedBy)
        throw new UserInputError(
          'There is no active staff member with this id.',
          { organisationAgreedById: problem(FieldCode.NO_ACTIVE_STAFF, 'no active staff member with this id') },
          'UNKNOWN_REFERENCE',
        );
      // the employee concerned never agrees for the organisation to the settlement of a complaint about them
      if (complaint.subjectStaffIds.includes(agreedBy.id))
        throw new ConflictOfInterestError(`${agreedBy.name} is the subject of ${complaint.reference} and cannot agree to its settlement.`, {
          organisationAgreedById: problem(FieldCode.IS_SUBJECT, 'is the subject of this complaint'),
        });
      const now = this.clock.now().toJSDate();
      await manager.getRepository(Hearing).update(
        { id: hearing.id },
        {
          settlementTerms: input.terms.trim(),
          complainantAgreedAt: complainantAgreedAt.toJSDate(),
          organisationAgreedById: agreedBy.id,
          organisationAgreedAt: now,
          settledAt: now,
        },
      );
      await manager.getRepository(Objection).update({ complaintId: complaint.id }, { settledAt: now });
      complaint.closedAt = now;
      return {
        data: {
          hearingId: hearing.id,
          complainantAgreedAt: complainantAgreedAt.toISO(),
          organisationAgreedById: agreedBy.id,
          organisationAgreedBy: agreedBy.name,
        },
      };
    });
  }

  /** By staff (the complainant said so), or by the complainant online (portal/). */
  async waive(caller: Actor, id: string, version: number | null, input: WaiveHearingInput) {
    const waivedAt = this.engine.pastMoment(input.waivedAt, 'waivedAt');
    return this.engine.step(caller, id, version, ComplaintAction.WAIVE_HEARING, async (complaint, manager) => {
      const hearing = await manager.getRepository(Hearing).findOneBy({ complaintId: complaint.id, status: HearingStatus.SCHEDULED });
      if (hearing) await manager.getRepository(Hearing).update({ id: hearing.id }, { status: HearingStatus.CANCELLED });
      const cancellation = hearing ? await this.correspondence.cancelInvitation(manager, complaint, hearing) : null;
      await manager
        .getRepository(Objection)
        .update({ complaintId: complaint.id }, { hearingWaivedAt: waivedAt.toJSDate(), waiverNote: input.note?.trim() || null });
      complaint.hearingWaivedAt = waivedAt.toJSDate();
      complaint.hearingScheduledAt = null;
      complaint.hearingAcceptedAt = null;
      // said online: whoever would have sat at it hears of it
      if (isComplainant(caller))
        await this.notifications.tellAbout(manager, complaint, NotificationKind.HEARING_ANSWERED, [hearing?.chairId, complaint.handlerId], null, {
          accepted: false,
        });
      return { at: waivedAt, data: { note: input.note ?? null, ...(cancellation ? { outboxId: cancellation } : {}) } };
    });
  }

  /** The complainant says online that they will come (portal/): the chair and the handler are told. */
  async accept(complainant: OnlineComplainant, id: string) {
    return this.engine.step(complainant, id, null, ComplaintAction.ACCEPT_HEARING, async (complaint, manager) => {
      const hearing = await this.scheduledHearing(manager, complaint.id);
      const now = this.clock.now().toJSDate();
      await manager.getRepository(Hearing).update({ id: hearing.id }, { complainantAcceptedAt: now });
      complaint.hearingAcceptedAt = now;
      await this.notifications.tellAbout(manager, complaint, NotificationKind.HEARING_ANSWERED, [hearing.chairId, complaint.handlerId], null, {
        accepted: true,
        scheduledAt: hearing.scheduledAt.toISOString(),
      });
      return { data: { hearingId: hearing.id, scheduledAt: hearing.scheduledAt.toISOString() } };
    });
  }

  /** The agenda: hearings of complaints the caller may see. One statement. */
  async list(caller: Caller, args: HearingListArgs): Promise<Page<Hearing>> {
    const query = this.dataSource.getRepository(Hearing).createQueryBuilder('hearing').innerJoin(Complaint, 'complaint', 'complaint.id = hearing.complaint_id');
    restrictToVisible(query, caller, 'complaint', { naming: 'exclude' });
    const filter = args.filter ?? {};
    if (filter.upcoming) query.andWhere(`hearing.status = 'SCHEDULED' AND hearing.scheduled_at >= :now`, { now: this.clock.now().toJSDate() });
    if (filter.from) query.andWhere('hearing.scheduled_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('hearing.scheduled_at <= :to', { to: filter.to });
    whereEquals(query, { 'hearing.status': filter.status, 'hearing.chair_id': filter.chairId, 'complaint.unit_id': filter.unitId });
    whereIds(query, 'hearing.id', filter.ids);
    return pageOf(query, args, 'hearing.scheduled_at', args.sortOrder, 'hearing.id');
  }
}
