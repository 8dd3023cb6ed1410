import { ArrayNotEmpty, ArrayUnique, IsBoolean, IsEmail, IsEnum, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MIN_PASSWORD_LENGTH } from '../config';
import { Role } from '../shared/roles';
import { LENGTH } from '../shared/lengths';
import { ListArgs, ReferenceFilter } from '../shared/list-args';

@InputType({ description: 'A new staff account (ADMIN only).' })
export class CreateStaffInput {
  @Field()
  @Length(1, LENGTH.name)
  name: string;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(LENGTH.email)
  email: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @Length(MIN_PASSWORD_LENGTH, LENGTH.password, { message: `must be ${MIN_PASSWORD_LENGTH} to ${LENGTH.password} characters` })
  password: string;

  @Field(() => [Role])
  @ArrayNotEmpty({ message: 'needs at least one role' })
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field(() => ID, { nullable: true, description: 'The unit (region) this member of staff works in.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Direct supervisor (where a receiver forwards complaints).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a staff id' })
  supervisorId?: string | null;
}

@InputType({ description: 'Changes to a staff account (ADMIN only); omitted fields stay as they are.' })
export class UpdateStaffInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, LENGTH.name)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(LENGTH.email)
  email?: string;

  @Field({ nullable: true, description: 'A new password; signs the account out everywhere.' })
  @IsOptional()
  @Length(MIN_PASSWORD_LENGTH, LENGTH.password, { message: `must be ${MIN_PASSWORD_LENGTH} to ${LENGTH.password} characters` })
  password?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty({ message: 'needs at least one role' })
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field({ nullable: true, description: 'false signs the account out and refuses its sign-in.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ID, { nullable: true, description: 'The unit (region) this member of staff works in.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Direct supervisor (where a receiver forwards complaints).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a staff id' })
  supervisorId?: string | null;
}

@InputType()
export class StaffFilter extends ReferenceFilter {
  @Field({ nullable: true, description: 'Free text: matches name or e-mail.' })
  @IsOptional()
  @MaxLength(LENGTH.search)
  override q?: string = undefined;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  role?: Role;

  @Field(() => [Role], { nullable: true, description: 'Any of these roles (as granted).' })
  @IsOptional()
  @IsEnum(Role, { each: true })
  roles?: Role[];
}

export enum StaffSortField {
  name = 'name',
  email = 'email',
  createdAt = 'createdAt',
  lastLoginAt = 'lastLoginAt',
}
registerEnumType(StaffSortField, { name: 'StaffSortField' });

@ArgsType()
export class StaffListArgs extends ListArgs(StaffFilter, { values: StaffSortField, default: StaffSortField.name }) {}
