import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { Staff } from '../staff/staff.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { concernsCaller } from '../complaint/visibility';
import { ROLES_FOR } from '../shared/roles';
import { caller, type RequestContext } from '../shared/request-context';
import { StatementInput } from './concerned.input';
import { EmployeeStatement } from './employee-statement.entity';

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
  @FieldResolver(() => [EmployeeStatement], { description: 'The sides of the story of the employees it names (yours only, when it names you).' })
  async statements(@Root() complaint: Complaint, @Ctx() context: RequestContext): Promise<EmployeeStatement[]> {
    return context.services.concerned.statements(complaint, caller(context));
  }

  @FieldResolver(() => Boolean, { description: 'It names you: you read it as the employee concerned (no contact details, no deliberation).' })
  concernsMe(@Root() complaint: Complaint, @Ctx() context: RequestContext): boolean {
    return concernsCaller(complaint, context.caller);
  }
}

@Resolver(() => EmployeeStatement)
export class EmployeeStatementResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async staff(@Root() statement: EmployeeStatement, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(statement.staffId);
  }
}
