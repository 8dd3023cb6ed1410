import { AppError, ConflictError, UserInputError, type FieldErrors } from '../shared/errors';

export class InvalidTransitionError extends AppError {
  constructor(message: string) {
    super('INVALID_TRANSITION', message);
  }
}

export class ConflictOfInterestError extends AppError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super('CONFLICT_OF_INTEREST', message, { fieldErrors });
  }
}

export class UnknownPolicyError extends UserInputError {
  constructor(key: string) {
    super(`There is no policy "${key}".`, { policyKey: 'unknown policy' }, 'UNKNOWN_POLICY');
  }
}

export class ReceivedInFutureError extends UserInputError {
  constructor() {
    super('A complaint cannot be received in the future.', { receivedAt: 'lies in the future' }, 'RECEIVED_IN_FUTURE');
  }
}

export class ReferenceNotFoundError extends UserInputError {
  constructor(field: string, what: string) {
    super(`${what} does not exist.`, { [field]: 'does not exist' }, 'UNKNOWN_REFERENCE');
  }
}

/** The same idempotency key came with a different request: a client bug, never a silent drop of the second complaint. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super('This idempotencyKey was used for a different complaint: use a new key for a new complaint.', 'IDEMPOTENCY_KEY_REUSED', {
      fieldErrors: { idempotencyKey: 'was used for a different complaint' },
    });
  }
}
