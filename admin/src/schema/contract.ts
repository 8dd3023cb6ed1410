import { enums, resources } from '../gql/schema-model';
import type { SchemaModel } from './schema-model';

/**
 * The GraphQL contract as the admin reads it: the model of schema/schema.graphql, written by `npm run codegen`
 * (codegen.ts) like the admin's types and documents. The production API has introspection turned off, so the admin
 * never asks the server for its schema.
 */
export const schemaModel: SchemaModel = {
  resources,
  enums,
  getResource(name) {
    const resource = resources.find((candidate) => candidate.name === name);
    if (!resource) throw new Error(`Unknown resource ${name}`);
    return resource;
  },
};
