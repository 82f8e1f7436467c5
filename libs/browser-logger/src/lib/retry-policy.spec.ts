import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from './retry-policy';

describe('isRetryableStatus', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([400, 401, 403, 404, 413, 422])('does not retry %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  const policy = { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 };

  it('doubles from the base delay up to the cap', () => {
    const full = [0, 1, 2, 5, 10].map((retry) => backoffDelayMs(retry, policy, () => 1));
    expect(full).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });

  it('waits between half and all of the delay', () => {
    expect(backoffDelayMs(2, policy, () => 0)).toBe(2_000);
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(3_000);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.UTC(2030, 0, 1, 12);

  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date, never below zero', () => {
    expect(parseRetryAfterMs('Tue, 01 Jan 2030 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Tue, 01 Jan 2030 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
  });
});
