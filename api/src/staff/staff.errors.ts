import { FieldCode, problem, UserInputError } from '../shared/errors';

export class EmailTakenError extends UserInputError {
  constructor(email: string) {
    super(`${email} already has an account.`, { email: problem(FieldCode.EMAIL_TAKEN, 'already has an account') }, 'EMAIL_TAKEN');
  }
}

export class LastAdminError extends UserInputError {
  constructor() {
    super('This is the last active ADMIN: keep at least one.', { roles: problem(FieldCode.INVALID, 'the last active ADMIN keeps ADMIN') }, 'LAST_ADMIN');
  }
}
