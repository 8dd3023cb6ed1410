import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from './auth/auth.resolver';
import { authChecker } from './auth/auth-checker';
import { StaffResolver } from './staff/staff.resolver';

export const resolvers = [AuthResolver, StaffResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The graph, from the decorated classes; built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    // TypeGraphQL 2 leaves class-validator off unless asked.
    validate: { forbidUnknownValues: false },
  });
  return built;
}

/** What schema/schema.graphql holds: the graph, sorted, so a diff shows real changes only. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
