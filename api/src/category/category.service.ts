import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Caller } from '../shared/caller';
import { whereEquals, whereIds, whereText } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { Category } from './category.entity';
import type { CreateCategoryInput, CategoryListArgs, CategorySortField, UpdateCategoryInput } from './category.input';

const SORT_COLUMNS: Record<CategorySortField, string> = { sortOrder: 'sort_order', name: 'name', key: 'key' };

/** What a complaint is about: configurable, the seeds give the first ones. */
export class CategoryService extends ReferenceData<Category> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, Category, { label: 'category', auditName: 'Category' });
  }

  create(caller: Caller, input: CreateCategoryInput): Promise<Category> {
    return this.insertRow(caller, input);
  }

  update(caller: Caller, id: string, version: number, input: UpdateCategoryInput): Promise<Category> {
    return this.updateRow(caller, id, version, input);
  }

  list(args: CategoryListArgs): Promise<Page<Category>> {
    const { filter } = args;
    return this.page(args, 'category', SORT_COLUMNS[args.sortField], (query) => {
      whereText(query, ['category.name', 'category.key'], filter?.q);
      whereEquals(query, { 'category.active': filter?.active });
      whereIds(query, 'category.id', filter?.ids);
    });
  }
}
