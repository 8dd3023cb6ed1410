import type { FieldModel, InputModel, ResourceModel, SchemaModel, SchemaModelOptions, ValueType } from './model-types';
import { modelOf } from './model-of';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * A description of the admin resources derived from the GraphQL contract, following the API's
 * conventions (see README of the admin): type `X` is a resource when Query has `xList` returning
 * `XPage { items: [X!]! total: Int! }` (or the list query `listQueries` names for it); `x(id)`,
 * `createX(input)`, `updateX(id, input)` and `deleteX(id)` are picked up when they exist. Nothing
 * here knows about a specific resource.
 */

/** Candidates for the field that represents a record, in order of preference. */
export const DISPLAY_FIELD_CANDIDATES = ['name', 'reference', 'title', 'label', 'key'] as const;

/**
 * Fields the API needs but people do not edit or read: `id`, and `version`, the optimistic lock
 * that an update sends back unchanged (the API refuses a stale one with CONFLICT).
 */
export const TECHNICAL_FIELDS = ['id', 'version'] as const;
export const isTechnicalField = (name: string): boolean => (TECHNICAL_FIELDS as readonly string[]).includes(name);

/**
 * Mutations that create a record of type `X`, by preference: `createX(input)`, else
 * `registerX(input)` (the staff intake of a complaint) or `recordX(input)` (a privacy request)
 * when it returns an `X`.
 */
export const CREATE_VERBS = ['create', 'register', 'record'] as const;

/** Maximum depth of a selection set, counting the resource's own fields as depth 1. */
const MAX_SELECTION_DEPTH = 3;

export type { FieldModel, InputModel, ResourceModel, SchemaModel, ValueType } from './model-types';

export const lcfirst = (value: string): string => value.charAt(0).toLowerCase() + value.slice(1);
export const ucfirst = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

const isListLike = (type: GraphQLOutputType | GraphQLInputType): boolean => isListType(getNullableType(type));

const hasRequiredArgs = (field: GraphQLField<unknown, unknown>): boolean => field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

const objectFields = (type: GraphQLNamedType): GraphQLField<unknown, unknown>[] =>
  isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];

export type { SchemaModelOptions } from './model-types';

const listQueryName = (typeName: string, options: SchemaModelOptions): string => options.listQueries?.[typeName] ?? `${lcfirst(typeName)}List`;

/** Finds the resource types, i.e. object types listed by a `xList` query returning `XPage`. */
const findResourceTypes = (schema: GraphQLSchema, options: SchemaModelOptions): Map<string, GraphQLObjectType> => {
  const queries = schema.getQueryType()?.getFields() ?? {};
  const resources = new Map<string, GraphQLObjectType>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const listQuery = queries[listQueryName(type.name, options)];
    if (!listQuery) continue;
    const page = getNamedType(listQuery.type);
    if (!isObjectType(page)) continue;
    const { items, total } = page.getFields();
    if (!items || !total || getNamedType(items.type) !== type) continue;
    if (!type.getFields().id) continue;
    resources.set(type.name, type);
  }
  return resources;
};

const displayFieldOf = (type: GraphQLNamedType): string => {
  const names = objectFields(type).map((field) => field.name);
  return DISPLAY_FIELD_CANDIDATES.find((candidate) => names.includes(candidate)) ?? 'id';
};

export const buildSchemaModel = (schema: GraphQLSchema, options: SchemaModelOptions = {}): SchemaModel => {
  const resourceTypes = findResourceTypes(schema, options);
  const queries = schema.getQueryType()?.getFields() ?? {};
  const mutations = schema.getMutationType()?.getFields() ?? {};

  const valueTypeOf = (named: GraphQLNamedType, depth: number): ValueType | undefined => {
    if (isScalarType(named)) return { kind: 'scalar', scalar: named.name };
    if (isEnumType(named)) {
      return {
        kind: 'enum',
        enumName: named.name,
        values: named.getValues().map((value) => value.name),
      };
    }
    if (resourceTypes.has(named.name)) {
      // A reference adds a sub-selection, so it needs one level of depth to spare.
      if (depth >= MAX_SELECTION_DEPTH) return undefined;
      return { kind: 'reference', resource: named.name, displayField: displayFieldOf(named) };
    }
    if ((isObjectType(named) || isInterfaceType(named)) && depth < MAX_SELECTION_DEPTH) {
      const fields = outputFieldsOf(named, depth + 1);
      return fields.length > 0 ? { kind: 'object', typeName: named.name, fields } : undefined;
    }
    if (isInputObjectType(named) && depth < MAX_SELECTION_DEPTH) {
      const fields = Object.values(named.getFields()).flatMap((field) => inputFieldOf(field, undefined, depth + 1));
      return fields.length > 0 ? { kind: 'object', typeName: named.name, fields } : undefined;
    }
    return undefined;
  };

  /** The resource an id field `fooId` / `fooIds` points at, by its stem (`foo`), if any. */
  const resourceOfStem = (stem: string): GraphQLObjectType | undefined => {
    const alias = options.idReferences?.[stem];
    return resourceTypes.get(alias ?? ucfirst(stem)) ?? (stem.endsWith('s') ? resourceTypes.get(ucfirst(stem.slice(0, -1))) : undefined);
  };

  /**
   * An output `fooId` is no column of its own where `foo` is already shown (`Unit.director`); else it is shown as
   * the record it points at (`Staff.supervisorId` as the supervisor's name), never as a raw id.
   */
  const idFieldType = (owner: GraphQLNamedType, field: GraphQLField<unknown, unknown>, depth: number): ValueType | null | undefined => {
    const match = /^(.+?)(Id|Ids)$/.exec(field.name);
    const named = getNamedType(field.type);
    if (!match || !isScalarType(named) || named.name !== 'ID') return undefined;
    const [, stem, suffix] = match;
    const siblings = objectFields(owner).map((candidate) => candidate.name);
    if (siblings.includes(stem) || siblings.includes(`${stem}s`)) return null;
    const target = resourceOfStem(suffix === 'Ids' ? `${stem}s` : stem);
    if (!target || depth >= MAX_SELECTION_DEPTH) return undefined;
    return { kind: 'reference', resource: target.name, displayField: displayFieldOf(target), byId: true };
  };

  /** Output fields of an object type at the given depth (1 = the resource's own fields). */
  const outputFieldsOf = (type: GraphQLNamedType, depth: number): FieldModel[] =>
    objectFields(type).flatMap((field) => {
      if (hasRequiredArgs(field)) return [];
      if (options.omitFields?.[type.name]?.includes(field.name)) return [];
      const byId = idFieldType(type, field, depth);
      if (byId === null) return [];
      const valueType = byId ?? valueTypeOf(getNamedType(field.type), depth);
      if (!valueType) return [];
      return [
        {
          name: field.name,
          description: field.description ?? undefined,
          list: isListLike(field.type),
          required: isNonNullType(field.type),
          type: valueType,
        },
      ];
    });

  /**
   * An input field; `fooId: ID` / `fooIds: [ID!]` become references when the resource has an
   * output field `foo` / `foos` of a resource type, or else when a resource `Foo` exists.
   */
  const inputFieldOf = (field: GraphQLInputField | GraphQLArgument, owner: GraphQLObjectType | undefined, depth: number): FieldModel[] => {
    const named = getNamedType(field.type);
    const list = isListLike(field.type);
    const base: Omit<FieldModel, 'type'> = {
      name: field.name,
      description: field.description ?? undefined,
      list,
      required: isNonNullType(field.type) && field.defaultValue === undefined,
      ...(field.defaultValue !== undefined && field.defaultValue !== null ? { defaultValue: field.defaultValue } : {}),
    };
    const referenceMatch = /^(.+?)(Id|Ids)$/.exec(field.name);
    if (isScalarType(named) && named.name === 'ID' && referenceMatch) {
      const stem = referenceMatch[1];
      const candidates = list ? [`${stem}s`, stem] : [stem];
      const ownerFields = owner?.getFields() ?? {};
      for (const candidate of candidates) {
        const ownerField = ownerFields[candidate];
        if (!ownerField) continue;
        const target = getNamedType(ownerField.type);
        if (resourceTypes.has(target.name)) {
          return [
            {
              ...base,
              mirrorsField: candidate,
              type: {
                kind: 'reference',
                resource: target.name,
                displayField: displayFieldOf(target),
              },
            },
          ];
        }
      }
      const byName = resourceOfStem(stem);
      if (byName) {
        return [
          {
            ...base,
            type: {
              kind: 'reference',
              resource: byName.name,
              displayField: displayFieldOf(byName),
            },
          },
        ];
      }
    }
    const type = valueTypeOf(named, depth);
    return type ? [{ ...base, type }] : [];
  };

  const inputModelOf = (operation: string, owner: GraphQLObjectType): InputModel | undefined => {
    const mutation = mutations[operation];
    const inputArg = mutation?.args.find((arg) => arg.name === 'input');
    if (!mutation || !inputArg) return undefined;
    const inputType = getNamedType(inputArg.type);
    if (!isInputObjectType(inputType)) return undefined;
    return {
      operation,
      inputTypeRef: String(inputArg.type),
      fields: Object.values(inputType.getFields()).flatMap((field) => inputFieldOf(field, owner, 1)),
    };
  };

  const idArgOf = (field: GraphQLField<unknown, unknown> | undefined): string | undefined => field?.args.find((arg) => arg.name === 'id')?.type.toString();

  const resourceModelOf = (type: GraphQLObjectType): ResourceModel => {
    const lc = lcfirst(type.name);
    const listOperation = listQueryName(type.name, options);
    const listQuery = queries[listOperation];
    const args = Object.fromEntries(listQuery.args.map((arg) => [arg.name, String(arg.type)]));
    const argByName = (name: string) => listQuery.args.find((arg) => arg.name === name);

    const filterType = argByName('filter') && getNamedType(argByName('filter')!.type);
    const filterFields = isInputObjectType(filterType) ? Object.values(filterType.getFields()).flatMap((field) => inputFieldOf(field, type, 1)) : [];

    const sortArg = argByName('sortField');
    const sortType = sortArg && getNamedType(sortArg.type);
    const sortFields = isEnumType(sortType) ? sortType.getValues().map((value) => value.name) : [];
    const sortOrderArg = argByName('sortOrder');

    const displayField = displayFieldOf(type);
    const fields = outputFieldsOf(type, 1);

    const getOne = queries[lc];
    const update = mutations[`update${type.name}`];
    const updateInput = inputModelOf(`update${type.name}`, type);
    const deletion = mutations[`delete${type.name}`];

    return {
      name: type.name,
      description: type.description ?? undefined,
      displayField,
      fields,
      selection: selectionOf(fields),
      list: { operation: listOperation, args },
      getOne: getOne && idArgOf(getOne) && getNamedType(getOne.type) === type ? { operation: lc, idTypeRef: idArgOf(getOne)! } : undefined,
      filterFields: filterFields.filter((field) => field.name !== 'ids'),
      hasIdsFilter: filterFields.some((field) => field.name === 'ids'),
      sortFields,
      defaultSort: {
        field: typeof sortArg?.defaultValue === 'string' ? sortArg.defaultValue : (sortFields[0] ?? 'id'),
        order: sortOrderArg?.defaultValue === 'DESC' ? 'DESC' : 'ASC',
      },
      create: CREATE_VERBS.map((verb) => `${verb}${type.name}`)
        .filter((name) => mutations[name] && getNamedType(mutations[name].type) === type)
        .map((name) => inputModelOf(name, type))
        .find((model) => model !== undefined),
      update:
        update && updateInput && idArgOf(update)
          ? {
              ...updateInput,
              idTypeRef: idArgOf(update)!,
              versionArgTypeRef: update.args.find((arg) => arg.name === 'version')?.type.toString(),
            }
          : undefined,
      delete:
        deletion && idArgOf(deletion)
          ? {
              operation: deletion.name,
              idTypeRef: idArgOf(deletion)!,
              selection: getNamedType(deletion.type) === type ? selectionOf(fields) : undefined,
            }
          : undefined,
    };
  };

  const resources = [...resourceTypes.values()].map(resourceModelOf);
  const enums = Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((type) => !type.name.startsWith('__'))
    .map((type) => ({ name: type.name, values: type.getValues().map((value) => value.name) }));

  return modelOf(resources, enums);
};

/**
 * The selection set of a list of fields: scalars and enums by name, references as
 * `{ id <displayField> }`, other objects with their own (already depth-limited) fields.
 */
export const selectionOf = (fields: FieldModel[]): string =>
  fields
    .map((field) => {
      switch (field.type.kind) {
        case 'scalar':
        case 'enum':
          return field.name;
        case 'reference':
          if (field.type.byId) return field.name;
          return field.type.displayField === 'id' ? `${field.name} { id }` : `${field.name} { id ${field.type.displayField} }`;
        case 'object':
          return `${field.name} { ${selectionOf(field.type.fields)} }`;
      }
    })
    .join(' ');
