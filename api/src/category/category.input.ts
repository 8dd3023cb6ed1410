import { IsBoolean, IsInt, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { ListArgs, ReferenceFilter } from '../shared/list-args';

@InputType()
export class CreateCategoryInput {
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

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  sortOrder?: number;
}

@InputType()
export class UpdateCategoryInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, LENGTH.name)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  sortOrder?: number;

  @Field({ nullable: true, description: 'false: no longer offered for new complaints; old ones keep it.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class CategoryFilter extends ReferenceFilter {}

export enum CategorySortField {
  sortOrder = 'sortOrder',
  name = 'name',
  key = 'key',
}
registerEnumType(CategorySortField, { name: 'CategorySortField' });

@ArgsType()
export class CategoryListArgs extends ListArgs(CategoryFilter, { values: CategorySortField, default: CategorySortField.sortOrder }) {}
