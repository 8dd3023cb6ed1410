import { IsBoolean, IsEmail, IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { ExternalPartyKind } from '../complaint/complaint.enums';
import { LENGTH } from '../shared/lengths';
import { IsPhoneNumber } from '../shared/validators';
import { ListArgs, ReferenceFilter } from '../shared/list-args';

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
export class ExternalPartyFilter extends ReferenceFilter {
  @Field(() => ExternalPartyKind, { nullable: true })
  @IsOptional()
  kind?: ExternalPartyKind;
}

export enum ExternalPartySortField {
  name = 'name',
  kind = 'kind',
}
registerEnumType(ExternalPartySortField, { name: 'ExternalPartySortField' });

@ArgsType()
export class ExternalPartyListArgs extends ListArgs(ExternalPartyFilter, { values: ExternalPartySortField, default: ExternalPartySortField.name }) {}
