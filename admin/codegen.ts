import type { CodegenConfig } from '@graphql-codegen/cli';
import type { GraphQLSchema } from 'graphql';
import { SCHEMA_MODEL_OPTIONS } from './src/schema/model-options';
import { buildSchemaModel } from './src/schema/schema-model';

/**
 * The admin's model of the contract (its resources and enums, src/schema/schema-model.ts), written as data: building it
 * in the browser meant bundling the SDL and graphql's schema builder, validation and introspection, about 30 kB gzip
 * of the first load, and building the schema at every start.
 */
const schemaModelPlugin = {
  plugin: (schema: GraphQLSchema) => {
    const { resources, enums } = buildSchemaModel(schema, SCHEMA_MODEL_OPTIONS);
    return [
      '/* eslint-disable */',
      "import type { ResourceModel, SchemaModel } from '../schema/model-types';",
      '',
      `export const resources: ResourceModel[] = ${JSON.stringify(resources)};`,
      '',
      `export const enums: SchemaModel['enums'] = ${JSON.stringify(enums)};`,
      '',
    ].join('\n');
  },
};

/**
 * The admin's types and documents, generated from the API's schema (schema/schema.graphql, itself emitted
 * from the code): every operation the admin sends is written with `graphql(...)` from src/gql and checked
 * against the schema here; its result and variables are typed from it. `npm run codegen` writes src/gql,
 * `npm run typecheck` and `npm run build` run it first, and CI fails when the committed files are stale.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  // the schema model's plugin is the one above, not a package
  pluginLoader: async (name) => (name === 'admin-schema-model' ? schemaModelPlugin : import(name)),
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>', ID: 'string' },
      },
    },
    'src/gql/schema-model.ts': { plugins: ['admin-schema-model'] },
  },
};

export default config;
