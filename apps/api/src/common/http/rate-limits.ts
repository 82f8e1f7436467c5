import { applyDecorators, DynamicModule, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';

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

/** Registers every named rate limit once (the throttler module is global). */
export function rateLimitsModule(): DynamicModule {
  return ThrottlerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) =>
      Object.entries(RATE_LIMITS).map(([name, limits]) => ({ name, ...limits(config) })),
  });
}

/** Applies one named rate limit to a route (and none of the others). */
export function RateLimited(name: RateLimitName) {
  const others = Object.keys(RATE_LIMITS).filter((other) => other !== name);
  return applyDecorators(
    UseGuards(ThrottlerGuard),
    SkipThrottle(Object.fromEntries(others.map((other) => [other, true]))),
  );
}
