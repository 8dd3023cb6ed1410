import type { CodegenConfig } from '@graphql-codegen/cli';

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
  },
};

export default config;
