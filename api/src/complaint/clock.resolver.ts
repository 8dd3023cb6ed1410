import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ROLES_FOR } from '../shared/roles';
import { caller, type RequestContext } from '../shared/request-context';
import { DirectResolutionInput, ExtensionInput, InformationRequestInput, ResumeInput, UnansweredClosureInput } from './clock.input';
import { Staff } from '../staff/staff.entity';
import { Complaint } from './complaint.entity';
import { ComplaintAction } from './complaint.procedure';
import { ComplaintPause } from './pause.entity';
import { stepRoles } from './procedure-rules';

/**
 * The steps that stop, restart and extend the clock (DOMAIN.md, Pausing and extending), and the receiver's
 * direct resolution (seed 004). Who and when is the procedure table's, as for every step.
 */
@Resolver(() => Complaint)
export class ClockStepsResolver {
  @Authorized(stepRoles(ComplaintAction.REQUEST_INFORMATION))
  @Mutation(() => Complaint, {
    description: "Ask the complainant for information: the organisation's open deadlines stand still until the answer or answerBy.",
  })
  async requestInformation(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => InformationRequestInput) input: InformationRequestInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.clockSteps.requestInformation(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RESUME))
  @Mutation(() => Complaint, { description: 'The clock runs again: every deadline that stood still moves by the paused time, in its own unit.' })
  async resumeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ResumeInput) input: ResumeInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.clockSteps.resume(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.CLOSE_UNANSWERED))
  @Mutation(() => Complaint, { description: 'After a request for information lapsed unanswered, where the policy allows it.' })
  async closeUnanswered(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UnansweredClosureInput) input: UnansweredClosureInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.clockSteps.closeUnanswered(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.EXTEND))
  @Mutation(() => Complaint, { description: 'Postpone the answer once (Awb 9:11): RESPOND moves; the notice to the complainant is due by the original date.' })
  async extendComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ExtensionInput) input: ExtensionInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.clockSteps.extend(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RESOLVE_DIRECTLY))
  @Mutation(() => Complaint, { description: 'The receiver solves it at once with the customer (seed 004): meets FORWARD and closes it.' })
  async resolveComplaintDirectly(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => DirectResolutionInput) input: DirectResolutionInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.resolveDirectly(caller(context), id, version, input);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @FieldResolver(() => [ComplaintPause], { description: 'Its requests for information, oldest first.' })
  async pauses(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<ComplaintPause[]> {
    return loaders.pausesOfComplaint.load(complaint.id);
  }
}

@Resolver(() => ComplaintPause)
export class ComplaintPauseResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async requestedBy(@Root() pause: ComplaintPause, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(pause.requestedById);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Null when the wait lapsed.' })
  async resumedBy(@Root() pause: ComplaintPause, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return pause.resumedById ? loaders.staff.load(pause.resumedById) : null;
  }
}
