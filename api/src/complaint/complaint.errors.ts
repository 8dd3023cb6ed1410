import { AppError, ConflictError, FieldCode, fieldExtensions, problem, UserInputError, type FieldProblems } from '../shared/errors';

export class InvalidTransitionError extends AppError {
  constructor(message: string) {
    super('INVALID_TRANSITION', message);
  }
}

export class ConflictOfInterestError extends AppError {
  constructor(message: string, fields: FieldProblems = {}) {
    super('CONFLICT_OF_INTEREST', message, fieldExtensions(fields));
  }
}

export class UnknownPolicyError extends UserInputError {
  constructor(key: string) {
    super(`There is no policy "${key}".`, { policyKey: problem(FieldCode.UNKNOWN_POLICY, 'unknown policy') }, 'UNKNOWN_POLICY');
  }
}

export class ReceivedInFutureError extends UserInputError {
  constructor() {
    super('A complaint cannot be received in the future.', { receivedAt: problem(FieldCode.IN_THE_FUTURE, 'lies in the future') }, 'RECEIVED_IN_FUTURE');
  }
}

export class ReferenceNotFoundError extends UserInputError {
  constructor(field: string, what: string) {
    super(`${what} does not exist.`, { [field]: problem(FieldCode.DOES_NOT_EXIST, 'does not exist') }, 'UNKNOWN_REFERENCE');
  }
}

/** The same idempotency key came with a different request: a client bug, never a silent drop of the second complaint. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super(
      'This idempotencyKey was used for a different complaint: use a new key for a new complaint.',
      'IDEMPOTENCY_KEY_REUSED',
      fieldExtensions({ idempotencyKey: problem(FieldCode.KEY_REUSED, 'was used for a different complaint') }),
    );
  }
}
