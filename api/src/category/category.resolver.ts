import { IsBoolean, IsInt, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { PageArgs, PageOf, type Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { Role } from '../shared/roles';
import { escapeLike } from '../shared/list-query';
import { Category } from './category.entity';
import { LENGTH } from '../shared/lengths';

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

const CATEGORY_COLUMNS: Record<CategorySortField, string> = { sortOrder: 'sort_order', name: 'name', key: 'key' };

@ArgsType()
export class CategoryListArgs extends PageArgs {
  @Field(() => CategoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CategoryFilter;

  @Field(() => CategorySortField, { defaultValue: CategorySortField.sortOrder })
  sortField: CategorySortField = CategorySortField.sortOrder;
}

@ObjectType()
export class CategoryPage extends PageOf(Category) {}

export class CategoryService extends ReferenceData<Category> {
  constructor(dataSource: DataSource) {
    super(dataSource, Category, 'category');
  }

  list(args: CategoryListArgs): Promise<Page<Category>> {
    const { filter } = args;
    return this.page(args, 'category', CATEGORY_COLUMNS[args.sortField], (query) => {
      if (filter?.q) query.andWhere('(category.name ILIKE :q OR category.key ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
      if (filter?.active != null) query.andWhere('category.active = :active', { active: filter.active });
      if (filter?.ids) query.andWhere('category.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    });
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @Authorized()
  @Query(() => Category, { nullable: true })
  async category(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<Category> {
    return services.categories.get(id);
  }

  @Authorized()
  @Query(() => CategoryPage)
  async categoryList(@Args(() => CategoryListArgs) args: CategoryListArgs, @Ctx() { services }: RequestContext): Promise<CategoryPage> {
    return services.categories.list(args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Category)
  async createCategory(@Arg('input', () => CreateCategoryInput) input: CreateCategoryInput, @Ctx() { services }: RequestContext): Promise<Category> {
    return services.categories.create(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Category)
  async updateCategory(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateCategoryInput) input: UpdateCategoryInput,
    @Ctx() { services }: RequestContext,
  ): Promise<Category> {
    return services.categories.update(id, version, input);
  }
}
