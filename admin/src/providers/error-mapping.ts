import { HttpError } from 'react-admin';
import { apiMessage, interpolate } from '../i18n/api-codes';

/** What the API puts in a GraphQL error (see schema/schema.graphql and the API's error formatter). */
interface ApiGraphQLError {
  message: string;
  extensions?: {
    code?: unknown;
    fieldErrors?: unknown;
    fieldCodes?: unknown;
    retryAfterSeconds?: unknown;
    errorId?: unknown;
    currentVersion?: unknown;
  };
}

/** The body of the HttpError the data provider throws; react-admin reads `errors` for forms. */
export interface ApiErrorBody {
  code: string;
  /** Field-level messages in react-admin's server-side validation format. */
  errors?: Record<string, string | { serverError: string }>;
  /** STALE_VERSION: the version the record has now. */
  currentVersion?: number;
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  INVALID_TRANSITION: 409,
  CONFLICT_OF_INTEREST: 409,
  OBJECTION_LATE: 400,
  HEARING_IN_PAST: 400,
  CONSENT_MISSING: 400,
  SETTLEMENT_NOT_AGREED: 400,
  IN_THE_FUTURE: 400,
  UNKNOWN_REFERENCE: 400,
  FINDINGS_REQUIRED: 400,
  REVIEW_CLOSED: 409,
  RATE_LIMITED: 429,
  TOO_MANY_REQUESTS: 429,
  IDEMPOTENCY_KEY_REUSED: 409,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * The message of an error's code in the panel's language (i18n/api-codes.ts), with the error's parameters; for a
 * code without one (CONFLICT, BAD_USER_INPUT without field errors, ...) the server's message, which is specific to
 * the case. Keys starting with `ra.` are translated by react-admin.
 */
const messageOf = (error: ApiGraphQLError, code: string): string => {
  const own = apiMessage('error', code);
  return own ? interpolate(own, error.extensions as Record<string, unknown>) : error.message || 'ra.notification.http_error';
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isApiGraphQLError = (value: unknown): value is ApiGraphQLError => isRecord(value) && typeof value.message === 'string';

/**
 * The GraphQL errors inside whatever was thrown: an ApolloError, or the HttpError that
 * ra-data-graphql wraps around it (with the ApolloError as body).
 */
const graphQLErrorsOf = (error: unknown): ApiGraphQLError[] => {
  const candidate = error instanceof HttpError ? error.body : error;
  if (!isRecord(candidate)) return [];
  if (Array.isArray(candidate.graphQLErrors) && candidate.graphQLErrors.length > 0) {
    return candidate.graphQLErrors.filter(isApiGraphQLError);
  }
  // A 503 (SERVICE_UNAVAILABLE) reaches Apollo Client as a network error that carries the body.
  const result = isRecord(candidate.networkError) ? candidate.networkError.result : undefined;
  return isRecord(result) && Array.isArray(result.errors) ? result.errors.filter(isApiGraphQLError) : [];
};

const codeOf = (error: ApiGraphQLError): string => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR');

/** `{ field: message }` from the codes of the fields, in the panel's language (the API's own English only for a code without one). */
const fieldErrorsOf = (errors: ApiGraphQLError[]): Record<string, string> => {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) {
    const messages = isRecord(error.extensions?.fieldErrors) ? error.extensions.fieldErrors : {};
    const codes = isRecord(error.extensions?.fieldCodes) ? error.extensions.fieldCodes : {};
    for (const path of new Set([...Object.keys(messages), ...Object.keys(codes)])) {
      const coded = codes[path];
      const code = isRecord(coded) && typeof coded.code === 'string' ? coded.code : undefined;
      const params = isRecord(coded) && isRecord(coded.params) ? coded.params : {};
      const own = code ? apiMessage('field', code) : undefined;
      const english = messages[path];
      // Accept `email` as well as `input.email`.
      fieldErrors[path.replace(/^input\./, '')] = own ? interpolate(own, params) : typeof english === 'string' ? english : 'ra.validation.required';
    }
  }
  return fieldErrors;
};

/** An error that never reached GraphQL execution: network down, proxy error, bad gateway. */
const isTransportError = (error: unknown): boolean => {
  // ra-data-graphql throws HttpError(networkError.message, statusCode) without a body
  if (error instanceof HttpError) return error.body == null;
  return isRecord(error) && 'networkError' in error && error.networkError != null;
};

/**
 * Turns any error from the API into an HttpError react-admin understands:
 * - validation errors (`extensions.fieldErrors`) into `{ errors: { field: message } }`, which
 *   react-admin shows under the form fields; messages for fields the form does not show go to
 *   `errors.root.serverError`, which react-admin shows as the notification;
 * - anything else into its message and an HTTP-like status derived from `extensions.code`.
 */
export const toHttpError = (error: unknown, formFields?: readonly string[]): HttpError => {
  // ra-data-graphql wraps what parseResponse throws in another HttpError
  if (error instanceof HttpError && error.body instanceof Error) {
    if (!('graphQLErrors' in error.body)) return toHttpError(error.body, formFields);
  }
  if (error instanceof HttpError && isRecord(error.body) && typeof error.body.code === 'string') {
    return error; // already mapped
  }
  const graphQLErrors = graphQLErrorsOf(error);
  const first = graphQLErrors[0];
  if (!first) {
    if (isTransportError(error)) {
      const status = error instanceof HttpError ? error.status : 0;
      return new HttpError('ra.notification.http_error', status, { code: 'NETWORK_ERROR' });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new HttpError(message, 500, { code: 'INTERNAL_SERVER_ERROR' });
  }

  const code = codeOf(first);
  const message = messageOf(first, code);
  const status = STATUS_BY_CODE[code] ?? 500;
  const fieldErrors = fieldErrorsOf(graphQLErrors);
  const currentVersion = first.extensions?.currentVersion;
  if (Object.keys(fieldErrors).length === 0) {
    return new HttpError(message, status, {
      code,
      ...(typeof currentVersion === 'number' ? { currentVersion } : {}),
    } satisfies ApiErrorBody);
  }

  const errors: NonNullable<ApiErrorBody['errors']> = {};
  const elsewhere: string[] = [];
  for (const [field, fieldMessage] of Object.entries(fieldErrors)) {
    if (!formFields || formFields.includes(field)) errors[field] = fieldMessage;
    else elsewhere.push(fieldMessage);
  }
  if (elsewhere.length > 0) errors.root = { serverError: elsewhere.join(' ') };
  return new HttpError(message, status, { code, errors } satisfies ApiErrorBody);
};

export const errorCodeOf = (error: unknown): string | undefined => {
  if (error instanceof HttpError && isRecord(error.body) && typeof error.body.code === 'string') {
    return error.body.code;
  }
  const first = graphQLErrorsOf(error)[0];
  return first ? codeOf(first) : undefined;
};

export const isUnauthenticated = (error: unknown): boolean => errorCodeOf(error) === 'UNAUTHENTICATED' || (error instanceof HttpError && error.status === 401);

/** What to tell a person about an error from dataProvider.graphql: its field messages (by code), else its message. */
export const errorText = (error: unknown): string => {
  if (error instanceof HttpError && isRecord(error.body) && isRecord(error.body.errors)) {
    const messages = Object.values(error.body.errors).filter((value): value is string => typeof value === 'string');
    if (messages.length) return messages.join('; ');
  }
  return error instanceof Error ? error.message : String(error);
};

/** An error's message for a notification (an i18n key or the API's text), or react-admin's "could not reach the server". */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : 'ra.notification.http_error');
