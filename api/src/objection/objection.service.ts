import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { Complaint } from '../complaint/complaint.entity';
import { DeadlineKind, HearingStatus } from '../complaint/complaint.enums';
import { ConflictOfInterestError, InvalidTransitionError } from '../complaint/complaint.errors';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { restrictToVisible, type ComplaintService } from '../complaint/complaint.service';
import { Deadline } from '../complaint/deadline.entity';
import type { Caller } from '../context';
import { Hearing } from '../hearing/hearing.entity';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import { AppError, ForbiddenError, UserInputError } from '../shared/errors';
import { pageOf } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { Role } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Unit } from '../unit/unit.entity';
import { Objection } from './objection.entity';
import type {
  DecideObjectionInput,
  FileObjectionInput,
  HearingListArgs,
  RecordHearingInput,
  RecordSettlementInput,
  RescheduleHearingInput,
  ScheduleHearingInput,
  WaiveHearingInput,
} from './objection.input';

export class ObjectionLateError extends AppError {
  constructor(windowDueDate: string) {
    super('OBJECTION_LATE', `The objection window closed on ${windowDueDate}; a DIRECTOR may accept a late objection with a reason (acceptLateReason).`, {
      fieldErrors: { receivedAt: `after the objection window (closed ${windowDueDate})` },
    });
  }
}

/** Steps 7 and 8: the objection, its hearing, settlement or the director's decision. The procedure table decides who and when. */
export class ObjectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
    private readonly clock: Clock,
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
    if (at <= this.clock.now()) throw new UserInputError('A hearing cannot be scheduled in the past.', { [field]: 'lies in the past' }, 'HEARING_IN_PAST');
    return at;
  }

  async file(caller: Caller, id: string, version: number, input: FileObjectionInput) {
    const receivedAt = this.complaints.pastMoment(input.receivedAt, 'receivedAt');
    return this.complaints.step(caller, id, version, ComplaintAction.FILE_OBJECTION, async (complaint, manager) => {
      const window = await manager.getRepository(Deadline).findOneBy({ complaintId: complaint.id, kind: DeadlineKind.OBJECTION_WINDOW });
      const late = window !== null && receivedAt.toJSDate() > window.dueAt;
      if (late && !input.acceptLateReason) throw new ObjectionLateError(window.dueDate);
      if (late && !caller.effectiveRoles.has(Role.DIRECTOR)) throw new ForbiddenError('Only a DIRECTOR can accept a late objection.');
      const directorId = complaint.unitId ? ((await manager.getRepository(Unit).findOneBy({ id: complaint.unitId }))?.directorId ?? null) : null;
      await manager.getRepository(Objection).insert(
        manager.getRepository(Objection).create({
          complaintId: complaint.id,
          receivedAt: receivedAt.toJSDate(),
          channel: input.channel,
          grounds: input.grounds.trim(),
          late,
          lateAcceptedById: late ? caller.id : null,
          lateAcceptanceReason: late ? (input.acceptLateReason ?? null) : null,
          directorId,
        }),
      );
      complaint.objectionFiledAt = receivedAt.toJSDate();
      return { at: receivedAt, data: { channel: input.channel, late, lateAcceptanceReason: late ? input.acceptLateReason : null, directorId } };
    });
  }

  /** The chair and the attendance rules of hoor en wederhoor. */
  private async checkChair(manager: EntityManager, complaint: Complaint, chairId: string): Promise<Staff> {
    const chair = await manager.getRepository(Staff).findOneBy({ id: chairId, active: true });
    if (!chair)
      throw new UserInputError('There is no active staff member with this id.', { chairId: 'no active staff member with this id' }, 'UNKNOWN_REFERENCE');
    if (complaint.subjectStaffIds.includes(chair.id)) {
      throw new ConflictOfInterestError(`${chair.name} is the subject of ${complaint.reference} and cannot chair its hearing.`, {
        chairId: 'is the subject of this complaint',
      });
    }
    return chair;
  }

  async schedule(caller: Caller, id: string, version: number, input: ScheduleHearingInput) {
    const at = this.futureMoment(input.scheduledAt, 'scheduledAt');
    return this.complaints.step(caller, id, version, ComplaintAction.SCHEDULE_HEARING, async (complaint, manager) => {
      const objection = await this.objectionOf(manager, complaint.id);
      const chair = await this.checkChair(manager, complaint, input.chairId);
      if (input.subjectEmployeeAttends && complaint.subjectStaffIds.length === 0) {
        throw new UserInputError('The complaint is not about an employee.', { subjectEmployeeAttends: 'the complaint names no employee' });
      }
      if (input.subjectEmployeeAttends && !(input.complainantConsents && input.employeeConsents)) {
        throw new UserInputError(
          'The employee complained about attends only when both sides agree.',
          {
            subjectEmployeeAttends: 'needs the consent of the complainant and of the employee',
          },
          'CONSENT_MISSING',
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
    return this.complaints.step(caller, id, version, ComplaintAction.RESCHEDULE_HEARING, async (complaint, manager) => {
      const previous = await this.scheduledHearing(manager, complaint.id);
      await manager.getRepository(Hearing).update({ id: previous.id }, { status: HearingStatus.RESCHEDULED });
      const { id: _id, createdAt: _created, updatedAt: _updated, version: _version, ...kept } = previous;
      const next = manager.getRepository(Hearing).create({
        ...kept,
        status: HearingStatus.SCHEDULED,
        scheduledAt: at.toJSDate(),
        form: input.form ?? previous.form,
        location: input.location !== undefined ? input.location?.trim() || null : previous.location,
        rescheduledFromId: previous.id,
        rescheduleReason: input.reason.trim(),
      });
      await manager.getRepository(Hearing).save(next);
      complaint.hearingScheduledAt = at.toJSDate();
      return { data: { hearingId: next.id, previousHearingId: previous.id, from: previous.scheduledAt.toISOString(), to: at.toISO(), reason: input.reason } };
    });
  }

  async record(caller: Caller, id: string, version: number, input: RecordHearingInput) {
    const heldAt = this.complaints.pastMoment(input.heldAt, 'heldAt');
    return this.complaints.step(caller, id, version, ComplaintAction.RECORD_HEARING, async (complaint, manager) => {
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
          ...(input.complainantAgreed ? {} : { complainantAgreed: 'the complainant has not agreed' }),
          ...(input.organisationAgreed ? {} : { organisationAgreed: 'the organisation has not agreed' }),
        },
        'SETTLEMENT_NOT_AGREED',
      );
    }
    const complainantAgreedAt = this.complaints.pastMoment(input.complainantAgreedAt, 'complainantAgreedAt');
    return this.complaints.step(caller, id, version, ComplaintAction.RECORD_SETTLEMENT, async (complaint, manager) => {
      const hearing = await manager.getRepository(Hearing).findOneByOrFail({ complaintId: complaint.id, status: HearingStatus.HELD });
      const agreedById = input.organisationAgreedById ?? caller.id;
      const agreedBy = await manager.getRepository(Staff).findOneBy({ id: agreedById, active: true });
      if (!agreedBy)
        throw new UserInputError(
          'There is no active staff member with this id.',
          { organisationAgreedById: 'no active staff member with this id' },
          'UNKNOWN_REFERENCE',
        );
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

  async waive(caller: Caller, id: string, version: number, input: WaiveHearingInput) {
    const waivedAt = this.complaints.pastMoment(input.waivedAt, 'waivedAt');
    return this.complaints.step(caller, id, version, ComplaintAction.WAIVE_HEARING, async (complaint, manager) => {
      const hearing = await manager.getRepository(Hearing).findOneBy({ complaintId: complaint.id, status: HearingStatus.SCHEDULED });
      if (hearing) await manager.getRepository(Hearing).update({ id: hearing.id }, { status: HearingStatus.CANCELLED });
      await manager
        .getRepository(Objection)
        .update({ complaintId: complaint.id }, { hearingWaivedAt: waivedAt.toJSDate(), waiverNote: input.note?.trim() || null });
      complaint.hearingWaivedAt = waivedAt.toJSDate();
      complaint.hearingScheduledAt = null;
      return { at: waivedAt, data: { note: input.note ?? null } };
    });
  }

  async decide(caller: Caller, id: string, version: number, input: DecideObjectionInput) {
    return this.complaints.step(caller, id, version, ComplaintAction.DECIDE_OBJECTION, async (complaint, manager) => {
      const objection = await this.objectionOf(manager, complaint.id);
      if (objection.directorId && objection.directorId !== caller.id) {
        throw new ForbiddenError('The objection goes to the director of the unit: only they decide it.');
      }
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

  /** The agenda: hearings of complaints the caller may see. One statement. */
  async listHearings(caller: Caller, args: HearingListArgs): Promise<Page<Hearing>> {
    const query = this.dataSource.getRepository(Hearing).createQueryBuilder('hearing').innerJoin(Complaint, 'complaint', 'complaint.id = hearing.complaint_id');
    restrictToVisible(query, caller);
    const filter = args.filter ?? {};
    if (filter.upcoming) query.andWhere(`hearing.status = 'SCHEDULED' AND hearing.scheduled_at >= :now`, { now: this.clock.now().toJSDate() });
    if (filter.status) query.andWhere('hearing.status = :status', { status: filter.status });
    if (filter.from) query.andWhere('hearing.scheduled_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('hearing.scheduled_at <= :to', { to: filter.to });
    if (filter.chairId) query.andWhere('hearing.chair_id = :chairId', { chairId: filter.chairId });
    if (filter.unitId) query.andWhere('complaint.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.ids) query.andWhere('hearing.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    return pageOf(query, args, 'hearing.scheduled_at', args.sortOrder, 'hearing.id');
  }
}
