import { IsBoolean, IsInt, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { PageArgs } from '../shared/pagination';

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
export class CategoryFilter {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.search)
  q?: string;

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

export enum CategorySortField {
  sortOrder = 'sortOrder',
  name = 'name',
  key = 'key',
}
registerEnumType(CategorySortField, { name: 'CategorySortField' });

@ArgsType()
export class CategoryListArgs extends PageArgs {
  @Field(() => CategoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CategoryFilter;

  @Field(() => CategorySortField, { defaultValue: CategorySortField.sortOrder })
  sortField: CategorySortField = CategorySortField.sortOrder;
}
