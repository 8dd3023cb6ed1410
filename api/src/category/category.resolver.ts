import { ObjectType, Resolver } from 'type-graphql';
import { PageOf } from '../shared/pagination';
import { ReferenceDataResolver } from '../shared/reference-data.resolver';
import { Category } from './category.entity';
import { CategoryListArgs, CreateCategoryInput, UpdateCategoryInput } from './category.input';

@ObjectType()
export class CategoryPage extends PageOf(Category) {}

@Resolver(() => Category)
export class CategoryResolver extends ReferenceDataResolver({
  entity: Category,
  page: CategoryPage,
  listArgs: CategoryListArgs,
  createInput: CreateCategoryInput,
  updateInput: UpdateCategoryInput,
  names: { one: 'category', list: 'categoryList', create: 'createCategory', update: 'updateCategory' },
  service: (services) => services.categories,
  read: [],
}) {}
