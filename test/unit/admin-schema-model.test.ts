import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema } from 'graphql';

/**
 * The admin's generic views never show a raw id where the schema has the record itself or can look it up: a unit's
 * director and policy once, by name (not again as `directorId`, `policyId`); a member of staff's supervisor by name.
 * A field only its owner may read (`Staff.language`) is in no generic selection, or a list of colleagues would fail.
 */

const ADMIN_SRC = path.resolve(__dirname, '../../admin/src');

interface FieldModel {
  name: string;
  type: { kind: string; resource?: string; byId?: boolean };
}
interface ResourceModel {
  name: string;
  fields: FieldModel[];
  selection: string;
}

const load = <T extends object>(file: string): T => jest.requireActual<T>(path.join(ADMIN_SRC, file));
const { buildSchemaModel } = load<{
  buildSchemaModel: (schema: ReturnType<typeof buildSchema>, options: unknown) => { getResource(name: string): ResourceModel };
}>('schema/schema-model.ts');
const { SCHEMA_MODEL_OPTIONS } = load<{ SCHEMA_MODEL_OPTIONS: unknown }>('schema/model-options.ts');
const schema = buildSchemaModel(buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8')), SCHEMA_MODEL_OPTIONS);

const fieldsOf = (resource: string) => schema.getResource(resource).fields;

describe("the admin's model of the schema", () => {
  it("shows a unit's director and policy once, by name", () => {
    const names = fieldsOf('Unit').map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(['director', 'policy']));
    expect(names).not.toContain('directorId');
    expect(names).not.toContain('policyId');
    expect(fieldsOf('Unit').find((field) => field.name === 'director')?.type).toMatchObject({ kind: 'reference', resource: 'Staff' });
  });

  it("shows a member of staff's supervisor and unit by name, from their ids", () => {
    for (const [name, resource] of [
      ['supervisorId', 'Staff'],
      ['unitId', 'Unit'],
    ]) {
      expect(fieldsOf('Staff').find((field) => field.name === name)?.type).toMatchObject({ kind: 'reference', resource, byId: true });
    }
  });

  it("selects no field only its owner may read: a member of staff's language", () => {
    expect(fieldsOf('Staff').map((field) => field.name)).not.toContain('language');
    expect(schema.getResource('Staff').selection).not.toMatch(/\blanguage\b/);
  });
});
