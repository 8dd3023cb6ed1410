import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { caller, type RequestContext } from '../shared/request-context';
import { PageOf } from '../shared/pagination';
import { ROLES_FOR } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { ExternalParty } from './external-party.entity';
import { Referral } from './referral.entity';
import { ReferInput, ReferralListArgs, ReferralOutcomeInput } from './referral.input';

@ObjectType()
export class ReferralPage extends PageOf(Referral) {}

@Resolver(() => Complaint)
export class ReferralResolver {
  @Authorized(stepRoles(ComplaintAction.REFER))
  @Mutation(() => Complaint, { description: 'Refers the complaint to an external party: when, why, what was sent.' })
  async referComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ReferInput) input: ReferInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.referrals.refer(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RECORD_REFERRAL_OUTCOME))
  @Mutation(() => Complaint, { description: "The party's outcome and its date; closes the complaint (with that outcome when binding)." })
  async recordReferralOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ReferralOutcomeInput) input: ReferralOutcomeInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.referrals.recordOutcome(caller(context), id, version, input);
  }

  @Authorized(ROLES_FOR.CASEWORK)
  @Query(() => ReferralPage, { description: 'Referrals (open: awaiting the outcome).' })
  async referralList(@Args(() => ReferralListArgs) args: ReferralListArgs, @Ctx() context: RequestContext): Promise<ReferralPage> {
    return context.services.referrals.list(caller(context), args);
  }

  @FieldResolver(() => [Referral])
  async referrals(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Referral[]> {
    return loaders.referralsOfComplaint.load(complaint.id);
  }
}

@Resolver(() => Referral)
export class ReferralFieldsResolver {
  @FieldResolver(() => ExternalParty)
  async party(@Root() referral: Referral, @Ctx() { loaders }: RequestContext): Promise<ExternalParty | null> {
    return loaders.externalParty.load(referral.partyId);
  }

  @FieldResolver(() => Staff)
  async referredBy(@Root() referral: Referral, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(referral.referredById);
  }

  @FieldResolver(() => Complaint)
  async complaint(@Root() referral: Referral, @Ctx() { loaders }: RequestContext): Promise<Complaint | null> {
    return loaders.complaint.load(referral.complaintId);
  }
}
