import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Max, Min } from 'class-validator';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

export const MAX_PER_PAGE = 200;

/** Paging shared by every list: page numbers from 1, at most MAX_PER_PAGE rows. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25 })
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage: number = 25;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  sortOrder: SortOrder = SortOrder.ASC;

  get offset(): number {
    return (this.page - 1) * this.perPage;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** `XPage { items total }`: one list query returns the page and the total together. */
export function PageOf<T extends object>(itemType: ClassType<T>): ClassType<Page<T>> {
  @ObjectType()
  abstract class PageClass implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: 'All rows that match the filter, on every page.' })
    total: number;
  }
  return PageClass as unknown as ClassType<Page<T>>;
}
