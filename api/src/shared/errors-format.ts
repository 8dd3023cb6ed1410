import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { Logger } from './logger';
import { isTransientDatabaseError, ServiceUnavailableError } from './database-errors';
import { AppError, FieldCode, fieldExtensions, type FieldProblems } from './errors';

/** Codes Apollo and graphql-js produce for a request the caller got wrong: passed through as they are. */
const CALLER_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** class-validator's constraint names → our field codes (validators.ts's own names included). */
const CONSTRAINT_CODES: Record<string, FieldCode> = {
  isLength: FieldCode.LENGTH,
  maxLength: FieldCode.TOO_LONG,
  minLength: FieldCode.TOO_SHORT,
  min: FieldCode.TOO_SMALL,
  max: FieldCode.TOO_LARGE,
  isInt: FieldCode.NOT_A_WHOLE_NUMBER,
  isEmail: FieldCode.INVALID_EMAIL,
  isPhoneNumber: FieldCode.INVALID_PHONE,
  isUuid: FieldCode.INVALID_ID,
  isLocalDate: FieldCode.INVALID_DATE,
  matches: FieldCode.INVALID_FORMAT,
  isEnum: FieldCode.INVALID_CHOICE,
  isIn: FieldCode.INVALID_CHOICE,
  isBoolean: FieldCode.INVALID_CHOICE,
  arrayUnique: FieldCode.DUPLICATE_ITEMS,
  arrayNotEmpty: FieldCode.EMPTY_LIST,
  arrayMaxSize: FieldCode.TOO_MANY_ITEMS,
  contactRequired: FieldCode.CONTACT_REQUIRED,
};

/** The parameters of a constraint, read from the rule itself (class-validator's metadata of the input class). */
function paramsOf(error: ValidationError, name: string): Record<string, unknown> | undefined {
  const target = error.target?.constructor;
  const rule = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .find((candidate) => candidate.propertyName === error.property && (candidate.name ?? candidate.type) === name)
    : undefined;
  const constraints = (rule?.constraints ?? []) as unknown[];
  const context = error.contexts?.[name] as Record<string, unknown> | undefined;
  const base: Record<string, unknown> | undefined =
    name === 'isLength'
      ? { min: constraints[0], max: constraints[1] }
      : name === 'maxLength' || name === 'max' || name === 'arrayMaxSize'
        ? { max: constraints[0] }
        : name === 'minLength' || name === 'min'
          ? { min: constraints[0] }
          : typeof constraints[0] === 'object' && constraints[0] !== null && !(constraints[0] instanceof RegExp)
            ? (constraints[0] as Record<string, unknown>)
            : undefined;
  const { code: _code, ...extra } = context ?? {};
  return base || Object.keys(extra).length ? { ...base, ...extra } : undefined;
}

/** A code a validator of ours chose for this failure (validators.ts sets it in the error's context). */
function codeOf(error: ValidationError, name: string): string {
  const context = error.contexts?.[name] as { code?: unknown } | undefined;
  return typeof context?.code === 'string' ? context.code : (CONSTRAINT_CODES[name] ?? FieldCode.INVALID);
}

export function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldProblems {
  const fields: FieldProblems = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      const [name] = constraints[0];
      const params = paramsOf(error, name);
      fields[path] = { code: codeOf(error, name), message: constraints.map(([, message]) => message).join('; '), ...(params ? { params } : {}) };
    }
    if (error.children?.length) Object.assign(fields, flattenValidationErrors(error.children, path));
  }
  return fields;
}

function isValidationErrorList(value: unknown): value is ValidationError[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'property' in item);
}

/** graphql-js suggests names of the schema in its messages ("Did you mean the enum value …?"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * One formatter for every error that leaves the API: our own errors and the caller's mistakes keep
 * their message and code; a database that cannot serve now answers SERVICE_UNAVAILABLE (retryable);
 * anything else is logged with an id and answered with that id only — no stack trace, no SQL, no
 * internals. In production no message names the schema's fields, types or values it was not asked for.
 */
export function createErrorFormatter(logger: Logger, { hideSuggestions = false }: { hideSuggestions?: boolean } = {}) {
  const format = createFormatter(logger);
  if (!hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const answer = format(formatted, raw);
    const message = answer.message.replace(SUGGESTION, '');
    return message === answer.message ? answer : { ...answer, message };
  };
}

function createFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(raw);
    const code = formatted.extensions?.code;

    if (error instanceof GraphQLError && isValidationErrorList(error.extensions.validationErrors)) {
      const fields = flattenValidationErrors(error.extensions.validationErrors);
      const summary = Object.entries(fields)
        .map(([field, { message }]) => `${field}: ${message}`)
        .join('; ');
      return {
        message: `Invalid input. ${summary}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', ...fieldExtensions(fields) },
      };
    }
    if (error instanceof AppError || (error instanceof GraphQLError && typeof code === 'string' && CALLER_CODES.has(code))) {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Apollo's own refusals of a request (a persisted query whose hash does not match, ...) carry a 4xx but no code.
    const httpStatus = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
    if (!formatted.path && httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
    }

    if (isTransientDatabaseError(error) || isTransientDatabaseError((error as { originalError?: unknown } | undefined)?.originalError)) {
      logger.warn('database could not serve a request', { path: formatted.path, error: error instanceof Error ? error.message : String(error) });
      const unavailable = new ServiceUnavailableError();
      return {
        message: unavailable.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: unavailable.extensions.retryAfterSeconds },
      };
    }

    const errorId = randomUUID();
    logger.error('unexpected error', {
      errorId,
      path: formatted.path,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
    return {
      message: `Internal error; it was logged with id ${errorId}.`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}
