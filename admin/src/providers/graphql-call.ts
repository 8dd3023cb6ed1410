import type { ApolloClient } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { DataProvider } from 'react-admin';
import { toHttpError } from './error-mapping';
import { withoutTypename } from './typename';

/**
 * One GraphQL operation that is not a resource's CRUD (statistics, reviews, API tokens), with
 * the API's errors mapped like every other call: `extensions.fieldErrors` land under the form
 * fields named in `formFields`, `extensions.code` becomes a status and a Dutch message.
 */
export interface GraphQLCallParams<R, V> {
  /** A query or mutation written with `graphql(...)` from src/gql: its result and variables are typed from the schema. */
  document: TypedDocumentNode<R, V>;
  variables?: V;
  formFields?: string[];
}

export interface GraphQLDataProvider extends DataProvider {
  graphql<R, V>(params: GraphQLCallParams<R, V>): Promise<R>;
}

const isMutation = (document: DocumentNode): boolean =>
  document.definitions.some((definition) => definition.kind === 'OperationDefinition' && (definition as OperationDefinitionNode).operation === 'mutation');

/** Adds `graphql({ document, variables, formFields })` to the data provider. */
export const withGraphQL = <P extends DataProvider>(dataProvider: P, client: ApolloClient<unknown>): P & GraphQLDataProvider => ({
  ...dataProvider,
  async graphql<R, V>({ document, variables, formFields }: GraphQLCallParams<R, V>): Promise<R> {
    const options = { variables: (variables ?? {}) as Record<string, unknown>, fetchPolicy: 'no-cache' as const };
    try {
      const result = isMutation(document)
        ? await client.mutate<R>({ mutation: document as DocumentNode, ...options })
        : await client.query<R>({ query: document as DocumentNode, ...options });
      if (result.errors?.length) throw { graphQLErrors: result.errors };
      return withoutTypename(result.data) as R;
    } catch (error) {
      throw toHttpError(error, formFields);
    }
  },
});
