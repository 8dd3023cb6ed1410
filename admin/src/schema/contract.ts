import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';
import contractSdl from '../../../schema/schema.graphql?raw';
import { buildSchemaModel, type SchemaModel } from './schema-model';

/**
 * The GraphQL contract, bundled at build time. The production API has introspection turned
 * off, so the admin never asks the server for its schema: it reads the committed SDL instead.
 */
export const contractSchema = buildSchema(contractSdl);

export const contractIntrospection: IntrospectionSchema = introspectionFromSchema(contractSchema).__schema;

/** The retention ledger is listed by `retentionLedger` (its rows are `RetentionLedgerEntry`s), not `…EntryList`. */
export const schemaModel: SchemaModel = buildSchemaModel(contractSchema, { listQueries: { RetentionLedgerEntry: 'retentionLedger' } });
