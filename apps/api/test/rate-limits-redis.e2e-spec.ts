import { randomUUID } from 'node:crypto';
import { RedisThrottlerStorage } from '../src/common/http/redis-throttler-storage';
import { freePort } from '../harness';
import { startTestRedis, TestRedis } from './support/test-redis';

/** The Redis-backed rate-limit counters on a real Redis (TEST_REDIS_URL, or a redis-server). */
describe('RedisThrottlerStorage', () => {
  let redis: TestRedis;
  const storages: RedisThrottlerStorage[] = [];
  const storage = (url = redis.url, prefix = `ledgerlens-test:${randomUUID()}`) => {
    const created = new RedisThrottlerStorage(url, prefix);
    storages.push(created);
    return created;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await Promise.all(storages.map((created) => created.onApplicationShutdown()));
    await redis.stop();
  });

  it('counts hits of one key across storages, blocks past the limit, and unblocks after the block', async () => {
    const prefix = `ledgerlens-test:${randomUUID()}`;
    const [one, two] = [storage(redis.url, prefix), storage(redis.url, prefix)];
    const hit = (on: RedisThrottlerStorage) => on.increment('client', 60_000, 3, 1_000, 'auth');
    const records = [await hit(one), await hit(two), await hit(one)];
    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(records[0].timeToExpire).toBe(60);
    const blocked = await hit(two);
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    expect((await hit(one)).isBlocked).toBe(true);
    // Blocked attempts are not counted; once the block ends the window's count still applies.
    await sleep(1_100);
    expect((await hit(one)).isBlocked).toBe(true);
    // Another throttler or key counts apart.
    expect((await one.increment('client', 60_000, 3, 1_000, 'logIngest')).totalHits).toBe(1);
    expect((await one.increment('other', 60_000, 3, 1_000, 'auth')).totalHits).toBe(1);
  });

  it('starts a new window when the old one ends', async () => {
    const counter = storage();
    for (let i = 0; i < 2; i++) await counter.increment('client', 300, 2, 0, 'auth');
    expect((await counter.increment('client', 300, 2, 0, 'auth')).isBlocked).toBe(true);
    await sleep(350);
    expect(await counter.increment('client', 300, 2, 0, 'auth')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('counts in memory, still enforcing the limit, while Redis cannot be reached', async () => {
    const unreachable = storage(`redis://127.0.0.1:${await freePort()}`);
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await unreachable.increment('c', 60_000, 2, 0, 'auth'));
    expect(hits.map((record) => record.isBlocked)).toEqual([false, false, true]);
  });
});
