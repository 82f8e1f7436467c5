export interface RetryPolicy {
  /** Retries of a batch after its first attempt. */
  maxRetries: number;
  /** Delay before the first retry; each further one doubles it. */
  baseDelayMs: number;
  /** No delay grows past this; it is also the pause after a batch ran out of retries. */
  maxDelayMs: number;
}

/** Timeouts, rate limits and server errors pass; any other 4xx would be refused again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Exponential backoff (`retry` counts from 0) with "equal jitter": between half and all of the
 * delay, so pages that failed together do not retry together.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return delay / 2 + (delay / 2) * random();
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
