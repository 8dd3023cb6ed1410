import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { workingDaysLate } from '../complaint/lateness';
import { Staff } from '../staff/staff.entity';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { caller, type RequestContext } from '../shared/request-context';
import { ROLES_FOR } from '../shared/roles';
import { BulkAssignArgs, BulkAssignResult, MyWork, MyWorkArgs, WorkItem } from './work.types';

/** "Mijn werk", the unassigned queue, picking up and assigning many at once. */
@Resolver()
export class WorkResolver {
  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => MyWork, {
    description:
      "The reader's work: the steps they owe, earliest first; for a director or quality manager also their units' or the organisation's, and the queue.",
  })
  async myWork(@Args(() => MyWorkArgs) { first }: MyWorkArgs, @Ctx() context: RequestContext): Promise<MyWork> {
    return context.services.work.myWork(caller(context), first);
  }

  @Authorized(stepRoles(ComplaintAction.PICK_UP))
  @Mutation(() => Complaint, {
    description: "Takes a complaint from the unit's unassigned queue as its handler (where the policy allows it; never one about oneself).",
  })
  async pickUpComplaint(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() context: RequestContext): Promise<Complaint> {
    return context.services.complaints.pickUp(caller(context), id, version);
  }

  @Authorized(stepRoles(ComplaintAction.ASSIGN_HANDLER))
  @Mutation(() => BulkAssignResult, { description: 'Assigns many complaints to one handler: each as assignHandler would, the refused ones with their code.' })
  async assignHandlers(@Args(() => BulkAssignArgs) { ids, handlerId }: BulkAssignArgs, @Ctx() context: RequestContext): Promise<BulkAssignResult> {
    return context.services.work.assignMany(caller(context), ids, handlerId);
  }
}

@Resolver(() => WorkItem)
export class WorkItemResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'How many working days it is late: 0 when it passed today; null when it is not late.' })
  async workingDaysLate(@Root() item: WorkItem, @Ctx() { loaders, clock }: RequestContext): Promise<number | null> {
    return workingDaysLate(item.dueAt, clock.now(), loaders);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who owes it.' })
  async owner(@Root() item: WorkItem, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return item.ownerId ? loaders.staff.load(item.ownerId) : null;
  }
}
