/** Attempts a delivery gets in all, the first included. */
export const MAX_ATTEMPTS = 5;

const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * When to try again after attempt number `attempt` (1-based) failed, or null when that was the
 * last: exponential backoff (10 s, 20 s, 40 s, 80 s) with "equal jitter" (half fixed, half
 * random, so receivers that failed together are not retried together), never sooner than the
 * receiver's `Retry-After`, never later than an hour.
 */
export function retryAt(
  attempt: number,
  now: Date,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): Date | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = backoff / 2 + random() * (backoff / 2);
  const delay = Math.min(MAX_DELAY_MS, Math.max(jittered, retryAfterMs ?? 0));
  return new Date(now.getTime() + Math.round(delay));
}
