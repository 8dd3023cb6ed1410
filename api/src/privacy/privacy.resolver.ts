import { DateTime } from 'luxon';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ReasonArgs } from '../complaint/complaint.input';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { ZONE } from '../shared/clock';
import { ROLES_FOR } from '../shared/roles';
import { caller, type RequestContext } from '../shared/request-context';
import { Staff } from '../staff/staff.entity';
import { PrivacyRequestKind } from './privacy.enums';
import { LedgerListArgs, PrivacyRequestInput, PrivacyRequestListArgs } from './privacy.input';
import { PrivacyRequest } from './privacy-request.entity';
import { FINISHED_STATUSES } from './retention.service';
import { DossierPreview, ErasureResult, LedgerPage, PrivacyRequestPage } from './privacy.types';

/** Legal holds (steps of the procedure table), access and erasure requests, the ledger (QUALITY_MANAGER, DIRECTOR). */
@Resolver(() => PrivacyRequest)
export class PrivacyResolver {
  @Authorized(stepRoles(ComplaintAction.SET_LEGAL_HOLD))
  @Mutation(() => Complaint, { description: 'A legal hold: the dossier is not anonymised (retention, erasure) until it is lifted.' })
  async setLegalHold(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Args(() => ReasonArgs) { reason }: ReasonArgs,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.privacy.setLegalHold(caller(context), id, version, reason);
  }

  @Authorized(stepRoles(ComplaintAction.LIFT_LEGAL_HOLD))
  @Mutation(() => Complaint, { description: 'Ends the hold: the next retention run anonymises the dossier when its period has passed.' })
  async liftLegalHold(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Args(() => ReasonArgs) { reason }: ReasonArgs,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.privacy.liftLegalHold(caller(context), id, version, reason);
  }

  @Authorized(ROLES_FOR.PRIVACY)
  @Query(() => PrivacyRequestPage, { description: 'Access and erasure requests, the latest first.' })
  async privacyRequestList(@Args(() => PrivacyRequestListArgs) args: PrivacyRequestListArgs, @Ctx() context: RequestContext): Promise<PrivacyRequestPage> {
    return context.services.privacy.list(args);
  }

  @Authorized(ROLES_FOR.PRIVACY)
  @Query(() => PrivacyRequest)
  async privacyRequest(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<PrivacyRequest> {
    return context.services.privacy.get(id);
  }

  @Authorized(ROLES_FOR.PRIVACY)
  @Mutation(() => PrivacyRequest, { description: "Records a complainant's access or erasure request (nothing is removed yet: see its dossiers)." })
  async recordPrivacyRequest(@Arg('input', () => PrivacyRequestInput) input: PrivacyRequestInput, @Ctx() context: RequestContext): Promise<PrivacyRequest> {
    return context.services.privacy.record(caller(context), input);
  }

  @Authorized(ROLES_FOR.PRIVACY)
  @Mutation(() => PrivacyRequest, {
    description: "Corrects the complaints a request covers (the identity's proposal): always with the one it was made through.",
  })
  async setPrivacyRequestDossiers(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('complaintIds', () => [ID]) complaintIds: string[],
    @Ctx() context: RequestContext,
  ): Promise<PrivacyRequest> {
    return context.services.privacy.setDossiers(caller(context), id, version, complaintIds);
  }

  @Authorized(ROLES_FOR.PRIVACY)
  @Mutation(() => ErasureResult, { description: 'Anonymises every dossier of the complainant that nothing keeps; the others stay, with the reason.' })
  async carryOutErasure(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() context: RequestContext): Promise<ErasureResult> {
    return context.services.privacy.carryOutErasure(caller(context), id, version);
  }

  @Authorized(ROLES_FOR.PRIVACY)
  @Query(() => LedgerPage, { description: 'The retention ledger: what was removed from which dossier, when and under which rule.' })
  async retentionLedger(@Args(() => LedgerListArgs) args: LedgerListArgs, @Ctx() context: RequestContext): Promise<LedgerPage> {
    return context.services.privacy.ledger(args);
  }

  // ------------------------------------------------------------- fields

  @FieldResolver(() => [DossierPreview], {
    description: "The complainant's dossiers, found by identity (e-mail, phone, or name at the same address): what removal takes, what keeps it.",
  })
  async dossiers(@Root() request: PrivacyRequest, @Ctx() context: RequestContext): Promise<DossierPreview[]> {
    return context.services.privacy.preview(request);
  }

  @FieldResolver(() => Date, { description: 'When the answer is due: a month after receipt (AVG art. 12(3)), on the Amsterdam calendar.' })
  dueAt(@Root() request: PrivacyRequest): Date {
    return DateTime.fromJSDate(request.receivedAt).setZone(ZONE).plus({ months: 1 }).toJSDate();
  }

  @FieldResolver(() => String, { nullable: true, description: 'ACCESS: where to download the ZIP (with the bearer token).' })
  exportPath(@Root() request: PrivacyRequest): string | null {
    return request.kind === PrivacyRequestKind.ACCESS ? `/privacy-requests/${request.id}/export.zip` : null;
  }

  @FieldResolver(() => Staff, { nullable: true })
  async recordedBy(@Root() request: PrivacyRequest, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(request.recordedById);
  }

  @FieldResolver(() => Staff, { nullable: true })
  async carriedOutBy(@Root() request: PrivacyRequest, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return request.carriedOutById ? loaders.staff.load(request.carriedOutById) : null;
  }
}

/** What the retention rules say of one complaint. */
@Resolver(() => Complaint)
export class ComplaintRetentionResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description:
      "Until when the dossier is kept: closure plus the policy's retention period (null: still open, or anonymised). A hold, an open objection or referral keeps it longer.",
  })
  async retainUntil(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Date | null> {
    const closure =
      [complaint.closedAt, complaint.withdrawnAt].filter((date): date is Date => !!date).sort((a, b) => b.getTime() - a.getTime())[0] ?? complaint.archivedAt;
    if (!closure || complaint.anonymisedAt || !FINISHED_STATUSES.includes(complaint.status as (typeof FINISHED_STATUSES)[number])) return null;
    const policy = await loaders.policy.load(complaint.policyId);
    return policy ? DateTime.fromJSDate(closure).setZone(ZONE).plus({ months: policy.retentionMonths }).toJSDate() : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The DIRECTOR who set the legal hold.' })
  async legalHoldBy(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return complaint.legalHoldById ? loaders.staff.load(complaint.legalHoldById) : null;
  }
}
