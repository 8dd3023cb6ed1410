import { IsBoolean, IsEmail, IsEnum, IsOptional, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ExternalPartyKind } from '../complaint/complaint.enums';
import { PageArgs } from '../shared/pagination';
import { LENGTH } from '../shared/lengths';
import { IsPhoneNumber } from '../shared/validators';

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
