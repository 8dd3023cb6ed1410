import { parse } from 'graphql';
import { HttpError } from 'react-admin';
import type { CreateParams, DeleteParams, GetListParams, GetManyParams, GetManyReferenceParams, GetOneParams, RaRecord, UpdateParams } from 'react-admin';
import type { BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import { type FieldModel, type ResourceModel, type SchemaModel, ucfirst } from '../schema/schema-model';
import { withoutTypename } from './typename';

type Variables = Record<string, unknown>;

/**
 * Selection sets a hand-written view asks for instead of the generated one (which selects every
 * field without arguments, up to three levels deep).
 */
export interface SelectionOverride {
  /** A row of GET_LIST / GET_MANY / GET_MANY_REFERENCE: still one round trip per page. */
  list?: string;
  /** GET_ONE and the record returned by create / update / delete. */
  record?: string;
}
export type SelectionOverrides = Record<string, SelectionOverride>;
type ApiRecord = RaRecord & Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '';

const pad = (value: number): string => String(value).padStart(2, '0');
const toDateOnly = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/**
 * A filter on a DateTimeISO field is entered as a day (`YYYY-MM-DD`, local time). A bound named
 * like an upper bound (`receivedBefore`, `createdTo`, `dueUntil`) covers the whole day.
 */
const dayToDateTime = (day: string, fieldName: string): string => {
  const upper = /(Before|To|Until|Max|End)$/.test(fieldName);
  const date = new Date(`${day}T${upper ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
};

/** Converts a form or filter value into what the GraphQL input type expects. */
const serialise = (field: FieldModel, value: unknown, context: 'input' | 'filter'): unknown => {
  if (value === '' || value === undefined) return null;
  if (value === null) return null;
  if (field.list && Array.isArray(value)) {
    return value.map((item) => serialise({ ...field, list: false }, item, context));
  }
  const type = field.type;
  if (type.kind === 'object' && isRecord(value)) {
    return Object.fromEntries(
      type.fields
        .filter((subField) => value[subField.name] !== undefined)
        .map((subField) => [subField.name, serialise(subField, value[subField.name], context)]),
    );
  }
  if (type.kind === 'scalar') {
    if (type.scalar === 'DateTimeISO') {
      if (value instanceof Date) return value.toISOString();
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return context === 'filter' ? dayToDateTime(value, field.name) : value;
      }
    }
    if (type.scalar === 'Date' && value instanceof Date) return toDateOnly(value);
    if ((type.scalar === 'Int' || type.scalar === 'Float') && typeof value === 'string') {
      const number = Number(value);
      return Number.isNaN(number) ? value : number;
    }
  }
  return value;
};

const sameValue = (left: unknown, right: unknown): boolean => JSON.stringify(left ?? null) === JSON.stringify(right ?? null);

/** Declares the variables actually sent, with the types the operation's arguments have. */
const operation = (kind: 'query' | 'mutation', field: string, argTypes: Record<string, string>, variables: Variables, selection: string | undefined) => {
  const sent = Object.keys(variables).filter((name) => variables[name] !== undefined);
  const declarations = sent.map((name) => `$${name}: ${argTypes[name]}`).join(', ');
  const args = sent.map((name) => `${name}: $${name}`).join(', ');
  const text = `${kind} ${ucfirst(field)}${declarations ? `(${declarations})` : ''} {
  ${field}${args ? `(${args})` : ''}${selection ? ` { ${selection} }` : ''}
}`;
  return {
    query: parse(text),
    variables: Object.fromEntries(sent.map((name) => [name, variables[name]])),
  };
};

/** Builds the GraphQL operations for one resource, following the API's conventions. */
const resourceQueries = (model: ResourceModel, override: SelectionOverride = {}) => {
  const listSelection = override.list ?? model.selection;
  const recordSelection = override.record ?? model.selection;
  const formFields = (fields: FieldModel[] | undefined) => fields ?? [];
  const mirrored = [...formFields(model.create?.fields), ...formFields(model.update?.fields)].filter((field) => field.mirrorsField);

  /**
   * A record as react-admin gets it: without `__typename`, and with `fooId` next to `foo`
   * for every reference the create/update inputs take as an id, so forms can edit it.
   */
  const toRecord = (raw: unknown): ApiRecord => {
    const record = withoutTypename(raw) as ApiRecord;
    for (const field of mirrored) {
      if (field.name in record) continue;
      const target = record[field.mirrorsField!];
      record[field.name] = Array.isArray(target) ? target.filter(isRecord).map((item) => item.id) : isRecord(target) ? target.id : null;
    }
    return record;
  };

  const filterVariables = (filter: Record<string, unknown> | undefined): Variables | undefined => {
    if (!filter) return undefined;
    const result: Variables = {};
    for (const field of model.filterFields) {
      const value = filter[field.name];
      if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) continue;
      result[field.name] = serialise(field, value, 'filter');
    }
    if (model.hasIdsFilter && Array.isArray(filter.ids)) result.ids = filter.ids.map(String);
    return Object.keys(result).length > 0 ? result : undefined;
  };

  const listArgs = model.list.args;
  const listVariables = (
    filter: Record<string, unknown> | undefined,
    pagination: { page: number; perPage: number } | undefined,
    sort: { field: string; order: string } | undefined,
  ): Variables => {
    const variables: Variables = { filter: filterVariables(filter) };
    if (pagination && 'page' in listArgs) variables.page = pagination.page;
    if (pagination && 'perPage' in listArgs) variables.perPage = pagination.perPage;
    if (sort && 'sortField' in listArgs && model.sortFields.includes(sort.field)) {
      variables.sortField = sort.field;
      if ('sortOrder' in listArgs) variables.sortOrder = sort.order === 'DESC' ? 'DESC' : 'ASC';
    } else if (sort && !('sortField' in listArgs) && 'sortOrder' in listArgs) {
      // a list with one fixed order (deadlines by due moment, reviews by period): only its direction
      variables.sortOrder = sort.order === 'DESC' ? 'DESC' : 'ASC';
    }
    return variables;
  };

  const listQuery = (variables: Variables): BuildQueryResult => ({
    ...operation('query', model.list.operation, listArgs, variables, `items { ${listSelection} } total`),
    parseResponse: (response) => {
      const page = (response.data as Record<string, { items: unknown[]; total: number }>)[model.list.operation];
      return { data: page.items.map(toRecord), total: page.total };
    },
  });

  const singleResult =
    (field: string) =>
    (response: { data?: unknown }): { data: ApiRecord } => {
      const data = (response.data ?? {}) as Record<string, unknown>;
      return { data: toRecord(data[field]) };
    };

  const inputOf = (fields: FieldModel[], data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Variables => {
    const input: Variables = {};
    for (const field of fields) {
      if (field.name === 'version' && previous) {
        // optimistic lock: always send back the version the form was loaded with
        if (previous.version != null) input.version = previous.version;
        continue;
      }
      if (field.name === 'id' || !(field.name in data)) continue;
      const value = serialise(field, data[field.name], 'input');
      if (!previous) {
        // create: leave out what was not filled in; the API applies its defaults
        if (!isEmpty(value)) input[field.name] = value;
        continue;
      }
      // update: only what changed; an empty value for a field the record does not
      // carry (a password) means "leave unchanged"
      if (isEmpty(value) && !(field.name in previous)) continue;
      const before = serialise(field, previous[field.name], 'input');
      if (!sameValue(value, before)) input[field.name] = value;
    }
    return input;
  };

  return {
    getList: (params: GetListParams) => listQuery(listVariables(params.filter, params.pagination, params.sort)),

    getOne: (params: GetOneParams): BuildQueryResult => {
      if (!model.getOne) throw new Error(`${model.name} cannot be fetched by id`);
      return {
        ...operation('query', model.getOne.operation, { id: model.getOne.idTypeRef }, { id: String(params.id) }, recordSelection),
        parseResponse: (response) => {
          const result = singleResult(model.getOne!.operation)(response);
          if (!(response.data as Record<string, unknown>)[model.getOne!.operation]) {
            throw new HttpError('ra.notification.item_doesnt_exist', 404, {
              code: 'NOT_FOUND',
            });
          }
          return result;
        },
      };
    },

    getMany: (params: GetManyParams): BuildQueryResult => {
      if (!model.hasIdsFilter) throw new Error(`${model.name}Filter has no ids`);
      const ids = params.ids.map(String);
      const query = listQuery(listVariables({ ids }, { page: 1, perPage: Math.max(ids.length, 1) }, undefined));
      return {
        ...query,
        parseResponse: (response) => ({ data: query.parseResponse(response).data }),
      };
    },

    getManyReference: (params: GetManyReferenceParams) =>
      listQuery(listVariables({ ...params.filter, [params.target]: params.id }, params.pagination, params.sort)),

    create: (params: CreateParams): BuildQueryResult => {
      if (!model.create) throw new Error(`${model.name} cannot be created`);
      const { operation: field, inputTypeRef, fields } = model.create;
      return {
        ...operation(
          'mutation',
          field,
          { input: inputTypeRef },
          { input: inputOf(fields, params.data as Record<string, unknown>, undefined) },
          recordSelection,
        ),
        parseResponse: singleResult(field),
      };
    },

    update: (params: UpdateParams): BuildQueryResult => {
      if (!model.update) throw new Error(`${model.name} cannot be updated`);
      const { operation: field, inputTypeRef, idTypeRef, versionArgTypeRef, fields } = model.update;
      const previous = (params.previousData ?? {}) as Record<string, unknown>;
      return {
        ...operation(
          'mutation',
          field,
          { id: idTypeRef, input: inputTypeRef, version: versionArgTypeRef ?? 'Int' },
          {
            id: String(params.id),
            input: inputOf(fields, params.data as Record<string, unknown>, previous),
            version: versionArgTypeRef ? (previous.version ?? undefined) : undefined,
          },
          recordSelection,
        ),
        parseResponse: singleResult(field),
      };
    },

    delete: (params: DeleteParams): BuildQueryResult => {
      if (!model.delete) throw new Error(`${model.name} cannot be deleted`);
      const { operation: field, idTypeRef, selection } = model.delete;
      return {
        ...operation('mutation', field, { id: idTypeRef }, { id: String(params.id) }, selection && recordSelection),
        parseResponse: (response) => (selection ? singleResult(field)(response) : { data: params.previousData ?? { id: params.id } }),
      };
    },
  };
};

/**
 * ra-data-graphql's buildQuery: one operation per data provider call, derived from the schema
 * model (GET_LIST fetches the page and the total in one round trip).
 */
export const buildQueryFactory =
  (schema: SchemaModel, selections: SelectionOverrides = {}): BuildQueryFactory =>
  () => {
    const byResource = new Map(schema.resources.map((resource) => [resource.name, resourceQueries(resource, selections[resource.name])]));
    return (raFetchMethod: string, resourceName: string, params: unknown): BuildQueryResult => {
      const queries = byResource.get(resourceName);
      if (!queries) throw new Error(`Unknown resource ${resourceName}`);
      switch (raFetchMethod) {
        case 'GET_LIST':
          return queries.getList(params as GetListParams);
        case 'GET_ONE':
          return queries.getOne(params as GetOneParams);
        case 'GET_MANY':
          return queries.getMany(params as GetManyParams);
        case 'GET_MANY_REFERENCE':
          return queries.getManyReference(params as GetManyReferenceParams);
        case 'CREATE':
          return queries.create(params as CreateParams);
        case 'UPDATE':
          return queries.update(params as UpdateParams);
        case 'DELETE':
          return queries.delete(params as DeleteParams);
        default:
          throw new Error(`${raFetchMethod} is not supported for ${resourceName}`);
      }
    };
  };
