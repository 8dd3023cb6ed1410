import { GraphQLError } from 'graphql';

/**
 * Errors a caller can act on. Each has a stable `extensions.code` (and its parameters); a field error
 * also carries, per field, `extensions.fieldCodes` ({ field: { code, params } }: what a program and the
 * admin's translations go by) and `extensions.fieldErrors` ({ field: English message }: for people
 * reading the API). Anything that is not an AppError is hidden by the error formatter (errors-format.ts).
 */
export class AppError extends GraphQLError {
  /** `http`: the status (and headers) of the whole response, when this error decides it (Apollo reads extensions.http). */
  constructor(code: string, message: string, extensions: Record<string, unknown> = {}, http?: number | { status: number; headers: Map<string, string> }) {
    super(message, { extensions: { code, ...extensions, ...(http ? { http: typeof http === 'number' ? { status: http } : http } : {}) } });
  }
}

/** The codes of what can be wrong with one field (the admin has a Dutch message for each, with its params). */
export enum FieldCode {
  REQUIRED = 'REQUIRED',
  /** params: min, max */
  LENGTH = 'LENGTH',
  /** params: max */
  TOO_LONG = 'TOO_LONG',
  /** params: min */
  TOO_SHORT = 'TOO_SHORT',
  /** params: min */
  TOO_SMALL = 'TOO_SMALL',
  /** params: max */
  TOO_LARGE = 'TOO_LARGE',
  NOT_A_WHOLE_NUMBER = 'NOT_A_WHOLE_NUMBER',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_ID = 'INVALID_ID',
  INVALID_DATE = 'INVALID_DATE',
  /** params (optional): format, max */
  INVALID_FORMAT = 'INVALID_FORMAT',
  INVALID_CHOICE = 'INVALID_CHOICE',
  DUPLICATE_ITEMS = 'DUPLICATE_ITEMS',
  EMPTY_LIST = 'EMPTY_LIST',
  /** params: max */
  TOO_MANY_ITEMS = 'TOO_MANY_ITEMS',
  CONTROL_CHARACTER = 'CONTROL_CHARACTER',
  /** params: from, to (years) */
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  IN_THE_FUTURE = 'IN_THE_FUTURE',
  IN_THE_PAST = 'IN_THE_PAST',
  /** params (optional): after (the field it must come after) */
  BEFORE_START = 'BEFORE_START',
  DOES_NOT_EXIST = 'DOES_NOT_EXIST',
  ALREADY_IN_USE = 'ALREADY_IN_USE',
  NO_ACTIVE_STAFF = 'NO_ACTIVE_STAFF',
  NO_ACTIVE_PARTY = 'NO_ACTIVE_PARTY',
  NOT_A_HANDLER = 'NOT_A_HANDLER',
  IS_SUBJECT = 'IS_SUBJECT',
  CONTACT_REQUIRED = 'CONTACT_REQUIRED',
  ID_OR_REFERENCE_REQUIRED = 'ID_OR_REFERENCE_REQUIRED',
  NO_FORWARD_TARGET = 'NO_FORWARD_TARGET',
  NOT_IN_WRITING = 'NOT_IN_WRITING',
  /** params: closed (YYYY-MM-DD) */
  AFTER_OBJECTION_WINDOW = 'AFTER_OBJECTION_WINDOW',
  CONSENT_MISSING = 'CONSENT_MISSING',
  NO_SUBJECT_EMPLOYEE = 'NO_SUBJECT_EMPLOYEE',
  COMPLAINANT_NOT_AGREED = 'COMPLAINANT_NOT_AGREED',
  ORGANISATION_NOT_AGREED = 'ORGANISATION_NOT_AGREED',
  REVIEW_CLOSED = 'REVIEW_CLOSED',
  FINDINGS_REQUIRED = 'FINDINGS_REQUIRED',
  /** params: kind */
  RULE_TWICE = 'RULE_TWICE',
  /** params: kind */
  SAME_DAY_AMOUNT = 'SAME_DAY_AMOUNT',
  /** params: kind */
  NOT_A_POLICY_RULE = 'NOT_A_POLICY_RULE',
  /** params: latest (YYYY-MM-DD) */
  AFTER_LONGEST_WAIT = 'AFTER_LONGEST_WAIT',
  OWN_SUPERVISOR = 'OWN_SUPERVISOR',
  /** params: field, allowed */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** The complaint has no address to write to by this channel. */
  NO_ADDRESS = 'NO_ADDRESS',
  UNKNOWN_CURSOR = 'UNKNOWN_CURSOR',
  UNKNOWN_POLICY = 'UNKNOWN_POLICY',
  KEY_REUSED = 'KEY_REUSED',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID = 'INVALID',
  /** Reopening is not possible from where the complaint stands (an objection or referral runs, it was archived). */
  REOPEN_NOT_POSSIBLE = 'REOPEN_NOT_POSSIBLE',
  /** The current password given is not the account's. */
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  /** A new password must differ from the current one. */
  SAME_AS_BEFORE = 'SAME_AS_BEFORE',
}

export interface FieldProblem {
  code: FieldCode | string;
  /** In English, for people reading the API. */
  message: string;
  params?: Record<string, unknown>;
}

/** `{ field: problem }` of an error. */
export type FieldProblems = Record<string, FieldProblem>;
/** `extensions.fieldErrors`: the messages. */
export type FieldErrors = Record<string, string>;

export function problem(code: FieldCode, message: string, params?: Record<string, unknown>): FieldProblem {
  return params ? { code, message, params } : { code, message };
}

/** The extensions a field error carries: the messages, and the codes with their parameters. */
export function fieldExtensions(fields: FieldProblems): {
  fieldErrors: FieldErrors;
  fieldCodes: Record<string, { code: string; params?: Record<string, unknown> }>;
} {
  return {
    fieldErrors: Object.fromEntries(Object.entries(fields).map(([field, { message }]) => [field, message])),
    fieldCodes: Object.fromEntries(Object.entries(fields).map(([field, { code, params }]) => [field, params ? { code, params } : { code }])),
  };
}

export class UserInputError extends AppError {
  constructor(message: string, fields: FieldProblems = {}, code = 'BAD_USER_INPUT', extensions: Record<string, unknown> = {}) {
    super(code, message, { ...extensions, ...fieldExtensions(fields) });
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
