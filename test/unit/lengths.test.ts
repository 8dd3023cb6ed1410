import { getMetadataStorage as validationMetadata } from 'class-validator';
import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { getMetadataStorage as graphMetadata } from 'type-graphql';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { entities } from '../../api/src/database/data-source';
import { createSchema } from '../../api/src/schema';
import { INPUT_LIMITS } from '../../api/src/shared/input-guard';
import { LENGTH } from '../../api/src/shared/lengths';

/**
 * Every string a caller can send has a maximum length (class-validator), and where a varchar column of
 * the same name stores it, the maximum is no more than the column holds: both come from shared/lengths.ts.
 * A phone of "+" and 40 digits (a regex of 6 to 40 characters after an optional +) or a content type of
 * 101 characters would be a 500 at the INSERT; here they are a failing test.
 */
type Target = abstract new (...args: never[]) => unknown;

/** The maximum length class-validator enforces on `target.property`, if any. */
function maxLengthOf(target: Target, property: string): number | undefined {
  const rules = validationMetadata()
    .getTargetValidationMetadatas(target as never, '', true, false)
    .filter((rule) => rule.propertyName === property);
  const limits = rules.flatMap((rule) => {
    const constraints = (rule.constraints ?? []) as unknown[];
    if (rule.name === 'maxLength') return [constraints[0] as number];
    if (rule.name === 'isLength') return [constraints[1] as number];
    const declared = constraints.find(
      (constraint): constraint is { maxLength: number } => typeof constraint === 'object' && constraint !== null && 'maxLength' in constraint,
    );
    return declared ? [declared.maxLength] : [];
  });
  return limits.length ? Math.min(...limits) : undefined;
}

interface ColumnLength {
  entity: string;
  property: string;
  length: number;
}

/** Every varchar column with a length, of every entity. */
function varcharColumns(): ColumnLength[] {
  const ours = new Set<unknown>(entities);
  return getMetadataArgsStorage().columns.flatMap((column) => {
    const { type, length } = column.options as { type?: unknown; length?: unknown };
    return ours.has(column.target) && type === 'varchar' && typeof length === 'number'
      ? [{ entity: (column.target as { name: string }).name, property: column.propertyName, length }]
      : [];
  });
}

/**
 * The column an input field fills: of the entity the input is named after (CreateUnitInput → Unit,
 * ComplainantInput → Complainant), else the shortest column of that name anywhere (LoginArgs.email).
 */
function columnFor(input: string, property: string, columns: ColumnLength[]): ColumnLength | undefined {
  const named = columns.filter((column) => column.property === property);
  const entity = entities
    .map((candidate) => candidate.name)
    .filter((name) => input.includes(name))
    .sort((a, b) => b.length - a.length)[0];
  const own = named.find((column) => column.entity === entity);
  if (entity) return own;
  return named.sort((a, b) => a.length - b.length)[0];
}

const isString = (type: GraphQLInputType) => getNamedType(type).name === 'String';

describe('string inputs and their columns', () => {
  let stringFields: Array<{ where: string; target: Target; property: string }>;

  beforeAll(async () => {
    const schema = await createSchema();
    const storage = graphMetadata();
    stringFields = [];
    // Input objects of the schema, by the class that declares them (fields of parent classes included).
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
      const declared = storage.inputTypes.find((input) => input.name === type.name);
      if (!declared) throw new Error(`no class for input ${type.name}`);
      for (const field of Object.values(type.getFields())) {
        if (isString(field.type)) stringFields.push({ where: `${type.name}.${field.name}`, target: declared.target as Target, property: field.name });
      }
    }
    // Arguments of queries and mutations: an ArgsType class, or a bare @Arg (which class-validator cannot check).
    const rootField = (name: string) => schema.getQueryType()!.getFields()[name] ?? schema.getMutationType()!.getFields()[name];
    for (const handler of [...storage.queries, ...storage.mutations]) {
      const args = rootField(handler.schemaName).args;
      for (const param of handler.params ?? []) {
        if (param.kind === 'arg' && isString(args.find((arg) => arg.name === param.name)!.type)) {
          stringFields.push({ where: `${handler.schemaName}(${param.name})`, target: Object as unknown as Target, property: param.name });
        }
        if (param.kind === 'args') {
          const argsClass = param.getType() as Target;
          const argsType = storage.argumentTypes.find((candidate) => candidate.target === argsClass);
          for (const field of argsType?.fields ?? []) {
            const arg = args.find((candidate) => candidate.name === field.schemaName);
            if (arg && isString(arg.type)) stringFields.push({ where: `${handler.schemaName}(${field.schemaName})`, target: argsClass, property: field.name });
          }
        }
      }
    }
  });

  it('finds the string inputs of the schema', () => {
    expect(stringFields.length).toBeGreaterThan(80);
  });

  it('gives every one of them a maximum length, none above what the input guard allows at all', () => {
    const unbounded = stringFields.filter(({ target, property }) => maxLengthOf(target, property) === undefined).map(({ where }) => where);
    expect(unbounded).toEqual([]);
    const tooLong = stringFields.filter(({ target, property }) => maxLengthOf(target, property)! > INPUT_LIMITS.maxString).map(({ where }) => where);
    expect(tooLong).toEqual([]);
  });

  it('never lets an input be longer than the varchar column it fills', () => {
    const columns = varcharColumns();
    expect(columnFor('ComplainantInput', 'phone', columns)).toEqual({ entity: 'Complainant', property: 'phone', length: 40 });
    expect(columnFor('AttachmentInput', 'contentType', columns)).toEqual({ entity: 'Attachment', property: 'contentType', length: 100 });
    const compared: string[] = [];
    const overflowing = stringFields.flatMap(({ where, target, property }) => {
      const column = columnFor(where.split(/[.(]/)[0], property, columns);
      const max = maxLengthOf(target, property);
      if (column) compared.push(where);
      return column && max !== undefined && max > column.length ? [`${where}: ${max} > ${column.entity}.${column.property} varchar(${column.length})`] : [];
    });
    expect(overflowing).toEqual([]);
    expect(compared.length).toBeGreaterThan(30);
  });

  it("gives the admin's inputs the API's maxima: from LENGTH, the one of the field they fill", () => {
    // every maxLength in the admin's forms names a LENGTH constant, and the API enforces that same
    // maximum on a field of that name: a form never refuses what the API takes, nor lets through what it refuses
    const root = path.resolve(__dirname, '../../admin/src');
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'gql') walk(file);
        else if (file.endsWith('.tsx')) sources.push(fs.readFileSync(file, 'utf8'));
      }
    };
    walk(root);
    const literal = sources.flatMap((source) => source.match(/maxLength\(\s*[\d_]+\s*\)/g) ?? []);
    expect(literal).toEqual([]);
    const apiMaxima = new Map<string, Set<number>>();
    for (const { target, property } of stringFields) {
      const max = maxLengthOf(target, property);
      if (max !== undefined) apiMaxima.set(property, new Set([...(apiMaxima.get(property) ?? []), max]));
    }
    const uses = sources.flatMap((source) =>
      [...source.matchAll(/<(TextInput|LongText)\s+source="(?:\w+\.)?(\w+)"([^>]*?)\/>/gs)].map(([, tag, field, props]) => {
        const constant = /maxLength\(LENGTH\.(\w+)\)|max=\{LENGTH\.(\w+)\}/.exec(props);
        return { field, constant: constant ? (constant[1] ?? constant[2]) : tag === 'LongText' ? 'text' : undefined };
      }),
    );
    const checked = uses.filter((use) => apiMaxima.has(use.field));
    const mismatched = checked
      .filter(({ field, constant }) => constant === undefined || !apiMaxima.get(field)!.has(LENGTH[constant as keyof typeof LENGTH]))
      .map(
        ({ field, constant }) => `${field}: ${constant ? `LENGTH.${constant}` : 'no maximum'} but the API allows ${[...apiMaxima.get(field)!].join(' or ')}`,
      );
    expect(mismatched).toEqual([]);
    expect(checked.length).toBeGreaterThan(20);
  });
});
