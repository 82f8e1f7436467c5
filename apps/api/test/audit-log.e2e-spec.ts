import { InternalEvent } from '@ledgerlens/contracts';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestFailure } from '../src/common/errors/request-failure';
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

interface LogEntry {
  id: string;
  action: string;
  category: string;
  result: string;
  severity: string;
  actorId: string | null;
  actorEmail: string | null;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
  userAgent: string | null;
  traceId: string | null;
  durationMs: number | null;
  message: string;
  metadata: Record<string, unknown>;
}

describe('action log (audit_events)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let user: SignedInUser;
  let categoryId: string;

  const logs = async (query: Record<string, string | number>, path = '/api/v1/audit-logs') =>
    (await testApp.http.get(path).query(query).set(admin.auth).expect(200)).body as {
      items: LogEntry[];
      total: number;
      page: number;
      limit: number;
    };

  beforeAll(async () => {
    // Inline writes: each success is in the table when its response arrives.
    testApp = await createTestApp({ ...ADMIN_ENV, AUDIT_LOGGING_ASYNC: 'false' });
    admin = await signInAdmin(testApp);
    user = await registerUser(testApp, 'actor');
    categoryId = (
      await testApp.http
        .post('/api/v1/categories')
        .set(user.auth)
        .send({ name: 'Food', kind: 'expense' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => testApp.close());

  it('records create, update and delete of a transaction with who, from where and which request', async () => {
    const agent = 'LedgerlensTest/1.0';
    const created = await testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .set('User-Agent', agent)
      .send({
        amountCents: 500,
        currency: 'EUR',
        description: 'Coffee',
        categoryId,
        occurredOn: '2026-11-03',
      })
      .expect(201);
    const id = created.body.id;
    const updated = await testApp.http
      .patch(`/api/v1/transactions/${id}`)
      .set(user.auth)
      .set('User-Agent', agent)
      .send({ amountCents: 650 })
      .expect(200);
    const deleted = await testApp.http
      .delete(`/api/v1/transactions/${id}`)
      .set(user.auth)
      .set('User-Agent', agent)
      .expect(204);

    const page = await logs({ resourceType: 'transaction', resourceId: id });
    expect(page.total).toBe(3);
    // Newest first.
    expect(page.items.map((entry) => entry.action)).toEqual([
      'transaction.delete',
      'transaction.update',
      'transaction.create',
    ]);
    const traceIds = [deleted, updated, created].map((response) => response.headers['x-trace-id']);
    page.items.forEach((entry, index) => {
      expect(entry).toMatchObject({
        category: 'data',
        result: 'success',
        severity: 'INFO',
        actorId: user.id,
        actorEmail: user.email,
        resourceId: id,
        userAgent: agent,
        ip: expect.stringMatching(/127\.0\.0\.1|::1/),
        traceId: traceIds[index],
        durationMs: expect.any(Number),
      });
    });
    expect(page.items[1].message).toBe(`Updated transaction ${id}`);
    expect(page.items[1].metadata).toMatchObject({
      method: 'PATCH',
      statusCode: 200,
      body: { amountCents: 650 },
    });
    const single = await testApp.http
      .get(`/api/v1/audit-logs/${page.items[0].id}`)
      .set(admin.auth)
      .expect(200);
    expect(single.body.action).toBe('transaction.delete');
  });

  it('records sign-ins, failed sign-ins with the attempted email (under errors), and redacts passwords', async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    await testApp.http
      .post('/api/v1/auth/login')
      .send({ email, password: 'wrong-password-123' })
      .expect(401);
    const failure = await eventually(async () => {
      const page = await logs({ action: 'auth.login', result: 'failure', q: 'Invalid email' });
      const attempt = page.items.find((entry) => entry.actorEmail === email);
      expect(attempt).toBeDefined();
      return attempt as LogEntry;
    });
    expect(failure).toMatchObject({
      category: 'authentication',
      severity: 'WARNING',
      actorId: null,
      actorEmail: email,
      message: expect.stringContaining('Invalid email or password'),
    });
    expect(failure.metadata.body).toEqual({ email, password: expect.stringMatching(/REDACTED/) });
    const errors = await logs({ action: 'auth.login' }, '/api/v1/audit-logs/errors');
    expect(errors.items.map((entry) => entry.id)).toContain(failure.id);
    expect(errors.items.every((entry) => entry.result === 'failure')).toBe(true);

    const signIns = await logs({ action: 'auth.login', result: 'success', userId: admin.id });
    expect(signIns.total).toBeGreaterThanOrEqual(1);
    expect(signIns.items[0].actorEmail).toBe(ADMIN_ENV.ADMIN_EMAIL);
    const stored = JSON.stringify(
      await testApp.dataSource.query(`SELECT metadata, message FROM audit_events`),
    );
    expect(stored).not.toContain('wrong-password-123');
    expect(stored).not.toContain('correct horse battery');
  });

  it('records every 401 and 403, also on reads, and refreshes, logouts and token reuse', async () => {
    await testApp.http.get('/api/v1/transactions').expect(401);
    await testApp.http.get('/api/v1/users').set(user.auth).expect(403);
    const denied = await eventually(async () => {
      const page = await logs({ userId: user.id, result: 'failure', resourceType: 'user' });
      expect(page.total).toBe(1);
      return page.items[0];
    });
    expect(denied).toMatchObject({ category: 'roles', severity: 'WARNING', action: 'user.get' });
    const unauthenticated = await eventually(async () => {
      const page = await logs({ action: 'transaction.get', result: 'failure' });
      expect(page.total).toBeGreaterThanOrEqual(1);
      return page.items[0];
    });
    expect(unauthenticated.category).toBe('authentication');

    const session = await registerUser(testApp, 'refresher');
    const refreshed = await testApp.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(200);
    await testApp.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
    // Reuse ended the whole sign-in, the access token the refresh gave included.
    await testApp.http
      .post('/api/v1/auth/logout')
      .set({ Authorization: `Bearer ${refreshed.body.accessToken}` })
      .expect(401);
    const again = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: session.email, password: 'correct horse battery' })
      .expect(200);
    await testApp.http
      .post('/api/v1/auth/logout')
      .set({ Authorization: `Bearer ${again.body.accessToken}` })
      .expect(204);
    await eventually(async () => {
      const page = await logs({ userId: session.id });
      const actions = page.items.map((entry) => `${entry.action}:${entry.result}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          'auth.register:success',
          'auth.refresh:success',
          'auth.token_reuse:failure',
          'auth.logout:success',
        ]),
      );
      const reuse = page.items.find((entry) => entry.action === 'auth.token_reuse');
      expect(reuse?.severity).toBe('CRITICAL');
      expect(JSON.stringify(page.items)).not.toContain(session.refreshToken);
    });
    // The refused refresh itself names no user (its token was the only credential).
    const refusedRefresh = await logs({ action: 'auth.refresh', result: 'failure' });
    expect(refusedRefresh.items[0].message).toMatch(/already used/);
    expect(JSON.stringify(refusedRefresh.items)).not.toContain(session.refreshToken);
  });

  it('records a server error as an error event with its stack (admins only)', async () => {
    await testApp.dataSource.query('REVOKE SELECT ON categories FROM ledgerlens_app');
    try {
      const response = await testApp.http.get('/api/v1/categories').set(user.auth).expect(500);
      expect(JSON.stringify(response.body)).not.toMatch(/stack|permission/);
    } finally {
      await testApp.dataSource.query('GRANT SELECT ON categories TO ledgerlens_app');
    }
    const entry = await eventually(async () => {
      const page = await logs({ action: 'error.unhandled' }, '/api/v1/audit-logs/errors');
      expect(page.total).toBe(1);
      return page.items[0];
    });
    expect(entry).toMatchObject({ category: 'error', severity: 'ERROR', result: 'failure' });
    expect(entry.metadata.stack).toEqual(expect.stringContaining('permission denied'));
    await testApp.http.get('/api/v1/audit-logs/errors').set(user.auth).expect(403);
  });

  it('records a failed request from the event the exception filter announces it with', async () => {
    const events = testApp.app.get(EventEmitter2);
    const announced: RequestFailure[] = [];
    const listener = (failure: RequestFailure) => announced.push(failure);
    events.on(InternalEvent.RequestFailed, listener);
    const id = randomUUID();
    let response;
    try {
      response = await testApp.http.delete(`/api/v1/transactions/${id}`).set(user.auth).expect(404);
    } finally {
      events.off(InternalEvent.RequestFailed, listener);
    }
    expect(announced).toEqual([
      expect.objectContaining({
        status: 404,
        message: response.body.message,
        request: expect.objectContaining({ method: 'DELETE' }),
      }),
    ]);
    const entry = await eventually(async () => {
      const page = await logs({ action: 'transaction.delete', result: 'failure' });
      const found = page.items.find((item) => item.resourceId === id);
      expect(found).toBeDefined();
      return found as LogEntry;
    });
    expect(entry).toMatchObject({
      category: 'data',
      severity: 'WARNING',
      actorId: user.id,
      traceId: response.headers['x-trace-id'],
      message: `transaction.delete failed (404): ${response.body.message}`,
    });
  });

  it('records a request failure announced by anything, as the exception filter announces one', async () => {
    const failure: RequestFailure = {
      request: {
        method: 'DELETE',
        originalUrl: '/api/v1/widgets/w-42',
        path: '/api/v1/widgets/w-42',
        route: { path: '/api/v1/widgets/:id' },
        params: { id: 'w-42' },
        headers: { 'user-agent': 'EventTest/1.0' },
        ip: '203.0.113.9',
      } as unknown as Request,
      status: 409,
      message: 'Already gone',
    };
    testApp.app.get(EventEmitter2).emit(InternalEvent.RequestFailed, failure);
    const entry = await eventually(async () => {
      const page = await logs({ action: 'widget.delete' });
      expect(page.total).toBe(1);
      return page.items[0];
    });
    expect(entry).toMatchObject({
      result: 'failure',
      category: 'data',
      severity: 'WARNING',
      resourceType: 'widget',
      resourceId: 'w-42',
      ip: '203.0.113.9',
      userAgent: 'EventTest/1.0',
      message: 'widget.delete failed (409): Already gone',
    });
  });

  it('filters by time, user, severity and text; pages of 50 by default up to 200', async () => {
    const all = await logs({});
    expect(all).toMatchObject({ page: 1, limit: 50 });
    expect(all.total).toBeGreaterThan(5);
    const times = all.items.map((entry) => (entry as unknown as { occurredAt: string }).occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await logs({ page: 2, limit: 2 });
    expect(second.items.map((entry) => entry.id)).toEqual(all.items.slice(2, 4).map((e) => e.id));
    expect((await logs({ from: '2999-01-01T00:00:00Z' })).total).toBe(0);
    expect((await logs({ to: '2000-01-01T00:00:00Z' })).total).toBe(0);
    const warnings = await logs({ severity: 'WARNING' });
    expect(warnings.items.every((entry) => entry.severity === 'WARNING')).toBe(true);
    const byIp = await logs({ q: '127.0.0' });
    expect(byIp.total).toBeGreaterThan(0);
    const literalPercent = await logs({ q: '100%' });
    expect(literalPercent.total).toBe(0);

    const bad = await testApp.http
      .get('/api/v1/audit-logs')
      .query({ limit: 201, from: 'yesterday', severity: 'LOUD', userId: 'me' })
      .set(admin.auth)
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['from', 'limit', 'severity', 'userId']);
    await testApp.http.get('/api/v1/audit-logs').set(user.auth).expect(403);
    await testApp.http.get(`/api/v1/audit-logs/${randomUUID()}`).set(admin.auth).expect(404);
  });

  it('serves the events contract: last 7 days by default, operation type, source and offset paging', async () => {
    const response = await testApp.http
      .get('/api/v1/audit/events')
      .query({ operation_type: 'auth.register', source: 'api-service', limit: 2, offset: 1 })
      .set(admin.auth)
      .expect(200);
    expect(response.body).toMatchObject({ limit: 2, offset: 1, total: expect.any(Number) });
    expect(response.body.events.length).toBeLessThanOrEqual(2);
    expect(response.body.events[0]).toEqual({
      id: expect.any(String),
      timestamp: expect.any(String),
      source: 'api-service',
      operator: expect.any(String),
      operation_type: 'auth.register',
      result: 'success',
      message: expect.any(String),
      extra_info: expect.any(Object),
    });
    const span = Date.parse(response.body.end_date) - Date.parse(response.body.start_date);
    expect(span).toBe(7 * 24 * 60 * 60 * 1000);
    const old = await testApp.http
      .get('/api/v1/audit/events')
      .query({ end_date: '2001-01-01T00:00:00Z' })
      .set(admin.auth)
      .expect(200);
    expect(old.body.total).toBe(0);
    await testApp.http
      .get('/api/v1/audit/events')
      .query({ limit: 1001 })
      .set(admin.auth)
      .expect(400);
  });

  it('records what auditOperation wraps, success and failure, and passes the error on', async () => {
    const recorder = testApp.app.get(AuditRecorder);
    const job = `job-${randomUUID()}`;
    await expect(
      recorder.auditOperation(
        { action: 'job.test', category: 'admin', source: 'background-job', message: job },
        async () => 42,
      ),
    ).resolves.toBe(42);
    await expect(
      recorder.auditOperation(
        { action: 'job.test', category: 'admin', source: 'background-job', message: job },
        async () => {
          throw new Error('disk full');
        },
      ),
    ).rejects.toThrow('disk full');
    await eventually(async () => {
      const page = await logs({ action: 'job.test', q: job });
      expect(page.items.map((entry) => entry.result).sort()).toEqual(['failure', 'success']);
      const failed = page.items.find((entry) => entry.result === 'failure');
      expect(failed).toMatchObject({
        severity: 'ERROR',
        actorId: null,
        durationMs: expect.any(Number),
      });
      expect(failed?.message).toContain('disk full');
    });
  });
});
