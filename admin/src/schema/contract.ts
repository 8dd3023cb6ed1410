import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';
import contractSdl from '../../../schema/schema.graphql?raw';
import { SCHEMA_MODEL_OPTIONS } from './model-options';
import { buildSchemaModel, type SchemaModel } from './schema-model';

/**
 * The GraphQL contract, bundled at build time. The production API has introspection turned
 * off, so the admin never asks the server for its schema: it reads the committed SDL instead.
 */
export const contractSchema = buildSchema(contractSdl);

export const contractIntrospection: IntrospectionSchema = introspectionFromSchema(contractSchema).__schema;

export const schemaModel: SchemaModel = buildSchemaModel(contractSchema, SCHEMA_MODEL_OPTIONS);
