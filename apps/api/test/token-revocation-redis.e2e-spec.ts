import Redis from 'ioredis';
import { claimsOf } from './support/tokens';
import { createTestApp, registerUser, TestApp } from './support/test-app';

/**
 * With REDIS_URL the revocation list lives in Redis, shared by every instance. Runs where a Redis
 * is given in TEST_REDIS_URL (CI sets it when 127.0.0.1:6379 answers); the PostgreSQL-backed list
 * is covered by auth.e2e-spec.ts everywhere.
 */
const redisUrl = process.env['TEST_REDIS_URL'];
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('token revocation in Redis', () => {
  let testApp: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    testApp = await createTestApp({ REDIS_URL: redisUrl as string });
    redis = new Redis(redisUrl as string);
  });
  afterAll(async () => {
    await redis.quit();
    await testApp.close();
  });

  it('logout writes the sign-in to Redis until its last token expires, and the token stops working', async () => {
    const user = await registerUser(testApp, 'redis');
    await testApp.http.get('/api/v1/auth/me').set(user.auth).expect(200);
    await testApp.http.post('/api/v1/auth/logout').set(user.auth).expect(204);
    const { fam } = claimsOf(user.token);
    const ttl = await redis.ttl(`ledgerlens:revoked-sign-in:${fam}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(901); // 900 s, rounded up to a whole second
    await testApp.http.get('/api/v1/auth/me').set(user.auth).expect(401);
    const [{ count }] = await testApp.dataSource.query(
      'SELECT count(*)::int AS count FROM revoked_tokens',
    );
    expect(count).toBe(0);
  });
});
