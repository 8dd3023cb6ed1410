import type { ApolloClient } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider } from 'react-admin';
import { schemaModel } from '../schema/contract';
import type { FieldModel } from '../schema/schema-model';
import { buildQueryFactory, type SelectionOverrides } from './build-query';
import { toHttpError } from './error-mapping';

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
 * The data provider: ra-data-graphql with our own buildQuery, which builds every operation from the schema model
 * (schema/contract.ts) and so needs no introspection (the API has it off), and API errors mapped for react-admin.
 */
export const createDataProvider = (client: ApolloClient<unknown>, options: { selections?: SelectionOverrides } = {}): DataProvider => {
  const graphQLProvider = buildGraphQLProvider({
    client,
    introspection: false,
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
