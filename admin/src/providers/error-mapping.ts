import { HttpError } from 'react-admin';
import { dutchFieldMessage } from '../i18n/api-messages';

/** What the API puts in a GraphQL error (see schema/schema.graphql and the API's error formatter). */
interface ApiGraphQLError {
  message: string;
  extensions?: {
    code?: unknown;
    fieldErrors?: unknown;
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
 * Dutch messages for codes whose server message is generic (and English). For the other codes
 * (CONFLICT, BAD_USER_INPUT without field errors, ...) the server's message is specific to the
 * case and is shown as it is. Keys starting with `ra.` are translated by react-admin.
 */
const DUTCH_MESSAGE_BY_CODE: Record<string, (error: ApiGraphQLError) => string> = {
  UNAUTHENTICATED: () => 'ra.notification.logged_out',
  FORBIDDEN: () => 'ra.notification.not_authorized',
  NOT_FOUND: () => 'ra.notification.item_doesnt_exist',
  // the optimistic lock of every record the panel edits
  STALE_VERSION: () => 'Iemand anders heeft dit intussen gewijzigd; herlaad de pagina en probeer opnieuw.',
  INVALID_TRANSITION: () => 'Deze stap is nu niet (meer) mogelijk bij deze klacht; herlaad de pagina.',
  CONFLICT_OF_INTEREST: () => 'De klacht gaat over deze medewerker: iemand anders moet haar behandelen.',
  OBJECTION_LATE: () => 'Het bezwaar is na de bezwaartermijn ontvangen; alleen een directeur kan het aanvaarden, met een reden.',
  REVIEW_CLOSED: () => 'Deze klachteninventarisatie is afgerond en kan niet meer worden gewijzigd.',
  FINDINGS_REQUIRED: () => 'Leg eerst de bevindingen vast; daarna kan de inventarisatie worden afgerond.',
  RATE_LIMITED: (error) => {
    const seconds = error.extensions?.retryAfterSeconds;
    return typeof seconds === 'number' ? `Te veel pogingen; probeer het over ${seconds} seconden opnieuw.` : 'Te veel pogingen; probeer het later opnieuw.';
  },
  SERVICE_UNAVAILABLE: () => 'De database is even druk of onbereikbaar; dit is niet uitgevoerd. Probeer het zo opnieuw.',
  INTERNAL_SERVER_ERROR: (error) => {
    const errorId = error.extensions?.errorId;
    return typeof errorId === 'string' ? `Er ging iets mis op de server (foutnummer ${errorId}).` : 'Er ging iets mis op de server.';
  },
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

const fieldErrorsOf = (errors: ApiGraphQLError[]): Record<string, string> => {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) {
    const value = error.extensions?.fieldErrors;
    if (!isRecord(value)) continue;
    for (const [path, message] of Object.entries(value)) {
      if (typeof message !== 'string') continue;
      // Accept `email` as well as `input.email`.
      fieldErrors[path.replace(/^input\./, '')] = dutchFieldMessage(message);
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
  const message = DUTCH_MESSAGE_BY_CODE[code]?.(first) ?? (first.message || 'ra.notification.http_error');
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
