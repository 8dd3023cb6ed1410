import { IsBoolean, IsEmail, IsEnum, IsOptional, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ExternalPartyKind } from '../complaint/complaint.enums';
import { PageArgs } from '../shared/pagination';
import { LENGTH } from '../shared/lengths';
import { IsLocalDate, IsPhoneNumber } from '../shared/validators';

@InputType()
export class CreateExternalPartyInput {
  @Field()
  @Length(1, LENGTH.name)
  name: string;

  @Field(() => ExternalPartyKind)
  @IsEnum(ExternalPartyKind)
  kind: ExternalPartyKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhoneNumber()
  @MaxLength(LENGTH.phone)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(LENGTH.email)
  email?: string | null;

  @Field({ defaultValue: false, description: 'Its ruling binds all parties.' })
  @IsBoolean()
  binding: boolean = false;
}

@InputType()
export class UpdateExternalPartyInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, LENGTH.name)
  name?: string;

  @Field(() => ExternalPartyKind, { nullable: true })
  @IsOptional()
  @IsEnum(ExternalPartyKind)
  kind?: ExternalPartyKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhoneNumber()
  @MaxLength(LENGTH.phone)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(LENGTH.email)
  email?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  binding?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class ExternalPartyFilter {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.search)
  q?: string;

  @Field(() => ExternalPartyKind, { nullable: true })
  @IsOptional()
  kind?: ExternalPartyKind;

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

export enum ExternalPartySortField {
  name = 'name',
  kind = 'kind',
}
registerEnumType(ExternalPartySortField, { name: 'ExternalPartySortField' });

@ArgsType()
export class ExternalPartyListArgs extends PageArgs {
  @Field(() => ExternalPartyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ExternalPartyFilter;

  @Field(() => ExternalPartySortField, { defaultValue: ExternalPartySortField.name })
  sortField: ExternalPartySortField = ExternalPartySortField.name;
}

@InputType({ description: 'A referral to an external party (step 9).' })
export class ReferInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an external party id' })
  partyId: string;

  @Field()
  @Length(1, LENGTH.text, { message: 'is required' })
  reason: string;

  @Field({ description: 'What was sent to the party.' })
  @Length(1, LENGTH.text, { message: 'is required' })
  whatSent: string;

  @Field(() => Date, { nullable: true, description: 'Default now; not in the future.' })
  @IsOptional()
  referredAt?: Date | null;
}

@InputType({ description: "The external party's outcome (ruling, report, advice)." })
export class ReferralOutcomeInput {
  @Field()
  @Length(1, LENGTH.longText, { message: 'is required' })
  outcome: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  outcomeDate: string;
}

@InputType()
export class ReferralFilter {
  @Field({ nullable: true, description: 'true: no outcome recorded yet.' })
  @IsOptional()
  open?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  partyId?: string;

  @Field(() => ExternalPartyKind, { nullable: true })
  @IsOptional()
  kind?: ExternalPartyKind;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class ReferralListArgs extends PageArgs {
  @Field(() => ReferralFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ReferralFilter;
}
