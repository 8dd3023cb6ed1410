import { IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, type ClassType } from 'type-graphql';
import { LENGTH } from './lengths';
import { PageArgs } from './pagination';

/** The ids of the records to list: react-admin's getMany and reference fields. */
@InputType()
export abstract class IdsFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

/** A free-text search besides the ids. */
@InputType()
export abstract class SearchFilter extends IdsFilter {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.search)
  q?: string;
}

/** The filter of reference data: a search, the ids, and whether a record is still in use. */
@InputType()
export abstract class ReferenceFilter extends SearchFilter {
  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;
}

/** A sort field: the list's enum of columns and the one it sorts by unless told. */
export interface SortFieldOf<S extends string> {
  values: Record<string, S>;
  default: S;
}

export type ListArgsOf<F, S extends string = never> = PageArgs & { filter?: F } & ([S] extends [never] ? unknown : { sortField: S });

/**
 * The arguments of a list: the page (`PageArgs`), a filter of type `F`, and a sort field when the
 * list has one. `@ArgsType() export class UnitListArgs extends ListArgs(UnitFilter, { values: UnitSortField, default: UnitSortField.name }) {}`
 */
export function ListArgs<F extends object>(filter: ClassType<F>): ClassType<ListArgsOf<F>>;
export function ListArgs<F extends object, S extends string>(filter: ClassType<F>, sortField: SortFieldOf<S>): ClassType<ListArgsOf<F, S>>;
export function ListArgs<F extends object, S extends string>(filter: ClassType<F>, sortField?: SortFieldOf<S>): ClassType<ListArgsOf<F, S>> {
  @ArgsType()
  class FilteredArgs extends PageArgs {
    @Field(() => filter, { nullable: true })
    @IsOptional()
    @ValidateNested()
    filter?: F;
  }
  if (!sortField) return FilteredArgs as ClassType<ListArgsOf<F, S>>;

  @ArgsType()
  class SortedArgs extends FilteredArgs {
    @Field(() => sortField!.values, { defaultValue: sortField!.default })
    sortField: S = sortField!.default;
  }
  return SortedArgs as unknown as ClassType<ListArgsOf<F, S>>;
}
