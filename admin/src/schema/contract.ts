import { enums, resources } from '../gql/schema-model';
import { modelOf } from './model-of';

/**
 * The GraphQL contract as the admin reads it: the model of schema/schema.graphql, written by `npm run codegen`
 * (codegen.ts) like the admin's types and documents. The production API has introspection turned off, so the admin
 * never asks the server for its schema.
 */
export const schemaModel = modelOf(resources, enums);
