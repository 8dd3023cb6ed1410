import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { caller, type RequestContext } from '../shared/request-context';
import { ROLES_FOR } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { SatisfactionSurvey } from './satisfaction.entity';
import { DeclineReopenInput } from './satisfaction.input';

/** The survey's answer on the complaint, and declining a request to reopen (granting it is reopenComplaint). */
@Resolver(() => Complaint)
export class SatisfactionResolver {
  @Authorized(ROLES_FOR.COMPLAINTS)
  @FieldResolver(() => SatisfactionSurvey, { nullable: true, description: "The complainant's answer to the satisfaction survey (given online)." })
  async satisfactionSurvey(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<SatisfactionSurvey | null> {
    return complaint.surveyAnsweredAt ? ((await loaders.surveysOfComplaint.load(complaint.id))[0] ?? null) : null;
  }

  @Authorized(stepRoles(ComplaintAction.DECLINE_REOPEN_REQUEST))
  @Mutation(() => Complaint, { description: "Declines the complainant's request to reopen, with the reason they are told." })
  async declineReopenRequest(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => DeclineReopenInput) input: DeclineReopenInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.satisfaction.declineReopen(caller(context), id, version, input);
  }
}

@Resolver(() => SatisfactionSurvey)
export class SatisfactionSurveyResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'Who granted or declined the request to reopen.' })
  async reopenDecidedBy(@Root() survey: SatisfactionSurvey, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return survey.reopenDecidedById ? loaders.staff.load(survey.reopenDecidedById) : null;
  }
}
