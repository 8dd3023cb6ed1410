import { IsBoolean, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { ListArgs, ReferenceFilter } from '../shared/list-args';

@InputType()
export class CreateUnitInput {
  @Field()
  @Matches(/^[A-Z0-9-]+$/, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  @Length(1, LENGTH.code, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  code: string;

  @Field()
  @Length(1, LENGTH.name)
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  directorId?: string | null;

  @Field(() => ID, { nullable: true, description: "Null: the organisation's default policy." })
  @IsOptional()
  @IsUUID('all')
  policyId?: string | null;
}

@InputType()
export class UpdateUnitInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9-]+$/, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  @Length(1, LENGTH.code, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, LENGTH.name)
  name?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  directorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  policyId?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class UnitFilter extends ReferenceFilter {}

export enum UnitSortField {
  code = 'code',
  name = 'name',
}
registerEnumType(UnitSortField, { name: 'UnitSortField' });

@ArgsType()
export class UnitListArgs extends ListArgs(UnitFilter, { values: UnitSortField, default: UnitSortField.name }) {}
