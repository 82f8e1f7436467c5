import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

/**
 * Readiness's own connection to Redis (`REDIS_URL`), used for `PING` only. Commands fail at once
 * while Redis is down (no offline queue); ioredis keeps reconnecting in the background, so the
 * instance is ready again as soon as Redis is back.
 */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly redis?: Redis;

  constructor(config: AppConfig) {
    if (!config.REDIS_URL) return;
    this.redis = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    this.redis.on('error', () => undefined); // readiness reports it
  }

  /** Whether REDIS_URL is set (without it, readiness does not look at Redis). */
  get configured(): boolean {
    return this.redis !== undefined;
  }

  /** Resolves when Redis answers `PING` within `timeoutMs`; rejects with the reason otherwise. */
  async ping(timeoutMs: number): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.whenConnected(redis).then(() => redis.ping()), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
  }

  /** Right after start the first connection may still be on its way: it is waited for. */
  private whenConnected(redis: Redis): Promise<void> {
    if (redis.status === 'ready') return Promise.resolve();
    if (redis.status !== 'connecting' && redis.status !== 'connect' && redis.status !== 'wait') {
      return Promise.reject(new Error(`not connected (${redis.status})`));
    }
    return new Promise((resolve, reject) => {
      const ready = () => {
        redis.off('error', failed);
        resolve();
      };
      const failed = (error: Error) => {
        redis.off('ready', ready);
        reject(error);
      };
      redis.once('ready', ready);
      redis.once('error', failed);
    });
  }
}
