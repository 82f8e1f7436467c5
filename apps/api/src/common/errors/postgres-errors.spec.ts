import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './postgres-errors';

/** An error as pg builds it from a server's ErrorResponse. */
function serverError(message: string, code: string, severity: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  return Object.assign(error, { code, severity });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused TCP connection', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    [
      'shutting down (57P03)',
      serverError('the database system is shutting down', '57P03', 'FATAL'),
    ],
    [
      'not accepting connections (57P03)',
      serverError('the database system is not accepting connections', '57P03', 'FATAL'),
    ],
    ['a terminated session (57P01)', serverError('terminating connection', '57P01', 'FATAL')],
    [
      'a database closed to connections (FATAL 55000)',
      serverError('database "x" is not currently accepting connections', '55000', 'FATAL'),
    ],
    ['too many connections (53300)', serverError('too many connections', '53300', 'FATAL')],
    [
      'a connection lost under a query, wrapped by TypeORM',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
    ],
    [
      "pg-pool's connection timeout, with its cause",
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
  ])('true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a unique violation',
      new QueryFailedError('INSERT', [], serverError('dup', '23505', 'ERROR')),
    ],
    [
      'a query error of class 55 (ERROR)',
      serverError('not in prerequisite state', '55000', 'ERROR'),
    ],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
