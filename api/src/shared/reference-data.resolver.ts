import type { ClassType } from 'type-graphql';
import { Arg, Args, Authorized, Ctx, Extensions, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Services } from '../services';
import type { Caller } from './caller';
import type { IdFormat } from './input-guard';
import type { Page } from './pagination';
import { caller, type RequestContext } from './request-context';
import { Role, type Access } from './roles';

/** What a reference-data service offers the generic resolver. */
export interface ReferenceDataService<T extends object, ListArgs extends object, CreateInput extends object, UpdateInput extends object = never> {
  get(id: string): Promise<T>;
  list(args: ListArgs): Promise<Page<T>>;
  create(caller: Caller, input: CreateInput): Promise<T>;
  update?(caller: Caller, id: string, version: number, input: UpdateInput): Promise<T>;
}

export interface ReferenceDataResolverOptions<T extends object, ListArgs extends object, CreateInput extends object, UpdateInput extends object> {
  entity: ClassType<T>;
  page: ClassType<Page<T>>;
  listArgs: ClassType<ListArgs>;
  createInput: ClassType<CreateInput>;
  updateInput?: ClassType<UpdateInput>;
  /** The operations' names in the graph: `unit`, `unitList`, `createUnit`, `updateUnit`. */
  names: { one: string; list: string; create: string; update?: string };
  descriptions?: { one?: string; list?: string; create?: string; update?: string };
  service: (services: Services) => ReferenceDataService<T, ListArgs, CreateInput, UpdateInput>;
  /** Who may read (none: anyone signed in, not a website token); changes are ADMIN's. */
  read: Access[];
  /** What the ids look like (closing days: dates). */
  idFormat?: IdFormat;
}

/**
 * Get, list, create (and update) of one kind of reference data, written once (TypeGraphQL's
 * resolvers-inheritance pattern): a feature's resolver extends what this returns and adds only its own
 * fields (`Unit.director`) or operations (`setDefaultPolicy`).
 */
export function ReferenceDataResolver<T extends object, ListArgs extends object, CreateInput extends object, UpdateInput extends object = never>(
  options: ReferenceDataResolverOptions<T, ListArgs, CreateInput, UpdateInput>,
) {
  const { names, descriptions = {} } = options;

  // Not itself in schema.ts's resolvers: its operations reach the graph through the feature's subclass.
  @Resolver(() => options.entity)
  abstract class ReadAndCreate {
    @Authorized(options.read)
    @Extensions({ idFormat: options.idFormat ?? 'uuid' })
    @Query(() => options.entity, { name: names.one, nullable: true, description: descriptions.one })
    async one(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<T> {
      return options.service(services).get(id);
    }

    @Authorized(options.read)
    @Query(() => options.page, { name: names.list, description: descriptions.list })
    async list(@Args(() => options.listArgs) args: ListArgs, @Ctx() { services }: RequestContext): Promise<Page<T>> {
      return options.service(services).list(args);
    }

    @Authorized(Role.ADMIN)
    @Mutation(() => options.entity, { name: names.create, description: descriptions.create })
    async create(@Arg('input', () => options.createInput) input: CreateInput, @Ctx() context: RequestContext): Promise<T> {
      return options.service(context.services).create(caller(context), input);
    }
  }
  if (!options.updateInput || !names.update) return ReadAndCreate;
  const updateInput = options.updateInput;

  @Resolver(() => options.entity)
  abstract class Editable extends ReadAndCreate {
    @Authorized(Role.ADMIN)
    @Mutation(() => options.entity, { name: names.update, description: descriptions.update })
    async update(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int) version: number,
      @Arg('input', () => updateInput) input: UpdateInput,
      @Ctx() context: RequestContext,
    ): Promise<T> {
      const service = options.service(context.services);
      return service.update!(caller(context), id, version, input);
    }
  }
  return Editable;
}
