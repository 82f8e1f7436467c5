import type { AppLogRecord } from '../logging';
import { logRecordOf } from './log-records';
import { operationOf, tableOf } from './query-spans';

const record = (overrides: Partial<AppLogRecord> = {}): AppLogRecord => ({
  loggedAt: '2026-12-06T10:00:00.000Z',
  level: 'warn',
  source: 'backend',
  module: 'http',
  message: 'request completed',
  traceId: 'a'.repeat(32),
  userId: null,
  requestMethod: 'GET',
  requestPath: '/api/v1/auth/me',
  statusCode: 401,
  durationMs: 3,
  extraData: { nested: { depth: 1 }, list: [1, 'two'] },
  clientId: null,
  ...overrides,
});

describe('OTel log records of stored lines', () => {
  it.each([
    ['trace', 1, 'TRACE'],
    ['debug', 5, 'DEBUG'],
    ['info', 9, 'INFO'],
    ['warn', 13, 'WARN'],
    ['error', 17, 'ERROR'],
    ['fatal', 21, 'FATAL'],
  ] as const)('map %s to severity %i', (level, severityNumber, severityText) => {
    expect(logRecordOf(record({ level }), 'a'.repeat(32))).toMatchObject({
      severityNumber,
      severityText,
    });
  });

  it('keep the time, message, columns and extra data', () => {
    expect(logRecordOf(record(), 'a'.repeat(32))).toEqual({
      timestamp: new Date('2026-12-06T10:00:00.000Z'),
      severityNumber: 13,
      severityText: 'WARN',
      body: 'request completed',
      attributes: {
        nested: { depth: 1 },
        list: [1, 'two'],
        'ledgerlens.source': 'backend',
        'ledgerlens.module': 'http',
        'http.request.method': 'GET',
        'url.path': '/api/v1/auth/me',
        'http.response.status_code': 401,
        'ledgerlens.duration_ms': 3,
      },
    });
  });

  it('keep a trace ID the record is not exported under as an attribute', () => {
    const attributes = logRecordOf(record({ traceId: 'caller-id' }), 'a'.repeat(32)).attributes;
    expect(attributes?.['ledgerlens.trace_id']).toBe('caller-id');
  });
});

describe('statement names', () => {
  it.each([
    ['SELECT "t"."id" FROM "transactions" "t" WHERE 1=1', 'SELECT', 'transactions'],
    ['/* note */ INSERT INTO "public"."budgets" ("id") VALUES ($1)', 'INSERT', 'public.budgets'],
    ['UPDATE users SET x = $1', 'UPDATE', 'users'],
    ['COMMIT', 'COMMIT', undefined],
  ])('%s', (sql, operation, table) => {
    expect(operationOf(sql)).toBe(operation);
    expect(tableOf(sql)).toBe(table);
  });
});
