import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { caller, type RequestContext } from '../context';
import { Hearing } from '../hearing/hearing.entity';
import { PageOf } from '../shared/pagination';
import { Role } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Objection } from './objection.entity';
import {
  DecideObjectionInput,
  FileObjectionInput,
  HearingListArgs,
  RecordHearingInput,
  RecordSettlementInput,
  RescheduleHearingInput,
  ScheduleHearingInput,
  WaiveHearingInput,
} from './objection.input';

const CASEWORK = [Role.HANDLER, Role.QUALITY_MANAGER, Role.DIRECTOR];

@ObjectType()
export class HearingPage extends PageOf(Hearing) {}

@Resolver(() => Complaint)
export class ObjectionResolver {
  @Authorized(CASEWORK)
  @Mutation(() => Complaint, { description: 'Registers a written objection; opens HEARING and FINAL_DECISION. Late: only a DIRECTOR, with a reason.' })
  async fileObjection(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => FileObjectionInput) input: FileObjectionInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.file(caller(context), id, version, input);
  }

  @Authorized(CASEWORK)
  @Mutation(() => Complaint, {
    description: 'Offers the hearing (meets HEARING). The chair may not be the subject; the subject attends only with both consents.',
  })
  async scheduleHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ScheduleHearingInput) input: ScheduleHearingInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.schedule(caller(context), id, version, input);
  }

  @Authorized(CASEWORK)
  @Mutation(() => Complaint)
  async rescheduleHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RescheduleHearingInput) input: RescheduleHearingInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.reschedule(caller(context), id, version, input);
  }

  @Authorized(CASEWORK)
  @Mutation(() => Complaint, { description: 'That the hearing took place, in which form, the minutes and what was proposed.' })
  async recordHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RecordHearingInput) input: RecordHearingInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.record(caller(context), id, version, input);
  }

  @Authorized(CASEWORK)
  @Mutation(() => Complaint, { description: 'A settlement both parties agreed to; closes the complaint (meets FINAL_DECISION).' })
  async recordSettlement(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RecordSettlementInput) input: RecordSettlementInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.settle(caller(context), id, version, input);
  }

  @Authorized(CASEWORK)
  @Mutation(() => Complaint, { description: 'The complainant waives the hearing: the final decision is due within the policy’s term.' })
  async waiveHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => WaiveHearingInput, { nullable: true }) input: WaiveHearingInput | null,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.waive(caller(context), id, version, input ?? new WaiveHearingInput());
  }

  @Authorized(Role.DIRECTOR)
  @Mutation(() => Complaint, { description: "The director's reasoned final decision; closes the internal path (meets FINAL_DECISION)." })
  async decideObjection(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => DecideObjectionInput) input: DecideObjectionInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.decide(caller(context), id, version, input);
  }

  @Authorized(CASEWORK)
  @Query(() => HearingPage, { description: 'The hearing agenda (upcoming: scheduled from now on), earliest first by default.' })
  async hearingList(@Args(() => HearingListArgs) args: HearingListArgs, @Ctx() context: RequestContext): Promise<HearingPage> {
    return context.services.objections.listHearings(caller(context), args);
  }

  @FieldResolver(() => Objection, { nullable: true })
  async objection(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Objection | null> {
    return (await loaders.objectionsOfComplaint.load(complaint.id))[0] ?? null;
  }

  @FieldResolver(() => [Hearing], { description: 'Every hearing, rescheduled ones included, oldest first.' })
  async hearings(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Hearing[]> {
    return loaders.hearingsOfComplaint.load(complaint.id);
  }
}

@Resolver(() => Hearing)
export class HearingResolver {
  @FieldResolver(() => Staff)
  async chair(@Root() hearing: Hearing, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(hearing.chairId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  async organisationAgreedBy(@Root() hearing: Hearing, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return hearing.organisationAgreedById ? loaders.staff.load(hearing.organisationAgreedById) : null;
  }

  @FieldResolver(() => Complaint)
  async complaint(@Root() hearing: Hearing, @Ctx() { loaders }: RequestContext): Promise<Complaint | null> {
    return loaders.complaint.load(hearing.complaintId);
  }
}

@Resolver(() => Objection)
export class ObjectionFieldsResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async director(@Root() objection: Objection, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return objection.directorId ? loaders.staff.load(objection.directorId) : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The DIRECTOR who accepted a late objection.' })
  async lateAcceptedBy(@Root() objection: Objection, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return objection.lateAcceptedById ? loaders.staff.load(objection.lateAcceptedById) : null;
  }

  @FieldResolver(() => Staff, { nullable: true })
  async decidedBy(@Root() objection: Objection, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return objection.decidedById ? loaders.staff.load(objection.decidedById) : null;
  }
}
