import { QueryFailedError } from 'typeorm';

/** The constraint a statement violated, when it was a unique violation (SQLSTATE 23505). */
export function uniqueViolation(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}

/** The constraint a statement violated, when it was a foreign key violation (SQLSTATE 23503). */
export function foreignKeyViolation(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23503' ? driverError.constraint : undefined;
}

/** A REPEATABLE READ transaction met a concurrent change to a row it wrote (SQLSTATE 40001). */
export function isSerializationFailure(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '40001';
}
