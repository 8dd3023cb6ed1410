import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { AuthenticationError, AuthorizationError, getMetadataStorage, type ResolverData } from 'type-graphql';
import type { RequestContext } from './request-context';
import type { Access } from './roles';

type FieldMetadata = ReturnType<typeof getMetadataStorage>['fields'][number];
/** The auth checker, synchronous (a promise here would read as "allowed"). */
export type SyncAuthChecker = (data: ResolverData<RequestContext>, roles: Access[]) => boolean;

/**
 * TypeGraphQL gives every plain field (a column: no field resolver, no middleware) a resolver of its own
 * that allocates its arguments and runs its middleware chain, and it checks `@Authorized` on a field as an
 * async middleware: on a page of 50 complaints a thousand closures and a few hundred promise chains, all
 * to read a property (test/bench, workload 2). This gives such fields a plain read instead and checks
 * their roles with the same auth checker, synchronously: the same answer, the same errors, the same
 * `@Authorized` in the entity files. Whatever it cannot be sure of keeps TypeGraphQL's resolver: a field with
 * a field resolver or a middleware, a type that implements an interface or whose name two classes claim that
 * differ, and every field when the schema has global middlewares (`globalMiddlewares`, buildSchema's option).
 */
export function plainFieldResolvers(schema: GraphQLSchema, authChecker: SyncAuthChecker, globalMiddlewares: readonly unknown[] = []): GraphQLSchema {
  if (globalMiddlewares.length) return schema;
  const storage = getMetadataStorage();
  const typesByTarget = new Map(storage.objectTypes.map((type) => [type.target, type]));
  const resolved = new Map<unknown, Set<string>>();
  for (const resolver of storage.fieldResolvers) {
    const target = resolver.getObjectType?.();
    if (!resolved.has(target)) resolved.set(target, new Set());
    resolved.get(target)!.add(resolver.methodName);
  }
  /** A class's own fields and those it inherits (TypeGraphQL merges them the same way: its own win). */
  const declaredBy = (target: unknown) => {
    const declared = new Map<string, FieldMetadata>();
    for (; typeof target === 'function' && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
      for (const field of typesByTarget.get(target as (...args: unknown[]) => unknown)?.fields ?? [])
        if (!declared.has(field.schemaName)) declared.set(field.schemaName, field);
    }
    return declared;
  };
  /** What decides how a field is read: two declarations of a type with the same signature read the same. */
  const signature = (declared: Map<string, FieldMetadata>) =>
    JSON.stringify(
      [...declared]
        .map(([schemaName, field]) => [
          schemaName,
          field.name,
          field.roles ?? null,
          field.middlewares?.length ?? 0,
          field.simple ?? null,
          resolved.get(field.target)?.has(field.name) ?? false,
        ])
        .sort(),
    );

  for (const name of new Set(storage.objectTypes.map((type) => type.name))) {
    const type = schema.getType(name);
    if (!isObjectType(type) || type.getInterfaces().length) continue;
    const fields = type.getFields();
    // the classes that claim the name and fit the type (a module loaded twice claims it twice, alike); if they
    // differ in how a field is read, the type keeps TypeGraphQL's resolvers
    const claims = storage.objectTypes
      .filter((candidate) => candidate.name === name && !candidate.interfaceClasses?.length)
      .map((candidate) => declaredBy(candidate.target))
      .filter((declared) => [...declared.keys()].every((schemaName) => schemaName in fields));
    if (!claims.length || new Set(claims.map(signature)).size !== 1) continue;
    for (const [schemaName, metadata] of claims[0]) {
      if (metadata.middlewares?.length || metadata.simple || resolved.get(metadata.target)?.has(metadata.name)) continue;
      fields[schemaName].resolve = readField(metadata.name, metadata.roles as Access[] | undefined, authChecker);
    }
  }
  return schema;
}

function readField(property: string, roles: Access[] | undefined, authChecker: SyncAuthChecker): GraphQLFieldResolver<unknown, RequestContext> {
  if (!roles) return (root) => (root as Record<string, unknown>)[property];
  return (root, args, context, info) => {
    // as TypeGraphQL's AuthMiddleware (authMode "error"); ours throws its own error before it would return false,
    // and anything but true (a promise, by mistake) is a refusal
    if (authChecker({ root, args, context, info }, roles) !== true) throw roles.length === 0 ? new AuthenticationError() : new AuthorizationError();
    return (root as Record<string, unknown>)[property];
  };
}
