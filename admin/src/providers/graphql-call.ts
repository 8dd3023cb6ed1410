import type { ApolloClient } from '@apollo/client';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { DataProvider } from 'react-admin';
import { toHttpError } from './error-mapping';

/**
 * One GraphQL operation that is not a resource's CRUD (statistics, reviews, API tokens), with
 * the API's errors mapped like every other call: `extensions.fieldErrors` land under the form
 * fields named in `formFields`, `extensions.code` becomes a status and a Dutch message.
 */
export interface GraphQLCallParams {
  /** The operation text (a query or a mutation). */
  query: string;
  variables?: Record<string, unknown>;
  formFields?: string[];
}

export interface GraphQLDataProvider extends DataProvider {
  graphql<T>(params: GraphQLCallParams): Promise<T>;
}

const withoutTypename = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '__typename')
      .map(([key, inner]) => [key, withoutTypename(inner)]),
  );
};

const isMutation = (document: ReturnType<typeof parse>): boolean =>
  document.definitions.some((definition) => definition.kind === 'OperationDefinition' && (definition as OperationDefinitionNode).operation === 'mutation');

/** Adds `graphql({ query, variables, formFields })` to the data provider. */
export const withGraphQL = <P extends DataProvider>(dataProvider: P, client: ApolloClient<unknown>): P & GraphQLDataProvider => ({
  ...dataProvider,
  async graphql<T>({ query, variables = {}, formFields }: GraphQLCallParams): Promise<T> {
    const document = parse(query);
    try {
      const result = isMutation(document)
        ? await client.mutate<T>({ mutation: document, variables, fetchPolicy: 'no-cache' })
        : await client.query<T>({ query: document, variables, fetchPolicy: 'no-cache' });
      if (result.errors?.length) throw { graphQLErrors: result.errors };
      return withoutTypename(result.data) as T;
    } catch (error) {
      throw toHttpError(error, formFields);
    }
  },
});
