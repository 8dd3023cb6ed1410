import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { Staff } from '../staff/staff.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { concernsCaller } from '../complaint/visibility';
import { PageOf } from '../shared/pagination';
import { ROLES_FOR } from '../shared/roles';
import { caller, type RequestContext } from '../shared/request-context';
import { NotificationListArgs, StatementInput } from './concerned.input';
import { EmployeeStatement } from './employee-statement.entity';
import { Notification } from './notification.entity';

@ObjectType()
export class NotificationPage extends PageOf(Notification) {}

/** The employee concerned: their side of the story, and what they are told. */
@Resolver(() => Complaint)
export class ConcernedResolver {
  @Authorized(stepRoles(ComplaintAction.RECORD_STATEMENT))
  @Mutation(() => Complaint, { description: 'Your side of the story about a complaint that names you (hoor en wederhoor); part of the dossier.' })
  async recordStatement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => StatementInput) input: StatementInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.concerned.recordStatement(caller(context), id, input);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => NotificationPage, { description: 'What you were told about complaints, newest first.' })
  async myNotifications(@Args(() => NotificationListArgs) args: NotificationListArgs, @Ctx() context: RequestContext): Promise<NotificationPage> {
    return context.services.concerned.list(caller(context), args);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Mutation(() => Int, { description: 'Marks your notifications read; answers how many were unread.' })
  async markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: RequestContext): Promise<number> {
    return context.services.concerned.markRead(caller(context), ids);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @FieldResolver(() => [EmployeeStatement], { description: 'The sides of the story of the employees it names (yours only, when it names you).' })
  async statements(@Root() complaint: Complaint, @Ctx() context: RequestContext): Promise<EmployeeStatement[]> {
    return context.services.concerned.statements(complaint, caller(context));
  }

  @FieldResolver(() => Boolean, { description: 'It names you: you read it as the employee concerned (no contact details, no deliberation).' })
  concernsMe(@Root() complaint: Complaint, @Ctx() context: RequestContext): boolean {
    return concernsCaller(complaint, context.caller);
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @FieldResolver(() => Complaint)
  async complaint(@Root() notification: Notification, @Ctx() { loaders }: RequestContext): Promise<Complaint | null> {
    return loaders.complaint.load(notification.complaintId);
  }
}

@Resolver(() => EmployeeStatement)
export class EmployeeStatementResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async staff(@Root() statement: EmployeeStatement, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(statement.staffId);
  }
}
