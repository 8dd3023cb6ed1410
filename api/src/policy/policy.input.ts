import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DeadlineUnit } from '../calendar/working-calendar';
import { DeadlineKind, ForwardTarget, ReferralKind } from '../complaint/complaint.enums';
import { LENGTH } from '../shared/lengths';
import { ListArgs, SearchFilter } from '../shared/list-args';
import { DEFAULT_RETENTION_MONTHS, RETENTION_MONTHS } from './policy.entity';

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

@InputType({ description: 'A length of time: an amount and how it is counted.' })
export class TermInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
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

  @Field(() => TermInput, { nullable: true, description: "The longest wait for the complainant's information; null: no pausing." })
  @IsOptional()
  @ValidateNested()
  maxPause?: TermInput | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  closeWhenUnanswered: boolean = false;

  @Field(() => Int, { nullable: true, defaultValue: 4, description: 'The longest extension in weeks (Awb 9:11: 4); null: no extension.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  extensionWeeks?: number | null = 4;

  @Field({ defaultValue: false })
  @IsBoolean()
  writtenToManagement: boolean = false;

  @Field(() => TermInput, { nullable: true, description: 'How long before a deadline the one who owes it is reminded (WORKING_DAYS or HOURS); null: none.' })
  @IsOptional()
  @ValidateNested()
  reminder?: TermInput | null;

  @Field({ defaultValue: true, description: 'A complaint from the website with an e-mail address gets the confirmation at once.' })
  @IsBoolean()
  autoAcknowledge: boolean = true;

  @Field({ defaultValue: false, description: 'That confirmation meets ACKNOWLEDGE; false: a person still makes contact.' })
  @IsBoolean()
  autoAcknowledgementCounts: boolean = false;

  @Field({ defaultValue: false, description: "A HANDLER of a complaint's unit may pick it up from the unassigned queue." })
  @IsBoolean()
  selfAssignment: boolean = false;

  @Field({ defaultValue: false, description: "The complainant's status page names the handler; false: no one of the staff." })
  @IsBoolean()
  statusPageNamesHandler: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Working days after a breach before a second escalation; null: once only.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  secondEscalationWorkingDays?: number | null;

  @Field(() => Int, { defaultValue: DEFAULT_RETENTION_MONTHS, description: 'Months a closed dossier is kept before it is anonymised.' })
  @IsInt()
  @Min(RETENTION_MONTHS.min)
  @Max(RETENTION_MONTHS.max)
  retentionMonths: number = DEFAULT_RETENTION_MONTHS;
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

  @Field(() => TermInput, { nullable: true, description: 'null: no pausing.' })
  @IsOptional()
  @ValidateNested()
  maxPause?: TermInput | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  closeWhenUnanswered?: boolean;

  @Field(() => Int, { nullable: true, description: 'null: no extension.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  extensionWeeks?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  writtenToManagement?: boolean;

  @Field(() => TermInput, { nullable: true, description: 'WORKING_DAYS or HOURS; null: no reminders.' })
  @IsOptional()
  @ValidateNested()
  reminder?: TermInput | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  autoAcknowledge?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  autoAcknowledgementCounts?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  statusPageNamesHandler?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  selfAssignment?: boolean;

  @Field(() => Int, { nullable: true, description: 'null: escalated once only.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  secondEscalationWorkingDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Months a closed dossier is kept before it is anonymised: applies to every dossier of the policy, also closed ones.',
  })
  @IsOptional()
  @IsInt()
  @Min(RETENTION_MONTHS.min)
  @Max(RETENTION_MONTHS.max)
  retentionMonths?: number;
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
