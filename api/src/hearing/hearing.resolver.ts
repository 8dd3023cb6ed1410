import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { PageOf } from '../shared/pagination';
import { caller, type RequestContext } from '../shared/request-context';
import { ROLES_FOR } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Hearing } from './hearing.entity';
import { HearingListArgs, RecordHearingInput, RecordSettlementInput, RescheduleHearingInput, ScheduleHearingInput, WaiveHearingInput } from './hearing.input';

@ObjectType()
export class HearingPage extends PageOf(Hearing) {}

/** Step 8 on a complaint: its hearing steps (the procedure table decides who and when) and its hearings. */
@Resolver(() => Complaint)
export class HearingStepsResolver {
  @Authorized(stepRoles(ComplaintAction.SCHEDULE_HEARING))
  @Mutation(() => Complaint, {
    description: 'Offers the hearing (meets HEARING). The chair may not be the subject; the subject attends only with both consents.',
  })
  async scheduleHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ScheduleHearingInput) input: ScheduleHearingInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.hearings.schedule(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RESCHEDULE_HEARING))
  @Mutation(() => Complaint)
  async rescheduleHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RescheduleHearingInput) input: RescheduleHearingInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.hearings.reschedule(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RECORD_HEARING))
  @Mutation(() => Complaint, { description: 'That the hearing took place, in which form, the minutes and what was proposed.' })
  async recordHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RecordHearingInput) input: RecordHearingInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.hearings.record(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RECORD_SETTLEMENT))
  @Mutation(() => Complaint, { description: 'A settlement both parties agreed to; closes the complaint (meets FINAL_DECISION).' })
  async recordSettlement(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => RecordSettlementInput) input: RecordSettlementInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.hearings.settle(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.WAIVE_HEARING))
  @Mutation(() => Complaint, { description: 'The complainant waives the hearing: the final decision is due within the policy’s term.' })
  async waiveHearing(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => WaiveHearingInput, { nullable: true }) input: WaiveHearingInput | null,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.hearings.waive(caller(context), id, version, input ?? new WaiveHearingInput());
  }

  @Authorized(ROLES_FOR.CASEWORK)
  @Query(() => HearingPage, { description: 'The hearing agenda (upcoming: scheduled from now on), earliest first by default.' })
  async hearingList(@Args(() => HearingListArgs) args: HearingListArgs, @Ctx() context: RequestContext): Promise<HearingPage> {
    return context.services.hearings.list(caller(context), args);
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
