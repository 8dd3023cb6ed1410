import { AppError, FieldCode, fieldExtensions, problem } from '../shared/errors';

/** The objection came after its window: a DIRECTOR may accept it, with a reason. */
export class ObjectionLateError extends AppError {
  constructor(windowDueDate: string) {
    super('OBJECTION_LATE', `The objection window closed on ${windowDueDate}; a DIRECTOR may accept a late objection with a reason (acceptLateReason).`, {
      windowDueDate,
      ...fieldExtensions({
        receivedAt: problem(FieldCode.AFTER_OBJECTION_WINDOW, `after the objection window (closed ${windowDueDate})`, { closed: windowDueDate }),
      }),
    });
  }
}
