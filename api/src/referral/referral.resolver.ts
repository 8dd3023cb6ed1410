import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { caller, type RequestContext } from '../context';
import { PageOf } from '../shared/pagination';
import { Role, STAFF_DIRECTORY } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { ExternalParty } from './external-party.entity';
import { Referral } from './referral.entity';
import {
  CreateExternalPartyInput,
  ExternalPartyListArgs,
  ReferInput,
  ReferralListArgs,
  ReferralOutcomeInput,
  UpdateExternalPartyInput,
} from './referral.input';

@ObjectType()
export class ExternalPartyPage extends PageOf(ExternalParty) {}

@ObjectType()
export class ReferralPage extends PageOf(Referral) {}

@Resolver(() => ExternalParty)
export class ExternalPartyResolver {
  @Authorized(STAFF_DIRECTORY)
  @Query(() => ExternalParty, { nullable: true })
  async externalParty(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<ExternalParty> {
    return services.externalParties.get(id);
  }

  @Authorized(STAFF_DIRECTORY)
  @Query(() => ExternalPartyPage, { description: 'Mediators, the Nationale ombudsman, other bodies and parties.' })
  async externalPartyList(@Args(() => ExternalPartyListArgs) args: ExternalPartyListArgs, @Ctx() { services }: RequestContext): Promise<ExternalPartyPage> {
    return services.externalParties.list(args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ExternalParty)
  async createExternalParty(
    @Arg('input', () => CreateExternalPartyInput) input: CreateExternalPartyInput,
    @Ctx() { services }: RequestContext,
  ): Promise<ExternalParty> {
    return services.externalParties.create(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ExternalParty)
  async updateExternalParty(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateExternalPartyInput) input: UpdateExternalPartyInput,
    @Ctx() { services }: RequestContext,
  ): Promise<ExternalParty> {
    return services.externalParties.update(id, version, input);
  }
}

@Resolver(() => Complaint)
export class ReferralResolver {
  @Authorized(Role.DIRECTOR)
  @Mutation(() => Complaint, { description: 'Refers the complaint to an external party: when, why, what was sent.' })
  async referComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ReferInput) input: ReferInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.referrals.refer(caller(context), id, version, input);
  }

  @Authorized(Role.QUALITY_MANAGER)
  @Mutation(() => Complaint, { description: "The party's outcome and its date; closes the complaint (with that outcome when binding)." })
  async recordReferralOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ReferralOutcomeInput) input: ReferralOutcomeInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.referrals.recordOutcome(caller(context), id, version, input);
  }

  @Authorized([Role.HANDLER, Role.QUALITY_MANAGER, Role.DIRECTOR])
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
