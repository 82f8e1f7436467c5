import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';

/**
 * One atomic step of a fixed window with blocking, as the throttler's in-memory storage counts:
 * while the block key lives the request is refused uncounted; otherwise the hit is counted (the
 * window starts with the first hit) and going over the limit starts a block of `blockMs` (or,
 * with no block duration, refuses until the window ends).
 * Returns [hits, ms until the window ends, blocked (0/1), ms until the block ends].
 */
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowLeft = redis.call('PTTL', KEYS[1])
if hits <= tonumber(ARGV[2]) then return { hits, windowLeft, 0, 0 } end
local blockMs = tonumber(ARGV[3])
if blockMs <= 0 then return { hits, windowLeft, 1, windowLeft } end
redis.call('SET', KEYS[2], '1', 'PX', blockMs)
return { hits, windowLeft, 1, blockMs }`;

/** The package does not export its record type by name. */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

type IncrementReply = [hits: number, windowLeftMs: number, blocked: number, blockLeftMs: number];

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Rate-limit counters in Redis (`REDIS_URL`), so every instance enforces one limit. While Redis
 * cannot be reached, each instance counts on its own (the throttler's in-memory storage) and says
 * so once, rather than failing sign-ins. (@nest-lab/throttler-storage-redis does the same job;
 * this file is small enough to keep instead of another dependency.)
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;
  private readonly fallback = new ThrottlerStorageService();
  private readonly firstConnection: Promise<unknown>;
  private degraded = false;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // No offline queue: while Redis is down a command fails at once and the fallback counts.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // reported once per outage, by increment
    // Only the first connection is waited for, so the first requests are counted in Redis too.
    this.firstConnection = new Promise((settle) => {
      this.redis.once('ready', settle);
      this.redis.once('error', settle);
    });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:${throttlerName}:${key}`;
    await this.firstConnection;
    try {
      const [hits, windowLeftMs, blocked, blockLeftMs] = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:blocked`,
        ttl,
        limit,
        blockDuration,
      )) as IncrementReply;
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('Redis is back: rate limits are shared by every instance again');
      }
      return {
        totalHits: hits,
        timeToExpire: seconds(windowLeftMs),
        isBlocked: blocked === 1,
        timeToBlockExpire: seconds(blockLeftMs),
      };
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(
          `Redis unavailable (${(error as Error).message}): rate limits are counted per instance until it is back`,
        );
      }
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.fallback.onApplicationShutdown();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
