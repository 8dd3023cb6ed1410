import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';

import { caller, type RequestContext } from '../shared/request-context';

import { ROLES_FOR } from '../shared/roles';

import { ApiTokenScope } from '../token/api-token.entity';

import { Complaint } from './complaint.entity';

import { RegisterComplaintInput, SubmitComplaintInput } from './intake.input';

/** Staff who work on complaints (every role but ADMIN and ANALYST). */

@ObjectType({ description: 'What the website gets back: the reference to quote and the secret code of the status page.' })
export class SubmitComplaintPayload {
  @Field({ description: 'e.g. KL-2026-000042' })
  reference: string;

  @Field({ description: 'With the reference it opens the status page (complaintStatus): show it once, on the confirmation. A retry answers the same.' })
  statusCode: string;
}

/** Step 1: the website's form and the staff intake. */
@Resolver(() => Complaint)
export class IntakeResolver {
  @Mutation(() => SubmitComplaintPayload, { description: 'The website form (anonymous). A retry with the same idempotencyKey returns the same reference.' })
  async submitComplaint(
    @Arg('input', () => SubmitComplaintInput) input: SubmitComplaintInput,
    @Ctx() { services, ip, caller: who }: RequestContext,
  ): Promise<SubmitComplaintPayload> {
    const website = who?.tokenScope === ApiTokenScope.WEBSITE;
    const scope = website ? `token:${who.id}` : who && !who.tokenScope ? `staff:${who.id}` : `address:${ip}`;
    const reference = await services.intake.submit(input, { scope, address: ip, websiteTokenId: website ? who.id : null });
    return { reference, statusCode: (await services.portal.currentCode(reference))! };
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Mutation(() => Complaint, { description: 'Staff intake (phone, e-mail, letter, in person); opens the deadlines of the policy.' })
  async registerComplaint(@Arg('input', () => RegisterComplaintInput) input: RegisterComplaintInput, @Ctx() context: RequestContext): Promise<Complaint> {
    return context.services.intake.register(caller(context), input);
  }
}
