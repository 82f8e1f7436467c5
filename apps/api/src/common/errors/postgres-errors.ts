import { QueryFailedError } from 'typeorm';
import { DependencyUnavailableError, DomainError } from './domain-errors';

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_NOT_NULL_VIOLATION = '23502';
export const PG_CHECK_VIOLATION = '23514';

interface PostgresDriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

export function driverErrorOf(error: unknown): PostgresDriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PostgresDriverError;
  return undefined;
}

/** The violated constraint's name when `error` is a PostgreSQL constraint error with that SQLSTATE. */
export function violatedConstraint(error: unknown, sqlState: string): string | undefined {
  const driverError = driverErrorOf(error);
  return driverError?.code === sqlState ? driverError.constraint : undefined;
}

/**
 * Rethrows a constraint violation as the domain error its constraint names, so callers can say
 * which field clashed ("a category named 'Food' already exists"); other errors pass unchanged.
 */
export function translateConstraintError(
  error: unknown,
  byConstraint: Record<string, () => DomainError>,
): never {
  const constraint = driverErrorOf(error)?.constraint;
  const translate = constraint ? byConstraint[constraint] : undefined;
  throw translate ? translate() : error;
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND']);
// Class 08 connection exceptions, 53 insufficient resources, 57P0x operator intervention.
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0)/;

/** True when the database could not be reached or refused work for lack of resources. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code);
}

export function databaseUnavailable(): DependencyUnavailableError {
  return new DependencyUnavailableError('The database is unavailable; try again shortly');
}

/** True for errors of the data itself (SQLSTATE class 22 data exception, 23 integrity violation). */
export function isDataError(error: unknown): boolean {
  const code = driverErrorOf(error)?.code ?? '';
  return code.startsWith('22') || code.startsWith('23');
}
