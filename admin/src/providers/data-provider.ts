import type { ApolloClient } from '@apollo/client';
import type { IntrospectionType } from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider } from 'react-admin';
import { contractIntrospection, schemaModel } from '../schema/contract';
import { lcfirst, type FieldModel } from '../schema/schema-model';
import { buildQueryFactory, type SelectionOverrides } from './build-query';
import { toHttpError } from './error-mapping';

/** A resource's list query as the schema model found it (`xList`, or the one named for it in contract.ts). */
const listOperationOf = (type: IntrospectionType) =>
  schemaModel.resources.find((resource) => resource.name === type.name)?.list.operation ?? `${lcfirst(type.name)}List`;

/** The API's operation names, so ra-data-graphql's own resource list matches ours. */
const operationNames = {
  GET_LIST: listOperationOf,
  GET_ONE: (type: IntrospectionType) => lcfirst(type.name),
  GET_MANY: listOperationOf,
  GET_MANY_REFERENCE: listOperationOf,
  CREATE: (type: IntrospectionType) => `create${type.name}`,
  UPDATE: (type: IntrospectionType) => `update${type.name}`,
  DELETE: (type: IntrospectionType) => `delete${type.name}`,
};

/** `complainant` and `complainant.email`, ...: the paths an API field error can name. */
const fieldPaths = (fields: FieldModel[], prefix = ''): string[] =>
  fields.flatMap((field) =>
    field.type.kind === 'object' && !field.list
      ? [`${prefix}${field.name}`, ...fieldPaths(field.type.fields, `${prefix}${field.name}.`)]
      : [`${prefix}${field.name}`],
  );

const formFieldsOf = (resource: string, mode: 'create' | 'update'): string[] => {
  const model = schemaModel.resources.find((candidate) => candidate.name === resource);
  return fieldPaths(model?.[mode]?.fields ?? []);
};

const mapError =
  (formFields?: string[]) =>
  (error: unknown): never => {
    throw toHttpError(error, formFields);
  };

/**
 * The data provider: ra-data-graphql with the schema bundled at build time (the API has
 * introspection off), our own buildQuery, and API errors mapped for react-admin.
 */
export const createDataProvider = (client: ApolloClient<unknown>, options: { selections?: SelectionOverrides } = {}): DataProvider => {
  const graphQLProvider = buildGraphQLProvider({
    client,
    introspection: {
      schema: contractIntrospection,
      operationNames,
      include: schemaModel.resources.map((resource) => resource.name),
    },
    buildQuery: buildQueryFactory(schemaModel, options.selections),
  });

  return {
    getList: (resource, params) => graphQLProvider.getList(resource, params).catch(mapError()),
    getOne: (resource, params) => graphQLProvider.getOne(resource, params).catch(mapError()),
    getMany: (resource, params) => graphQLProvider.getMany(resource, params).catch(mapError()),
    getManyReference: (resource, params) => graphQLProvider.getManyReference(resource, params).catch(mapError()),
    create: (resource, params) => graphQLProvider.create(resource, params).catch(mapError(formFieldsOf(resource, 'create'))),
    update: (resource, params) => graphQLProvider.update(resource, params).catch(mapError(formFieldsOf(resource, 'update'))),
    delete: (resource, params) => graphQLProvider.delete(resource, params).catch(mapError()),
    updateMany: (resource, params) =>
      Promise.all(params.ids.map((id) => graphQLProvider.update(resource, { id, data: params.data, previousData: {} })))
        .then(() => ({ data: params.ids }))
        .catch(mapError()),
    deleteMany: (resource, params) =>
      Promise.all(params.ids.map((id) => graphQLProvider.delete(resource, { id })))
        .then(() => ({ data: params.ids }))
        .catch(mapError()),
  };
};
