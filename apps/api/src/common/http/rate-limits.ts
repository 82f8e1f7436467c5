import {
  applyDecorators,
  DynamicModule,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import {
  SkipThrottle,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/** The app's rate limits, per client, each with its own window and count. */
const RATE_LIMITS = {
  auth: (config: AppConfig) => ({
    ttl: config.AUTH_RATE_WINDOW_SECONDS * 1000,
    limit: config.AUTH_RATE_LIMIT,
  }),
  logIngest: (config: AppConfig) => ({
    ttl: config.LOG_INGEST_RATE_WINDOW_SECONDS * 1000,
    limit: config.LOG_INGEST_RATE_LIMIT,
  }),
};

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * Registers every named rate limit once (the throttler module is global). With `REDIS_URL` the
 * counters live in Redis, so instances behind one load balancer enforce one limit together.
 */
export function rateLimitsModule(): DynamicModule {
  return ThrottlerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({
      throttlers: Object.entries(RATE_LIMITS).map(([name, limits]) => ({
        name,
        ...limits(config),
      })),
      storage: config.REDIS_URL
        ? new RedisThrottlerStorage(config.REDIS_URL, config.RATE_LIMIT_REDIS_PREFIX)
        : undefined,
    }),
  });
}

/**
 * The throttler names its header after the limit (`Retry-After-auth`); clients and the browser
 * logger honour the standard `Retry-After`, so a 429 carries that too.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}

/** Applies one named rate limit to a route (and none of the others). */
export function RateLimited(name: RateLimitName) {
  const others = Object.keys(RATE_LIMITS).filter((other) => other !== name);
  return applyDecorators(
    UseGuards(RateLimitGuard),
    SkipThrottle(Object.fromEntries(others.map((other) => [other, true]))),
  );
}
