import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-errors';

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_NOT_NULL_VIOLATION = '23502';
export const PG_CHECK_VIOLATION = '23514';

interface PostgresDriverError {
  code?: string;
  constraint?: string;
  column?: string;
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
// Class 08 connection exceptions, 53 insufficient resources, 57P0x operator intervention
// (shutting down, starting up, not accepting connections, sessions terminated).
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0)/;
// The server ends the session with a FATAL error when it refuses or drops a connection, whatever
// the SQLSTATE: e.g. 55000 "database … is not currently accepting connections" (ALLOW_CONNECTIONS
// false) or 3D000 for a database that is gone. A query's own failure is never FATAL.
const SESSION_ENDING_SEVERITIES = new Set(['FATAL', 'PANIC']);
// pg reports a connection lost or never made with plain errors that carry no code.
const CONNECTION_LOST_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'timeout expired',
]);
/** How deep to look through wrappers (TypeORM's `driverError`, `cause`). */
const MAX_WRAPPING = 5;

interface ConnectionProblem {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

function saysUnavailable({ code, severity, message }: ConnectionProblem): boolean {
  if (
    typeof code === 'string' &&
    (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))
  ) {
    return true;
  }
  if (typeof severity === 'string' && SESSION_ENDING_SEVERITIES.has(severity)) return true;
  return typeof message === 'string' && CONNECTION_LOST_MESSAGES.has(message);
}

/**
 * True when the database could not be reached, refused or dropped the connection, or refused work
 * for lack of resources: the error itself or what it wraps (a TypeORM `QueryFailedError`'s
 * `driverError`, an error's `cause`), as pg, pg-pool and TypeORM report it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < MAX_WRAPPING && current && typeof current === 'object'; depth++) {
    const problem = current as ConnectionProblem;
    if (saysUnavailable(problem)) return true;
    current = problem.driverError ?? problem.cause;
  }
  return false;
}

/** True for errors of the data itself (SQLSTATE class 22 data exception, 23 integrity violation). */
export function isDataError(error: unknown): boolean {
  const code = driverErrorOf(error)?.code ?? '';
  return code.startsWith('22') || code.startsWith('23');
}
