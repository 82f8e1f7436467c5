import { AlertEventPayload, DomainEvent, RealtimeEvent } from '@ledgerlens/contracts';
import { Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createHmac, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { RealtimeServer } from '../src/modules/realtime/realtime-server';
import { closeClients, connectClient, listen, refusedHandshake } from './support/realtime-clients';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

/** The same token with other claims, signed with the test secret. */
function withClaims(token: string, secret: string, changes: Record<string, unknown>): string {
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, ...changes })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const today = () => new Date().toISOString().slice(0, 10);

// A file of its own app: backend log lines (live tail) go through the process-wide logger.
describe('real-time events over socket.io', () => {
  let testApp: TestApp;
  let url: string;
  let admin: SignedInUser;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logs = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    testApp = await createTestApp(
      {
        ...ADMIN_ENV,
        LOG_LEVEL: 'warn',
        LOG_PERSIST_LEVEL: 'info',
        LOG_PERSIST_FLUSH_INTERVAL_MS: '50',
        AUDIT_LOGGING_FLUSH_INTERVAL_MS: '50',
      },
      { logDestination: logs },
    );
    url = await listen(testApp.app);
    admin = await signInAdmin(testApp);
  });
  afterEach(() => closeClients());
  afterAll(() => testApp.close());

  const post = (user: SignedInUser, path: string, body: object) =>
    testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body);

  const spend = (user: SignedInUser, description: string, extra: object = {}) =>
    post(user, 'transactions', {
      amountCents: 1250,
      currency: 'EUR',
      type: 'expense',
      description,
      occurredOn: today(),
      ...extra,
    });

  const browserLines = (entries: object[]) =>
    testApp.http
      .post('/api/v1/logging/logs/batch')
      .send({
        entries: entries.map((entry) => ({
          clientId: randomUUID(),
          timestamp: new Date().toISOString(),
          level: 'info',
          message: 'line',
          ...entry,
        })),
      })
      .expect(200);

  describe('handshake', () => {
    it('refuses a missing, malformed, expired or revoked token, saying why', async () => {
      const user = await registerUser(testApp, 'handshake');
      const secret = testApp.config.JWT_SECRET as string;
      const expired = withClaims(user.token, secret, { exp: Math.floor(Date.now() / 1000) - 5 });
      const cases: [string | undefined, string][] = [
        [undefined, 'Missing or invalid access token'],
        ['not-a-token', 'Missing or invalid access token'],
        [withClaims(user.token, `${secret}-other`, {}), 'Missing or invalid access token'],
        [expired, 'Access token expired'],
      ];
      for (const [token, message] of cases) {
        const refusal = await refusedHandshake(url, token);
        expect(refusal.message).toBe(message);
        expect(refusal.data).toEqual({ code: 'unauthorized' });
      }
      await testApp.http.post('/api/v1/auth/logout').set(user.auth).expect(204);
      expect((await refusedHandshake(url, user.token)).message).toBe(
        'Access token has been revoked',
      );
    });

    it('takes the token from the auth payload or an Authorization header', async () => {
      const user = await registerUser(testApp, 'token-places');
      await connectClient(url, user.token);
      await connectClient(url, `Bearer ${user.token}`);
      await connectClient(url, undefined, { extraHeaders: user.auth });
    });

    it('applies CORS_ORIGINS to browsers, also over WebSocket', async () => {
      const user = await registerUser(testApp, 'origins');
      await connectClient(url, user.token, { extraHeaders: { Origin: 'http://localhost:4200' } });
      await expect(
        connectClient(url, user.token, { extraHeaders: { Origin: 'https://evil.example' } }),
      ).rejects.toThrow();
    });
  });

  describe('a user’s own events', () => {
    it('pushes transaction events to their owner after commit, and to nobody else', async () => {
      const ada = await registerUser(testApp, 'ada');
      const bob = await registerUser(testApp, 'bob');
      const adaSocket = await connectClient(url, ada.token);
      const bobSocket = await connectClient(url, bob.token);

      const created = await spend(ada, 'Groceries').expect(201);
      const event = await adaSocket.next(RealtimeEvent.TransactionCreated);
      expect(event).toEqual({
        type: 'transaction.created',
        payload: {
          transactionId: created.body.id,
          type: 'expense',
          amountCents: 1250,
          currency: 'EUR',
          description: 'Groceries',
          categoryId: null,
          occurredOn: today(),
        },
        traceId: created.headers['x-trace-id'],
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });

      await testApp.http
        .patch(`/api/v1/transactions/${created.body.id}`)
        .set(ada.auth)
        .send({ amountCents: 990 })
        .expect(200);
      const updated = await adaSocket.next(RealtimeEvent.TransactionUpdated);
      expect(updated.payload).toMatchObject({ transactionId: created.body.id, amountCents: 990 });
      await testApp.http
        .delete(`/api/v1/transactions/${created.body.id}`)
        .set(ada.auth)
        .expect(204);
      const deleted = await adaSocket.next(RealtimeEvent.TransactionDeleted);
      expect(deleted.payload.transactionId).toBe(created.body.id);

      const bobs = await spend(bob, 'Bob’s lunch').expect(201);
      await bobSocket.next(
        RealtimeEvent.TransactionCreated,
        (e) => e.payload.transactionId === bobs.body.id,
      );
      // Pushes reach a socket in order: had Bob's event gone to Ada, it would be there by now.
      const later = await spend(ada, 'Later').expect(201);
      await adaSocket.next(
        RealtimeEvent.TransactionCreated,
        (e) => e.payload.transactionId === later.body.id,
      );
      const adaSaw = adaSocket.received.map(
        (e) => (e.payload as { transactionId?: string }).transactionId,
      );
      expect(adaSaw).not.toContain(bobs.body.id);
      expect(bobSocket.received.map((e) => e.type)).toEqual(['transaction.created']);
    });

    it('pushes nothing for a write that is refused or rolled back at commit', async () => {
      const user = await registerUser(testApp, 'rollback');
      const client = await connectClient(url, user.token);
      const salary = await post(user, 'categories', { name: 'Salary', kind: 'income' }).expect(201);

      // Refused inside the transaction: a business rule, then plain validation.
      await spend(user, 'Wrong kind', { categoryId: salary.body.id }).expect(422);
      await spend(user, 'Bad amount', { amountCents: -1 }).expect(400);
      // Refused by the database at COMMIT, after every statement succeeded.
      await testApp.dataSource.query(`
        CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.description = 'refused at commit' THEN RAISE EXCEPTION 'refused at commit'; END IF;
          RETURN NULL;
        END $$`);
      await testApp.dataSource.query(`
        CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT ON transactions
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_at_commit()`);
      try {
        await spend(user, 'refused at commit').expect(500);
      } finally {
        await testApp.dataSource.query(`DROP TRIGGER test_refuse_at_commit ON transactions`);
        await testApp.dataSource.query(`DROP FUNCTION test_refuse_at_commit()`);
      }
      const [{ count }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM transactions WHERE user_id = $1`,
        [user.id],
      );
      expect(count).toBe(0);

      const committed = await spend(user, 'Committed').expect(201);
      await client.next(RealtimeEvent.TransactionCreated);
      expect(
        client.received.map((e) => [
          e.type,
          (e.payload as { transactionId: string }).transactionId,
        ]),
      ).toEqual([['transaction.created', committed.body.id]]);
    });

    it('pushes budget updates and threshold crossings to the owner', async () => {
      const user = await registerUser(testApp, 'budgets');
      const client = await connectClient(url, user.token);
      const budget = await post(user, 'budgets', {
        period: 'monthly',
        limitCents: 2000,
        currency: 'EUR',
        startDate: '2020-01-01',
        alertThresholds: [50],
      }).expect(201);

      await testApp.http
        .patch(`/api/v1/budgets/${budget.body.id}`)
        .set(user.auth)
        .send({ limitCents: 2400 })
        .expect(200);
      const updated = await client.next(RealtimeEvent.BudgetUpdated);
      expect(updated.payload).toEqual({
        id: budget.body.id,
        categoryId: null,
        period: 'monthly',
        limitCents: 2400,
        currency: 'EUR',
        startDate: '2020-01-01',
        alertThresholds: [50],
        periodStart: budget.body.periodStart,
        periodEnd: budget.body.periodEnd,
        spentCents: '0',
        remainingCents: '2400',
        percentUsed: 0,
        status: 'on_track',
      });
      await testApp.http
        .patch(`/api/v1/budgets/${budget.body.id}`)
        .set(user.auth)
        .send({ limitCents: 0 })
        .expect(400);

      const spent = await spend(user, 'Half of it').expect(201);
      const crossed = await client.next(RealtimeEvent.BudgetThresholdCrossed);
      expect(crossed).toMatchObject({
        payload: {
          budgetId: budget.body.id,
          thresholdPercent: 50,
          spentCents: '1250',
          limitCents: 2400,
        },
        traceId: spent.headers['x-trace-id'],
      });
      expect(client.of(RealtimeEvent.BudgetUpdated)).toHaveLength(1);
    });

    it('logs a failed push and still answers the request', async () => {
      const user = await registerUser(testApp, 'push-fails');
      // Someone listens: a room with no socket is not pushed to at all.
      await connectClient(url, user.token);
      const server = testApp.app.get(RealtimeServer).server;
      if (!server) throw new Error('The socket.io server is not running');
      // Only this user's room fails: other pushes (action-log events of earlier requests) go on.
      const room = `user:${user.id}`;
      const original = server.to.bind(server);
      const to = jest.spyOn(server, 'to').mockImplementation((target) => {
        if (target === room) throw new Error('adapter down');
        return original(target);
      });
      try {
        await spend(user, 'Still saved').expect(201);
      } finally {
        to.mockRestore();
      }
      const failure = logLines.find((line) => line.includes('Pushing a realtime event failed'));
      expect(failure).toBeDefined();
      expect(JSON.parse(failure as string)).toMatchObject({
        event: 'transaction.created',
        room,
        err: { message: 'adapter down' },
      });
    });
  });

  describe('sessions', () => {
    it('closes the open sockets of a sign-in at logout, and only those', async () => {
      const user = await registerUser(testApp, 'logout');
      const other = (
        await testApp.http
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: 'correct horse battery' })
          .expect(200)
      ).body.accessToken as string;
      const ending = await connectClient(url, user.token);
      const staying = await connectClient(url, other);

      await testApp.http.post('/api/v1/auth/logout').set(user.auth).expect(204);
      expect(await ending.disconnected).toBe('io server disconnect');
      expect(ending.of(RealtimeEvent.SessionEnded)).toEqual([
        expect.objectContaining({ payload: { reason: 'logout' }, traceId: null }),
      ]);
      expect(staying.socket.connected).toBe(true);
    });

    it('closes the sockets of a sign-in whose refresh token was reused', async () => {
      const user = await registerUser(testApp, 'reuse');
      const client = await connectClient(url, user.token);
      const refresh = () =>
        testApp.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken });
      await refresh().expect(200);
      await refresh().expect(401);
      expect(await client.disconnected).toBe('io server disconnect');
      expect(client.of(RealtimeEvent.SessionEnded)[0].payload).toEqual({ reason: 'token_reuse' });
    });

    it('closes a socket when its access token expires', async () => {
      const user = await registerUser(testApp, 'expiry');
      const shortLived = withClaims(user.token, testApp.config.JWT_SECRET as string, {
        exp: Math.floor(Date.now() / 1000) + 2,
      });
      const client = await connectClient(url, shortLived);
      expect(await client.disconnected).toBe('io server disconnect');
      expect(client.of(RealtimeEvent.SessionEnded)[0].payload).toEqual({ reason: 'expired' });
    });
  });

  describe('admin streams', () => {
    it('sends exceptions and alerts to admins only', async () => {
      const user = await registerUser(testApp, 'not-admin');
      const adminSocket = await connectClient(url, admin.token);
      const userSocket = await connectClient(url, user.token);

      const failed = await testApp.http
        .post('/api/v1/logging/exceptions/test')
        .set(admin.auth)
        .expect(500);
      const exception = await adminSocket.next(
        RealtimeEvent.ExceptionNew,
        (e) => e.traceId === failed.body.traceId,
      );
      expect(exception.payload).toMatchObject({
        type: 'SampleException',
        count: 1,
        source: 'backend',
      });

      // Resolved, then seen again: the group regressed.
      await testApp.http
        .put(`/api/v1/logging/exceptions/${exception.payload.groupId}/resolve`)
        .set(admin.auth)
        .send({})
        .expect(200);
      const again = await testApp.http
        .post('/api/v1/logging/exceptions/test')
        .set(admin.auth)
        .expect(500);
      const regressed = await adminSocket.next(
        RealtimeEvent.ExceptionRegressed,
        (e) => e.traceId === again.body.traceId,
      );
      expect(regressed.payload).toMatchObject({ groupId: exception.payload.groupId, count: 2 });

      // No alerting module emits these yet; whatever emits them in-process reaches admins.
      const alert: AlertEventPayload = {
        alertId: randomUUID(),
        historyId: randomUUID(),
        name: 'Error rate above 5%',
        severity: 'critical',
        metric: 'error_rate',
        value: 0.12,
        threshold: 0.05,
        message: 'Error rate 12% over the last 5 minutes',
        occurredAt: new Date().toISOString(),
        traceId: 'alert-trace',
      };
      const events = testApp.app.get(EventEmitter2);
      events.emit(DomainEvent.AlertFired, alert);
      events.emit(DomainEvent.AlertResolved, { ...alert, value: 0.01 });
      const { traceId, ...payload } = alert;
      expect(await adminSocket.next(RealtimeEvent.AlertFired)).toMatchObject({ payload, traceId });
      expect((await adminSocket.next(RealtimeEvent.AlertResolved)).payload.value).toBe(0.01);

      const own = await spend(user, 'Marker').expect(201);
      await userSocket.next(
        RealtimeEvent.TransactionCreated,
        (e) => e.payload.transactionId === own.body.id,
      );
      expect(userSocket.received.map((e) => e.type)).toEqual(['transaction.created']);
    });

    it('refuses the admin streams to other users', async () => {
      const user = await registerUser(testApp, 'curious');
      const client = await connectClient(url, user.token);
      expect(await client.socket.emitWithAck('logs.subscribe', {})).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'logs.subscribe is for admins only' },
      });
      expect(await client.socket.emitWithAck('audit.subscribe')).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'audit.subscribe is for admins only' },
      });
      await browserLines([{ level: 'error', message: 'not for users' }]);
      const own = await spend(user, 'Marker').expect(201);
      await client.next(
        RealtimeEvent.TransactionCreated,
        (e) => e.payload.transactionId === own.body.id,
      );
      expect(client.received.map((e) => e.type)).toEqual(['transaction.created']);
    });

    it('sends action-log events to admins who subscribed', async () => {
      const user = await registerUser(testApp, 'audited');
      const watching = await connectClient(url, admin.token);
      const notWatching = await connectClient(url, admin.token);
      expect(await watching.socket.emitWithAck('audit.subscribe')).toEqual({ ok: true });

      const created = await spend(user, 'Audited').expect(201);
      const event = await watching.next(
        RealtimeEvent.AuditEvent,
        (e) => e.payload.action === 'transaction.create' && e.payload.actorId === user.id,
      );
      expect(event).toMatchObject({
        traceId: created.headers['x-trace-id'],
        payload: { resourceId: created.body.id, result: 'success', category: 'data' },
      });
      expect(notWatching.of(RealtimeEvent.AuditEvent)).toEqual([]);

      expect(await watching.socket.emitWithAck('audit.unsubscribe')).toEqual({ ok: true });
    });
  });

  describe('live tail', () => {
    it('sends stored lines matching the filter, only after subscribing', async () => {
      const module = `Checkout-${randomUUID().slice(0, 8)}`;
      const client = await connectClient(url, admin.token);
      await browserLines([{ module, level: 'error', message: 'before subscribing' }]);
      expect(
        await client.socket.emitWithAck('logs.subscribe', {
          source: 'frontend',
          module,
          minLevel: 'warn',
        }),
      ).toEqual({ ok: true });

      await browserLines([
        { module, level: 'info', message: 'too quiet' },
        { module, level: 'warn', message: 'card declined', traceId: 'trace-1' },
        { module: 'Elsewhere', level: 'error', message: 'other module' },
        { module, level: 'error', message: 'payment failed' },
      ]);
      await client.next(RealtimeEvent.LogCreated, (e) => e.payload.message === 'payment failed');
      const lines = client.of(RealtimeEvent.LogCreated);
      expect(lines.map((e) => e.payload.message)).toEqual(['card declined', 'payment failed']);
      expect(lines[0]).toMatchObject({
        traceId: 'trace-1',
        payload: { source: 'frontend', module, level: 'warn', traceId: 'trace-1', userId: null },
      });
      expect(lines[0].payload.extra).toMatchObject({ anonymous: true });

      // A new filter replaces the old one: here, one trace's lines of the API's own log.
      const traceId = `tail-${randomUUID()}`;
      expect(
        await client.socket.emitWithAck('logs.subscribe', { source: 'backend', traceId }),
      ).toEqual({ ok: true });
      const inTrace = (path: string) =>
        testApp.http.get(`/api/v1/${path}`).set(admin.auth).set('X-Trace-Id', traceId);
      await inTrace('auth/me').expect(200);
      const request = await client.next(RealtimeEvent.LogCreated, (e) => e.traceId === traceId);
      expect(request.payload).toMatchObject({
        source: 'backend',
        module: 'http',
        requestPath: '/api/v1/auth/me',
        statusCode: 200,
      });
      // Stored (and tailed) in the order logged: the probe would come before the 404's line.
      new Logger('LiveTailProbe').warn('not in the trace');
      await inTrace('no-such-route').expect(404);
      await client.next(RealtimeEvent.LogCreated, (e) => e.payload.statusCode === 404);
      expect(client.of(RealtimeEvent.LogCreated).map((e) => e.payload.traceId)).toEqual([
        'trace-1',
        null,
        traceId,
        traceId,
      ]);

      expect(await client.socket.emitWithAck('logs.unsubscribe')).toEqual({ ok: true });
      const count = client.received.length;
      await browserLines([{ module, level: 'error', message: 'after unsubscribing' }]);
      const marker = await spend(admin, 'Marker').expect(201);
      await client.next(
        RealtimeEvent.TransactionCreated,
        (e) => e.payload.transactionId === marker.body.id,
      );
      // Error lines also make exception groups, which admins get anyway; no line comes now.
      expect(
        client.received.slice(count).filter((e) => e.type === RealtimeEvent.LogCreated),
      ).toEqual([]);
    });

    it('refuses a filter it cannot read, naming each field', async () => {
      const client = await connectClient(url, admin.token);
      expect(
        await client.socket.emitWithAck('logs.subscribe', {
          level: ['loud'],
          source: 'mobile',
          colour: 'red',
        } as never),
      ).toEqual({
        ok: false,
        error: {
          code: 'invalid',
          message: 'The filter is not valid',
          details: {
            level: ['must be one or more of trace, debug, info, warn, error, fatal'],
            source: ['must be one of backend, frontend'],
            colour: ['is not a filter: use level, minLevel, source, module or traceId'],
          },
        },
      });
    });

    it('sends at most 50 lines a second, then says how many it skipped', async () => {
      const module = `Flood-${randomUUID().slice(0, 8)}`;
      const client = await connectClient(url, admin.token);
      await client.socket.emitWithAck('logs.subscribe', { module });

      await browserLines(Array.from({ length: 100 }, (_, i) => ({ module, message: `line ${i}` })));
      const marker = await client.next(RealtimeEvent.LogSkipped);
      expect(marker).toMatchObject({ payload: { count: 50 }, traceId: null });
      const tail = client.received.filter(
        (e) => e.type === RealtimeEvent.LogCreated || e.type === RealtimeEvent.LogSkipped,
      );
      expect(tail).toHaveLength(51);
      expect(tail.slice(0, 50).map((e) => (e.payload as { message: string }).message)).toEqual(
        Array.from({ length: 50 }, (_, i) => `line ${i}`),
      );
      expect(tail[50].type).toBe(RealtimeEvent.LogSkipped);

      // The next second starts afresh.
      await browserLines([{ module, message: 'after the flood' }]);
      await client.next(RealtimeEvent.LogCreated, (e) => e.payload.message === 'after the flood');
    });
  });
});
