import type { SchemaModelOptions } from './schema-model';

/**
 * How the admin reads the contract beyond its conventions (schema-model.ts): the retention ledger is listed by
 * `retentionLedger` (its rows are `RetentionLedgerEntry`s), not `…EntryList`; a member of staff's language is theirs
 * alone to read (a list of colleagues would be refused); a supervisor is staff. A file of its own, so that codegen.ts
 * (which writes the model schema/contract.ts reads) and the unit tests build the model with the same options.
 */
export const SCHEMA_MODEL_OPTIONS: SchemaModelOptions = {
  listQueries: { RetentionLedgerEntry: 'retentionLedger' },
  omitFields: { Staff: ['language'] },
  idReferences: { supervisor: 'Staff' },
};
