import type { Server } from 'node:http';
import { HttpDrain } from '../src/common/http/http-drain';
import { freePort } from '../harness';
import { startTestRedis, TestRedis } from './support/test-redis';
import { createTestApp, TestApp } from './support/test-app';

/** What `GET /health/ready` answers, as far as these tests read it. */
interface Readiness {
  status: string;
  components: Record<
    string,
    { status: string; message?: string; queued?: number; capacity?: number; dropped?: number }
  >;
}

const readinessOf = (body: unknown) => body as Readiness;

/** The liveness and readiness probes, on the real database (and a real or unreachable Redis). */
describe('health probes', () => {
  describe('without Redis', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createTestApp();
    });
    afterAll(() => testApp.close());

    it('answers liveness without a token, looking at nothing', async () => {
      const response = await testApp.http.get('/api/v1/health/live').expect(200);
      expect(response.body).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('answers readiness 200 with each component: database, lifecycle and the write queues', async () => {
      const response = await testApp.http.get('/api/v1/health/ready').expect(200);
      const body = readinessOf(response.body);
      expect(body.status).toBe('ok');
      expect(body.components).toEqual({
        database: { status: 'up', responseTimeMs: expect.any(Number) },
        lifecycle: { status: 'up' },
        auditQueue: {
          status: 'up',
          queued: expect.any(Number),
          capacity: testApp.config.AUDIT_LOGGING_QUEUE_SIZE,
          dropped: 0,
        },
        logQueue: {
          status: 'up',
          queued: expect.any(Number),
          capacity: testApp.config.LOG_PERSIST_QUEUE_SIZE,
          dropped: 0,
        },
        exceptionQueue: {
          status: 'up',
          queued: expect.any(Number),
          capacity: 10_000,
          dropped: 0,
        },
      });
      expect(body.components.redis).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('keeps GET /health as it was', async () => {
      const response = await testApp.http.get('/api/v1/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });

    // Last: the drain stops the server (supertest listens again for each later request).
    it('answers readiness 503 once shutdown begins, while liveness stays 200', async () => {
      const server = testApp.app.getHttpServer() as Server;
      const closed = new Promise((resolve) => server.once('close', resolve));
      await testApp.app.get(HttpDrain).drain(1000);
      // Once its last connection ended: supertest can then listen again on a port of its own.
      await closed;
      const response = await testApp.http.get('/api/v1/health/ready').expect(503);
      const body = readinessOf(response.body);
      expect(body.status).toBe('error');
      expect(body.components.lifecycle).toEqual({ status: 'down', message: 'shutting down' });
      expect(body.components.database.status).toBe('up');
      await testApp.http.get('/api/v1/health/live').expect(200);
    });
  });

  it('answers readiness 503 while a write queue is full (it drops what it is given)', async () => {
    // One event fills the action-log queue, and nothing writes it for a minute.
    const testApp = await createTestApp({
      AUDIT_LOGGING_QUEUE_SIZE: '1',
      AUDIT_LOGGING_FLUSH_INTERVAL_MS: '60000',
    });
    try {
      await testApp.http.get('/api/v1/health/ready').expect(200);
      // A refused request is recorded in the action log.
      await testApp.http.get('/api/v1/transactions').expect(401);
      const response = await testApp.http.get('/api/v1/health/ready').expect(503);
      expect(readinessOf(response.body).components.auditQueue).toMatchObject({
        status: 'down',
        queued: 1,
        capacity: 1,
      });
    } finally {
      await testApp.close();
    }
  });

  describe('with Redis', () => {
    let redis: TestRedis;

    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(() => redis.stop());

    it('answers readiness 200 when Redis answers PING', async () => {
      const testApp = await createTestApp({ REDIS_URL: redis.url });
      try {
        const response = await testApp.http.get('/api/v1/health/ready').expect(200);
        expect(readinessOf(response.body).components.redis).toEqual({
          status: 'up',
          responseTimeMs: expect.any(Number),
        });
      } finally {
        await testApp.close();
      }
    });

    it('answers readiness 503 when REDIS_URL points at a port nothing listens on', async () => {
      const testApp = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
      try {
        const response = await testApp.http.get('/api/v1/health/ready').expect(503);
        const body = readinessOf(response.body);
        expect(body.status).toBe('error');
        expect(body.components.redis).toMatchObject({ status: 'down' });
        expect(body.components.redis.message).toEqual(expect.any(String));
        expect(body.components.database.status).toBe('up');
        // Liveness does not look at Redis.
        await testApp.http.get('/api/v1/health/live').expect(200);
      } finally {
        await testApp.close();
      }
    });
  });
});
