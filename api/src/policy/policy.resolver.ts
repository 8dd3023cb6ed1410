import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { DeadlineUnit } from '../calendar/working-calendar';
import { DeadlineKind, DeadlineStart, ForwardTarget, ReferralKind } from '../complaint/complaint.enums';
import type { RequestContext } from '../context';
import { UserInputError } from '../shared/errors';
import { PageArgs, PageOf, type Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { Role } from '../shared/roles';
import { escapeLike } from '../shared/list-query';
import { Policy, type DeadlineRule } from './policy.entity';
import { LENGTH } from '../shared/lengths';

/** The event each kind of deadline is counted from (DOMAIN.md: from receipt unless the table names another). */
export const RULE_START: Record<DeadlineKind, DeadlineStart> = {
  FORWARD: DeadlineStart.RECEIPT,
  ACKNOWLEDGE: DeadlineStart.RECEIPT,
  PROGRESS_UPDATE: DeadlineStart.RECEIPT,
  RESPOND: DeadlineStart.RECEIPT,
  RECORD: DeadlineStart.RECEIPT,
  OBJECTION_WINDOW: DeadlineStart.RESPONSE,
  HEARING: DeadlineStart.OBJECTION,
  FINAL_DECISION: DeadlineStart.OBJECTION,
};

@InputType()
export class DeadlineRuleInput {
  @Field(() => DeadlineKind)
  @IsEnum(DeadlineKind)
  kind: DeadlineKind;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(366)
  amount: number;

  @Field(() => DeadlineUnit)
  @IsEnum(DeadlineUnit)
  unit: DeadlineUnit;
}

@InputType()
export class CreatePolicyInput {
  @Field()
  @Matches(/^[a-z0-9-]+$/, { message: `use 1 to ${LENGTH.key} lower-case letters, digits or -` })
  @Length(1, LENGTH.key, { message: `use 1 to ${LENGTH.key} lower-case letters, digits or -` })
  key: string;

  @Field()
  @Length(1, LENGTH.name)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  description?: string | null;

  @Field(() => ForwardTarget, { nullable: true })
  @IsOptional()
  @IsEnum(ForwardTarget)
  forwardTo?: ForwardTarget | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  receiverMayResolve: boolean = false;

  @Field(() => ReferralKind, { nullable: true })
  @IsOptional()
  @IsEnum(ReferralKind)
  referral?: ReferralKind | null;

  @Field(() => [DeadlineRuleInput])
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  rules: DeadlineRuleInput[];
}

@InputType({ description: 'Changes apply to complaints received from now on; running ones keep their deadlines.' })
export class UpdatePolicyInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, LENGTH.name)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  description?: string | null;

  @Field(() => ForwardTarget, { nullable: true })
  @IsOptional()
  @IsEnum(ForwardTarget)
  forwardTo?: ForwardTarget | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  receiverMayResolve?: boolean;

  @Field(() => ReferralKind, { nullable: true })
  @IsOptional()
  @IsEnum(ReferralKind)
  referral?: ReferralKind | null;

  @Field(() => [DeadlineRuleInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  rules?: DeadlineRuleInput[];
}

@InputType()
export class PolicyFilter {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.search)
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

export enum PolicySortField {
  key = 'key',
  name = 'name',
}
registerEnumType(PolicySortField, { name: 'PolicySortField' });

@ArgsType()
export class PolicyListArgs extends PageArgs {
  @Field(() => PolicyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PolicyFilter;

  @Field(() => PolicySortField, { defaultValue: PolicySortField.key })
  sortField: PolicySortField = PolicySortField.key;
}

@ObjectType()
export class PolicyPage extends PageOf(Policy) {}

function toRules(rules: DeadlineRuleInput[]): DeadlineRule[] {
  const kinds = rules.map((rule) => rule.kind);
  const twice = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (twice) throw new UserInputError(`The rules name ${twice} twice.`, { rules: `${twice} appears twice` }, 'DUPLICATE_RULE');
  const badSameDay = rules.find((rule) => rule.unit === DeadlineUnit.SAME_DAY && rule.amount !== 0);
  if (badSameDay) throw new UserInputError('SAME_DAY takes amount 0.', { rules: `${badSameDay.kind}: SAME_DAY takes amount 0` });
  return rules.map((rule) => ({ kind: rule.kind, amount: rule.amount, unit: rule.unit, startsAt: RULE_START[rule.kind] }));
}

export class PolicyService extends ReferenceData<Policy> {
  constructor(dataSource: DataSource) {
    super(dataSource, Policy, 'policy');
  }

  list(args: PolicyListArgs): Promise<Page<Policy>> {
    const { filter } = args;
    return this.page(args, 'policy', args.sortField, (query) => {
      if (filter?.q) query.andWhere('(policy.name ILIKE :q OR policy.key ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
      if (filter?.ids) query.andWhere('policy.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    });
  }

  createPolicy(input: CreatePolicyInput): Promise<Policy> {
    return this.create({ ...input, rules: toRules(input.rules), isDefault: false });
  }

  updatePolicy(id: string, version: number, input: UpdatePolicyInput): Promise<Policy> {
    return this.update(id, version, { ...input, rules: input.rules ? toRules(input.rules) : undefined });
  }

  /** The organisation's default: used for units without a policy of their own. */
  async setDefault(id: string): Promise<Policy> {
    await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      // Two at once: the second waits here and then sees the first's default (one default, no unique violation).
      await manager.query('SELECT id FROM policy ORDER BY id FOR UPDATE');
      await manager.query('UPDATE policy SET is_default = false, version = version + 1, updated_at = now() WHERE is_default AND id <> $1', [id]);
      await manager.query('UPDATE policy SET is_default = true, version = version + 1, updated_at = now() WHERE id = $1 AND NOT is_default', [id]);
    });
    return this.get(id);
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Authorized()
  @Query(() => Policy, { nullable: true })
  async policy(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<Policy> {
    return services.policies.get(id);
  }

  @Authorized()
  @Query(() => PolicyPage)
  async policyList(@Args(() => PolicyListArgs) args: PolicyListArgs, @Ctx() { services }: RequestContext): Promise<PolicyPage> {
    return services.policies.list(args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Policy)
  async createPolicy(@Arg('input', () => CreatePolicyInput) input: CreatePolicyInput, @Ctx() { services }: RequestContext): Promise<Policy> {
    return services.policies.createPolicy(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Policy, { description: 'Applies to complaints received from now on; running ones keep their deadlines.' })
  async updatePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdatePolicyInput) input: UpdatePolicyInput,
    @Ctx() { services }: RequestContext,
  ): Promise<Policy> {
    return services.policies.updatePolicy(id, version, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Policy, { description: "Make this the organisation's default policy." })
  async setDefaultPolicy(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<Policy> {
    return services.policies.setDefault(id);
  }
}
