import { Arg, Authorized, Ctx, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { PageOf } from '../shared/pagination';
import { ReferenceDataResolver } from '../shared/reference-data.resolver';
import { caller, type RequestContext } from '../shared/request-context';
import { Role } from '../shared/roles';
import { Policy } from './policy.entity';
import { CreatePolicyInput, PolicyListArgs, UpdatePolicyInput } from './policy.input';

@ObjectType()
export class PolicyPage extends PageOf(Policy) {}

@Resolver(() => Policy)
export class PolicyResolver extends ReferenceDataResolver({
  entity: Policy,
  page: PolicyPage,
  listArgs: PolicyListArgs,
  createInput: CreatePolicyInput,
  updateInput: UpdatePolicyInput,
  names: { one: 'policy', list: 'policyList', create: 'createPolicy', update: 'updatePolicy' },
  descriptions: { update: 'Applies to complaints received from now on; running ones keep their deadlines.' },
  service: (services) => services.policies,
  read: [],
}) {
  @Authorized(Role.ADMIN)
  @Mutation(() => Policy, { description: "Make this the organisation's default policy." })
  async setDefaultPolicy(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Policy> {
    return context.services.policies.setDefault(caller(context), id);
  }
}
