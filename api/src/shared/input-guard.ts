import {
  getNamedType,
  getNullableType,
  GraphQLID,
  GraphQLString,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { FieldCode, NotFoundError, UserInputError, type FieldProblems } from './errors';
import { isLocalDate } from './validators';

/**
 * What every argument must look like before any resolver (and so any SQL) sees it, checked in one place
 * for every root field of the schema: the shape checks graphql-js does not do.
 *
 * - an ID is a UUID (or, where a field or input field says `@Extensions({ idFormat: 'date' })`, a date
 *   between 2000 and 2100);
 * - a string has no control characters (PostgreSQL refuses NUL), is NFC-normalised and trimmed (except
 *   passwords, kept exactly as sent) and is never longer than maxString: each field's own maximum is its
 *   class-validator rule;
 * - a list has at most MAX_LIST_ITEMS items;
 * - a moment lies between 1990 and 2199 (receipt, periods, hearings, contacts, filters): wide enough for
 *   "since ever" and "until whenever" of a filter, narrow enough that no count of days runs away.
 */
export const INPUT_LIMITS = {
  /** No text field of the graph accepts more (the longest, review findings, takes 50 000). */
  maxString: 50_000,
  maxListItems: 500,
  earliest: new Date('1990-01-01T00:00:00Z'),
  /** Exclusive. */
  latest: new Date('2200-01-01T00:00:00Z'),
} as const;

/** Argument and input field names whose strings are kept exactly as sent. */
const VERBATIM = new Set(['password']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// C0 controls except tab, line feed and carriage return; DEL; lone surrogates cannot be stored either.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type IdFormat = 'uuid' | 'date';

interface Problem {
  path: string;
  code: FieldCode;
  message: string;
  params?: Record<string, unknown>;
  /** The field asked for by id does not exist: NOT_FOUND rather than a field error. */
  notFound?: boolean;
}

function idFormatOf(field: { extensions?: Record<string, unknown> | null }, inherited: IdFormat): IdFormat {
  const format = field.extensions?.idFormat;
  return format === 'date' || format === 'uuid' ? format : inherited;
}

/**
 * Checks (and normalises in place) `value` of `type` at `path`; returns the value to keep.
 * `name` is the argument or input field name, `idFormat` what an ID must look like here.
 */
function check(value: unknown, type: GraphQLInputType, path: string, name: string, idFormat: IdFormat, problems: Problem[]): unknown {
  if (value === null || value === undefined) return value;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (!Array.isArray(value)) return value;
    if (value.length > INPUT_LIMITS.maxListItems) {
      problems.push({
        path,
        code: FieldCode.TOO_MANY_ITEMS,
        message: `at most ${INPUT_LIMITS.maxListItems} items`,
        params: { max: INPUT_LIMITS.maxListItems },
      });
      return value;
    }
    for (let index = 0; index < value.length; index++) value[index] = check(value[index], inner.ofType, `${path}.${index}`, name, idFormat, problems);
    return value;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const fields = inner.getFields();
    for (const key of Object.keys(record)) {
      const field: GraphQLInputField | undefined = fields[key];
      if (field) record[key] = check(record[key], field.type, path ? `${path}.${key}` : key, key, idFormatOf(field, 'uuid'), problems);
    }
    return record;
  }
  if (!isScalarType(inner)) return value;
  if (inner === GraphQLID) {
    const text = String(value);
    const valid = idFormat === 'date' ? isLocalDate(text) : UUID.test(text);
    if (!valid) {
      problems.push(
        idFormat === 'date'
          ? { path, code: FieldCode.INVALID_DATE, message: 'must be a date as YYYY-MM-DD between 2000 and 2100', notFound: path === 'id' }
          : { path, code: FieldCode.INVALID_ID, message: 'is not a valid id', notFound: path === 'id' },
      );
    }
    return valid ? text.toLowerCase() : value;
  }
  if (inner === GraphQLString && typeof value === 'string') {
    if (FORBIDDEN_CHARACTERS.test(value)) {
      problems.push({ path, code: FieldCode.CONTROL_CHARACTER, message: 'contains a control character' });
      return value;
    }
    if (value.length > INPUT_LIMITS.maxString) {
      problems.push({ path, code: FieldCode.TOO_LONG, message: `at most ${INPUT_LIMITS.maxString} characters`, params: { max: INPUT_LIMITS.maxString } });
      return value;
    }
    // A password is compared with a hash of exactly what was set: not even normalised.
    return VERBATIM.has(name) ? value : value.normalize('NFC').trim();
  }
  if (value instanceof Date) {
    if (value < INPUT_LIMITS.earliest || value >= INPUT_LIMITS.latest)
      problems.push({ path, code: FieldCode.OUT_OF_RANGE, message: 'must lie between the years 1990 and 2199', params: { from: 1990, to: 2199 } });
    return value;
  }
  return value;
}

/** `input.complainant.name` is reported as `complainant.name`, as class-validator's field errors are. */
function reportedPath(argument: GraphQLArgument, path: string): string {
  return argument.name === 'input' && path.startsWith('input.') ? path.slice('input.'.length) : path;
}

export function checkArguments(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): void {
  const problems: Problem[] = [];
  const fieldIdFormat = idFormatOf(field, 'uuid');
  for (const argument of field.args) {
    if (!(argument.name in args)) continue;
    const before = problems.length;
    const checked = check(args[argument.name], argument.type, argument.name, argument.name, fieldIdFormat, problems);
    if (problems.length === before) args[argument.name] = checked;
    for (const problem of problems.slice(before)) problem.path = reportedPath(argument, problem.path);
  }
  if (problems.length === 0) return;
  if (problems.length === 1 && problems[0].notFound) throw new NotFoundError(getNamedType(field.type).name, String(args.id));
  const fields: FieldProblems = Object.fromEntries(
    problems.map(({ path, code, message, params }) => [path, params ? { code, message, params } : { code, message }]),
  );
  throw new UserInputError(`Invalid input. ${problems.map(({ path, message }) => `${path}: ${message}`).join('; ')}`, fields);
}

/** Wraps the resolver of every query and mutation with checkArguments. */
export function guardRootArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
      if (!resolve || field.args.length === 0) continue;
      field.resolve = (source, args, context, info) => {
        checkArguments(field, args as Record<string, unknown>);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
