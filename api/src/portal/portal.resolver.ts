import { Arg, Args, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { SurveyAnswerInput } from '../satisfaction/satisfaction.input';
import { caller, type RequestContext } from '../shared/request-context';
import { ROLES_FOR } from '../shared/roles';
import { HearingAnswerInput, InformationAnswerInput, OnlineObjectionInput, StatusLookupArgs } from './portal.input';
import { PublicComplaintStatus } from './portal.types';

@ObjectType({ description: 'A new status code, shown this once: pass it to the complainant (it goes in the next letter).' })
export class IssuedStatusCode {
  @Field(() => Complaint)
  complaint: Complaint;

  @Field()
  code: string;
}

const ANONYMOUS =
  'Anonymous, with the reference and the code (throttled per address and, for wrong codes, per reference; a wrong code and an unknown reference get the same answer). Answers the status as it is after.';

/** The complainant's status page and what they do on it (anonymous, with reference and code); a new code from staff. */
@Resolver()
export class PortalResolver {
  @Query(() => PublicComplaintStatus, {
    description:
      'Where a complaint stands, for whoever has its reference and code (anonymous; throttled per address and, for wrong codes, per reference). A wrong code and an unknown reference get the same answer.',
  })
  async complaintStatus(@Args(() => StatusLookupArgs) { reference, code }: StatusLookupArgs, @Ctx() context: RequestContext): Promise<PublicComplaintStatus> {
    return context.services.portal.status(reference, code, context.ip);
  }

  @Mutation(() => PublicComplaintStatus, { description: `The information the organisation asked for (text and files): the clock runs again. ${ANONYMOUS}` })
  async answerInformationRequest(
    @Args(() => StatusLookupArgs) { reference, code }: StatusLookupArgs,
    @Arg('input', () => InformationAnswerInput) input: InformationAnswerInput,
    @Ctx() context: RequestContext,
  ): Promise<PublicComplaintStatus> {
    return context.services.portal.answerInformation(reference, code, context.ip, input);
  }

  @Mutation(() => PublicComplaintStatus, {
    description: `An objection to the answer (it counts as written), within the objection window; after it, OBJECTION_LATE. ${ANONYMOUS}`,
  })
  async fileObjectionOnline(
    @Args(() => StatusLookupArgs) { reference, code }: StatusLookupArgs,
    @Arg('input', () => OnlineObjectionInput) input: OnlineObjectionInput,
    @Ctx() context: RequestContext,
  ): Promise<PublicComplaintStatus> {
    return context.services.portal.object(reference, code, context.ip, input);
  }

  @Mutation(() => PublicComplaintStatus, { description: `Coming to the hearing one was invited to, or wanting none. ${ANONYMOUS}` })
  async answerHearing(
    @Args(() => StatusLookupArgs) { reference, code }: StatusLookupArgs,
    @Arg('input', () => HearingAnswerInput) input: HearingAnswerInput,
    @Ctx() context: RequestContext,
  ): Promise<PublicComplaintStatus> {
    return context.services.portal.answerHearing(reference, code, context.ip, input);
  }

  @Mutation(() => PublicComplaintStatus, {
    description: `The satisfaction survey, once, after the answer or the closure: the handling and the outcome apart; reopen asks the quality manager to reopen it. ${ANONYMOUS}`,
  })
  async answerSatisfactionSurvey(
    @Args(() => StatusLookupArgs) { reference, code }: StatusLookupArgs,
    @Arg('input', () => SurveyAnswerInput) input: SurveyAnswerInput,
    @Ctx() context: RequestContext,
  ): Promise<PublicComplaintStatus> {
    return context.services.portal.answerSurvey(reference, code, context.ip, input);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Mutation(() => IssuedStatusCode, { description: 'A new status code for the complainant; the old one no longer opens the status page.' })
  async issueStatusCode(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() context: RequestContext,
  ): Promise<IssuedStatusCode> {
    return context.services.portal.issue(caller(context), id, version);
  }
}
