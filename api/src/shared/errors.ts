import { GraphQLError } from 'graphql';

/**
 * Errors a caller can act on. Each has a stable `extensions.code`; validation errors also carry
 * `extensions.fieldErrors` ({ field: message }), which the admin maps onto its form fields.
 * Anything that is not an AppError is hidden by the error formatter (see errors-format.ts).
 */
export class AppError extends GraphQLError {
  /** `http`: the status (and headers) of the whole response, when this error decides it (Apollo reads extensions.http). */
  constructor(code: string, message: string, extensions: Record<string, unknown> = {}, http?: number | { status: number; headers: Map<string, string> }) {
    super(message, { extensions: { code, ...extensions, ...(http ? { http: typeof http === 'number' ? { status: http } : http } : {}) } });
  }
}

export type FieldErrors = Record<string, string>;

export class UserInputError extends AppError {
  constructor(message: string, fieldErrors: FieldErrors = {}, code = 'BAD_USER_INPUT') {
    super(code, message, { fieldErrors });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first: this needs a valid bearer token.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this.') {
    super('FORBIDDEN', message);
  }
}

/** Also what a caller gets for something that exists but that it may not see: no id guessing. */
export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} does not exist.`, { id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT', extensions: Record<string, unknown> = {}) {
    super(code, message, extensions);
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many attempts; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

/** Someone changed the record since the caller read it: reload and try again (optimistic lock). */
export class StaleVersionError extends ConflictError {
  constructor(what: string, sent: number, current: number) {
    super(`${what} was changed by someone else (version ${current}, you sent ${sent}): reload it and try again.`, 'STALE_VERSION', { currentVersion: current });
  }
}
