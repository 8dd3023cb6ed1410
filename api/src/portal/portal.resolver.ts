import { Matches, MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { LENGTH } from '../shared/lengths';
import { caller, type RequestContext } from '../shared/request-context';
import { ROLES_FOR } from '../shared/roles';
import { PublicComplaintStatus } from './portal.types';
import { STATUS_CODE_PATTERN } from './status-code';

@ArgsType()
export class StatusLookupArgs {
  @Field({ description: 'KL-YYYY-NNNNNN, as in the confirmation.' })
  @MaxLength(LENGTH.reference)
  reference: string;

  @Field({ description: 'The secret code, as in the confirmation (groups of four; case and dashes do not matter).' })
  @MaxLength(LENGTH.statusCode)
  @Matches(STATUS_CODE_PATTERN, { message: 'is 16 letters and digits, as in the confirmation' })
  code: string;
}

@ObjectType({ description: 'A new status code, shown this once: pass it to the complainant (it goes in the next letter).' })
export class IssuedStatusCode {
  @Field(() => Complaint)
  complaint: Complaint;

  @Field()
  code: string;
}

/** The complainant's status page (anonymous, with reference and code) and a new code from staff. */
@Resolver()
export class PortalResolver {
  @Query(() => PublicComplaintStatus, {
    description:
      'Where a complaint stands, for whoever has its reference and code (anonymous; throttled per address and, for wrong codes, per reference). A wrong code and an unknown reference get the same answer.',
  })
  async complaintStatus(@Args(() => StatusLookupArgs) { reference, code }: StatusLookupArgs, @Ctx() context: RequestContext): Promise<PublicComplaintStatus> {
    return context.services.portal.status(reference, code, context.ip);
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
