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
 * `@Authorized` in the entity files. Fields with a field resolver or a middleware keep TypeGraphQL's.
 */
export function plainFieldResolvers(schema: GraphQLSchema, authChecker: SyncAuthChecker): GraphQLSchema {
  const storage = getMetadataStorage();
  const typesByTarget = new Map(storage.objectTypes.map((type) => [type.target, type]));
  const resolved = new Map<unknown, Set<string>>();
  for (const resolver of storage.fieldResolvers) {
    const target = resolver.getObjectType?.();
    if (!resolved.has(target)) resolved.set(target, new Set());
    resolved.get(target)!.add(resolver.methodName);
  }

  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    // the class's own fields and those it inherits (TypeGraphQL merges them the same way: its own win)
    const declared = new Map<string, FieldMetadata>();
    for (let target: unknown = objectType.target; typeof target === 'function' && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
      for (const field of typesByTarget.get(target as (...args: unknown[]) => unknown)?.fields ?? [])
        if (!declared.has(field.schemaName)) declared.set(field.schemaName, field);
    }
    const fields = type.getFields();
    for (const [schemaName, metadata] of declared) {
      const field = fields[schemaName];
      if (!field || metadata.middlewares?.length || metadata.simple || resolved.get(metadata.target)?.has(metadata.name)) continue;
      field.resolve = readField(metadata.name, metadata.roles as Access[] | undefined, authChecker);
    }
  }
  return schema;
}

function readField(property: string, roles: Access[] | undefined, authChecker: SyncAuthChecker): GraphQLFieldResolver<unknown, RequestContext> {
  if (!roles) return (root) => (root as Record<string, unknown>)[property];
  return (root, args, context, info) => {
    // as TypeGraphQL's AuthMiddleware (authMode "error"); ours throws its own error before it would return false
    if (!authChecker({ root, args, context, info }, roles)) throw roles.length === 0 ? new AuthenticationError() : new AuthorizationError();
    return (root as Record<string, unknown>)[property];
  };
}
