/** The shapes of the admin's model of the GraphQL contract (schema-model.ts builds it; the views read it). */

export type ValueType =
  | { kind: 'scalar'; scalar: string }
  | { kind: 'enum'; enumName: string; values: string[] }
  /**
   * Output: an object of a resource type, or (`byId`) an output `fooId` / `fooIds` holding its id. Input: an
   * `fooId` / `fooIds` field pointing at one.
   */
  | { kind: 'reference'; resource: string; displayField: string; byId?: boolean }
  | { kind: 'object'; typeName: string; fields: FieldModel[] };

export interface FieldModel {
  name: string;
  description?: string;
  list: boolean;
  /** Output: non-null. Input: non-null without a default value, i.e. the caller must give it. */
  required: boolean;
  type: ValueType;
  /** Input reference fields: the output field of the resource holding the referenced object. */
  mirrorsField?: string;
  /** Input: what the API takes when the field is left out (`retentionMonths: Int! = 24`), so a create form can start from it. */
  defaultValue?: unknown;
}

export interface InputModel {
  operation: string;
  /** The GraphQL type of the `input` argument, e.g. `CreateStaffInput!`. */
  inputTypeRef: string;
  fields: FieldModel[];
}

export interface ResourceModel {
  name: string;
  description?: string;
  displayField: string;
  /** Output fields that can be selected without arguments. */
  fields: FieldModel[];
  /** The selection set of one record, e.g. `id name roles unit { id name }`. */
  selection: string;
  list: { operation: string; args: Record<string, string> };
  getOne?: { operation: string; idTypeRef: string };
  filterFields: FieldModel[];
  hasIdsFilter: boolean;
  sortFields: string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  create?: InputModel;
  /** `versionArgTypeRef`: set when the mutation takes the lock as an argument of its own. */
  update?: InputModel & { idTypeRef: string; versionArgTypeRef?: string };
  delete?: { operation: string; idTypeRef: string; selection?: string };
}

export interface SchemaModel {
  resources: ResourceModel[];
  enums: { name: string; values: string[] }[];
  getResource(name: string): ResourceModel;
}

export interface SchemaModelOptions {
  /**
   * Resource type → its list query, for a list named after what it is rather than after its rows
   * (`retentionLedger` lists `RetentionLedgerEntry`); every other type is listed by `xList`.
   */
  listQueries?: Record<string, string>;
  /**
   * Output fields no generic view selects, per type: fields only their owner may read (`Staff.language`),
   * which a list of other records would be refused.
   */
  omitFields?: Record<string, string[]>;
  /** `fooId` fields whose resource is not `Foo`, by stem: `supervisorId` points at a `Staff`. */
  idReferences?: Record<string, string>;
}
