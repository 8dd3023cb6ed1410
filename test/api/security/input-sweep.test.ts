import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * A generated sweep over every root field of the schema: for each argument, and each place inside it,
 * malformed values of that place's type (ids that are no UUID, strings with NUL or over-long, huge
 * lists, moments out of range, unknown enum values, crafted cursors), sent over real HTTP as a member
 * of staff who may call almost everything. No answer may be a 5xx or carry INTERNAL_SERVER_ERROR.
 */
const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../schema/schema.graphql'), 'utf8'));

type Json = unknown;

let app: TestApp;
let sweeper: Member;
const log: string[] = [];
/** Real ids, so that a malformed value next to them reaches as deep into the service as it can. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp({ env: { SUBMIT_RATE_LIMIT: '100000' }, log });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  sweeper = await staffMember(app, adminToken, ['ADMIN', 'DIRECTOR']);
  const target = await staffMember(app, adminToken, ['HANDLER']);
  const complaint = ok(await complaintSteps(app).register(sweeper.token));
  const first = async (list: string) => {
    const result = await app.graphql<Record<string, { items: Array<{ id: string }> }>>(`{ ${list}(perPage: 1) { items { id } } }`, {}, sweeper.token);
    return result.data![list].items[0]?.id ?? randomUUID();
  };
  Object.assign(ids, {
    Complaint: complaint.id,
    Staff: target.id,
    Unit: await first('unitList'),
    Category: await first('categoryList'),
    Policy: await first('policyList'),
    ExternalParty: await first('externalPartyList'),
  });
});
afterAll(() => app.stop());

/** The real id an ID argument or input field most likely names, by its name (or the field's type). */
function idFor(name: string, returnType: string): string {
  if (/staff|handler|chair|owner|director|supervisor|^toId$|agreedBy/i.test(name)) return ids.Staff;
  if (/unit/i.test(name)) return ids.Unit;
  if (/categor/i.test(name)) return ids.Category;
  if (/polic/i.test(name)) return ids.Policy;
  if (/party/i.test(name)) return ids.ExternalParty;
  if (/complaint/i.test(name)) return ids.Complaint;
  return ids[returnType] ?? randomUUID();
}

/** A plausible value of `type`: required input fields filled, optional ones left out. */
function sample(type: GraphQLInputType, name: string, returnType: string, depth = 0): Json {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType, name, returnType, depth + 1)];
  if (isInputObjectType(inner)) {
    if (depth > 4) return {};
    const value: Record<string, Json> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sample(field.type, field.name, returnType, depth + 1);
    }
    return value;
  }
  if (isEnumType(inner)) return inner.getValues()[0].value;
  switch (inner.name) {
    case 'ID':
      return idFor(name, returnType);
    case 'String':
      if (/date|periodStart|periodEnd/i.test(name)) return '2026-06-01';
      if (/email/i.test(name)) return 'sweep@example.org';
      if (/password/i.test(name)) return 'sweep-password-123';
      return 'Een geldige tekst voor de sweep';
    case 'Int':
      return name === 'year' ? 2026 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTimeISO':
      return new Date().toISOString();
    case 'JSONObject':
      return {};
    default:
      return null;
  }
}

/** Malformed values for a place of this type (its own shape checks are graphql-js's, and also fine). */
function malformed(type: GraphQLInputType, name: string, returnType: string): Array<[string, Json]> {
  const inner = getNullableType(type);
  if (isListType(inner)) return [['5000 items', Array.from({ length: 5_000 }, () => sample(inner.ofType, name, returnType))]];
  if (isInputObjectType(inner)) return [['empty object', {}]];
  if (isEnumType(inner)) return [['unknown enum value', 'NO_SUCH_VALUE']];
  if (!isScalarType(inner)) return [];
  switch (inner.name) {
    case 'ID':
      return [
        ['not a UUID', 'x'],
        ['SQL', "1' OR '1'='1"],
        ['almost a UUID', '00000000-0000-0000-0000-00000000000g'],
        ['4000 characters', 'a'.repeat(4_000)],
      ];
    case 'String':
      return [
        ['NUL', 'voor\u0000na'],
        ['lone surrogate', 'a\ud800b'],
        ['60 000 characters', 'x'.repeat(60_000)],
        ['50 000 characters', 'y'.repeat(50_000)],
        ['only spaces', '     '],
        ['crafted cursor', Buffer.from(JSON.stringify(['not a moment', "'; DROP TABLE complaint; --"])).toString('base64url')],
      ];
    case 'Int':
      return [
        ['largest Int', 2_147_483_647],
        ['smallest Int', -2_147_483_648],
      ];
    case 'Float':
      return [['huge', 1e308]];
    case 'DateTimeISO':
      return [
        ['1826', '1826-01-01T00:00:00Z'],
        ['9999', '9999-12-31T23:59:59Z'],
        ['30 February', '2026-02-30T00:00:00Z'],
      ];
    default:
      return [];
  }
}

interface Variant {
  field: string;
  at: string;
  label: string;
  args: Record<string, Json>;
}

/** Every place inside an argument's value: [path, type] pairs, down into input objects. */
function places(type: GraphQLInputType, at: string[], depth = 0): Array<[string[], GraphQLInputType]> {
  const found: Array<[string[], GraphQLInputType]> = [[at, type]];
  const inner = getNullableType(type);
  if (depth < 3 && isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) found.push(...places(field.type, [...at, field.name], depth + 1));
  }
  return found;
}

function setAt(target: Record<string, Json>, at: string[], value: Json, fill: (index: number) => Json): void {
  let cursor = target;
  for (let index = 0; index < at.length - 1; index++) {
    const next = cursor[at[index]];
    if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) cursor[at[index]] = fill(index);
    cursor = cursor[at[index]] as Record<string, Json>;
  }
  cursor[at[at.length - 1]] = value;
}

function variantsOf(field: GraphQLField<unknown, unknown>): Variant[] {
  const returnType = getNamedType(field.type).name;
  const base = Object.fromEntries(
    field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => [arg.name, sample(arg.type, arg.name, returnType)]),
  );
  const variants: Variant[] = [];
  for (const arg of field.args) {
    for (const [at, type] of places(arg.type, [arg.name])) {
      for (const [label, value] of malformed(type, at[at.length - 1], returnType)) {
        const args = structuredClone(base) as Record<string, Json>;
        // the containers on the way: the argument's own sample, then the nested input objects' samples
        setAt(args, at, value, (index) => {
          let type: GraphQLInputType = arg.type;
          for (const step of at.slice(1, index + 1)) {
            const inner = getNullableType(type);
            if (isInputObjectType(inner)) type = inner.getFields()[step].type;
          }
          return sample(type, at[index], returnType);
        });
        variants.push({ field: field.name, at: at.join('.'), label, args });
      }
    }
  }
  return variants;
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Record<string, Json>): string {
  const sent = field.args.filter((arg: GraphQLArgument) => arg.name in args);
  const declarations = sent.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = sent.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

describe('a sweep of malformed arguments over every root field', () => {
  jest.setTimeout(180_000);

  it.each([['query' as const], ['mutation' as const]])(
    'answers every malformed %s argument with a 4xx or a coded error, never INTERNAL_SERVER_ERROR',
    async (kind) => {
      const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      const variants = Object.values(root.getFields()).flatMap((field) => variantsOf(field).map((variant) => ({ ...variant, operation: field })));
      const failures: string[] = [];
      let sent = 0;
      await inBatches(variants, 6, async (variant) => {
        const result = await app.graphql(operation(kind, variant.operation, variant.args), variant.args as Record<string, unknown>, sweeper.token);
        sent += 1;
        const codes = (result.errors ?? []).map((error) => error.extensions?.code);
        if (result.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
          const errorId = result.errors?.find((error) => error.extensions?.errorId)?.extensions?.errorId;
          const logged = errorId ? log.find((line) => line.includes(String(errorId))) : undefined;
          failures.push(
            `${variant.field} ${variant.at} (${variant.label}): HTTP ${result.status} ${logged ? (JSON.parse(logged) as { error?: { message?: string } }).error?.message : JSON.stringify(result.errors?.[0]?.message)}`,
          );
        }
      });
      process.stdout.write(`${kind} sweep: ${sent} requests over ${Object.keys(root.getFields()).length} fields\n`);
      expect(sent).toBeGreaterThan(kind === 'query' ? 150 : 600);
      expect(failures).toEqual([]);
    },
  );
});
