import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DeadlineUnit } from '../calendar/working-calendar';
import { DeadlineKind, ForwardTarget, ReferralKind } from '../complaint/complaint.enums';
import { LENGTH } from '../shared/lengths';
import { ListArgs, SearchFilter } from '../shared/list-args';

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
export class PolicyFilter extends SearchFilter {}

export enum PolicySortField {
  key = 'key',
  name = 'name',
}
registerEnumType(PolicySortField, { name: 'PolicySortField' });

@ArgsType()
export class PolicyListArgs extends ListArgs(PolicyFilter, { values: PolicySortField, default: PolicySortField.key }) {}
