import request from 'supertest';
import { AuditRecorder } from '../src/modules/audit/audit-recorder';
import { eventually } from './support/eventually';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';
import { withClient } from '../harness';
import { dropTestDatabase } from './support/test-database';

/** JSON text as the wire carries it: `\ud800` stays an escape, which JSON.stringify would also write. */
const rawJson = (text: string) => ({ body: text, type: 'application/json' });

const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

function expectFieldError(response: request.Response, field: string, pattern: RegExp): void {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ statusCode: 400, message: 'Validation failed' });
  expect(response.body.traceId).toBe(response.headers['x-trace-id']);
  expect(response.body.details[field]).toEqual(
    expect.arrayContaining([expect.stringMatching(pattern)]),
  );
}

describe('input PostgreSQL cannot store, prototype keys and deep nesting', () => {
  let testApp: TestApp;
  let user: SignedInUser;
  let admin: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp({ ...ADMIN_ENV, AUDIT_LOGGING_FLUSH_INTERVAL_MS: '20' });
    user = await registerUser(testApp, 'edge');
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  const post = (path: string, text: string, auth = user.auth) => {
    const { body, type } = rawJson(text);
    return testApp.http.post(path).set(auth).set('Content-Type', type).send(body);
  };

  it('refuses a NUL in a log export filter before any query, and keeps serving', async () => {
    const response = await post('/api/v1/logging/logs/export', '{"format":"json","q":"\\u0000"}');
    expectFieldError(response, 'q', /NUL/);
    await testApp.http.get('/api/v1/health').expect(200);
  });

  it('refuses a NUL in an audit export query parameter', async () => {
    const response = await testApp.http
      .get('/api/v1/audit-logs/export?action=a%00b')
      .set(admin.auth);
    expectFieldError(response, 'action', /NUL/);
  });

  it('refuses an encoded surrogate, a NUL and bytes that are not UTF-8 in a path', async () => {
    for (const path of ['a%00b', '%ED%A0%80', '%FF']) {
      const response = await testApp.http.get(`/api/v1/categories/${path}`).set(user.auth);
      expectFieldError(response, 'path', /NUL|UTF-8/);
    }
  });

  it('refuses a lone surrogate in a query value instead of reading it as a replacement character', async () => {
    const response = await testApp.http.get('/api/v1/transactions?q=%ED%A0%80').set(user.auth);
    expectFieldError(response, 'q', /UTF-8/);
  });

  it('refuses a lone surrogate in notes on create and update; nothing is written', async () => {
    const created = await post(
      '/api/v1/transactions',
      '{"amountCents":100,"currency":"EUR","type":"expense","description":"x","occurredOn":"2026-01-01","notes":"\\ud800"}',
    );
    expectFieldError(created, 'notes', /surrogate/);
    const list = await testApp.http.get('/api/v1/transactions').set(user.auth).expect(200);
    expect(list.body.total).toBe(0);

    const valid = await testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({
        amountCents: 100,
        currency: 'EUR',
        type: 'expense',
        description: 'x',
        occurredOn: '2026-01-01',
      })
      .expect(201);
    const patched = await testApp.http
      .patch(`/api/v1/transactions/${valid.body.id}`)
      .set(user.auth)
      .set('Content-Type', 'application/json')
      .send('{"notes":"ok \\udfff"}');
    expectFieldError(patched, 'notes', /surrogate/);
    const reread = await testApp.http.get(`/api/v1/transactions/${valid.body.id}`).set(user.auth);
    expect(reread.body.notes ?? null).toBeNull();
  });

  it('answers 400, not 500, to a lone surrogate in register and login fields', async () => {
    expectFieldError(
      await post(
        '/api/v1/auth/register',
        '{"email":"a@example.com","password":"long enough password","displayName":"\\ud800"}',
        {} as never,
      ),
      'displayName',
      /surrogate/,
    );
    expectFieldError(
      await post(
        '/api/v1/auth/login',
        '{"email":"\\ud800@example.com","password":"x"}',
        {} as never,
      ),
      'email',
      /surrogate/,
    );
  });

  it('answers 400 to JSON nested 10 000 levels deep on the open auth routes, and records the refusal', async () => {
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/auth/refresh']) {
      const response = await post(path, deepJson(10_000), {} as never);
      expectFieldError(response, 'body', /body is nested more than 32 levels/);
      const traceId = response.body.traceId as string;
      await eventually(async () => {
        const rows = await testApp.dataSource.query(
          'SELECT result FROM audit_events WHERE trace_id = $1',
          [traceId],
        );
        expect(rows).toEqual([{ result: 'failure' }]);
      });
    }
  });

  it('refuses prototype keys in a log batch', async () => {
    const entry = '{"level":"info","message":"m","timestamp":"2026-01-01T00:00:00Z"}';
    for (const key of ['constructor', '__proto__', 'prototype']) {
      const response = await post(
        '/api/v1/logging/logs/batch',
        `{"${key}":1,"entries":[${entry}]}`,
      );
      expectFieldError(response, key, /not an allowed field name/);
    }
  });

  it('refuses pages past the last one instead of asking for OFFSET Infinity', async () => {
    const lists = [
      ['/api/v1/transactions', user],
      ['/api/v1/categories', user],
      ['/api/v1/budgets', user],
      ['/api/v1/budgets/alerts', user],
      ['/api/v1/users', admin],
      ['/api/v1/audit-logs', admin],
      ['/api/v1/audit/changes', admin],
      ['/api/v1/logging/exceptions', admin],
      ['/api/v1/monitoring/slow-requests', admin],
    ] as const;
    for (const [path, who] of lists) {
      const response = await testApp.http.get(`${path}?page=1e308`).set(who.auth);
      expectFieldError(response, 'page', /page must not be greater than/);
    }
  });
});

describe('action log recorder and text it cannot store', () => {
  it('writes every other event of a batch when one is refused, and the odd one in a storable form', async () => {
    const testApp = await createTestApp({ AUDIT_LOGGING_FLUSH_INTERVAL_MS: '60000' });
    try {
      const recorder = testApp.app.get(AuditRecorder);
      for (let i = 0; i < 5; i++) {
        void recorder.record({ action: 'mixed.batch', category: 'admin', message: `event ${i}` });
      }
      void recorder.record({
        action: 'mixed.batch',
        category: 'admin',
        message: 'odd \ud800 one\u0000',
        metadata: { note: 'lone \udc00', nested: { nul: 'a\u0000b' } },
      });
      // Closing drains the queue: the six events go as one batch.
      await testApp.app.close();
      const stored = await withClient(testApp.databaseUrl, async (client) => {
        const result = await client.query(
          "SELECT message, metadata FROM audit_events WHERE action = 'mixed.batch' ORDER BY id",
        );
        return result.rows as { message: string; metadata: Record<string, unknown> }[];
      });
      expect(stored).toHaveLength(6);
      const odd = stored.find((row) => row.message.startsWith('odd'));
      expect(odd?.message).toBe('odd \ufffd one\ufffd');
      expect(odd?.metadata).toEqual({ note: 'lone \ufffd', nested: { nul: 'a\ufffdb' } });
    } finally {
      await dropTestDatabase(testApp.databaseUrl);
    }
  });
});
