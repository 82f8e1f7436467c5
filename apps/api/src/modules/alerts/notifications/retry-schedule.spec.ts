import fc from 'fast-check';
import { MAX_ATTEMPTS, retryAt } from './retry-schedule';

const now = new Date('2026-12-06T10:00:00Z');
const delayOf = (at: Date | null) => (at === null ? null : at.getTime() - now.getTime());

describe('retryAt', () => {
  it('backs off exponentially: 10, 20, 40, 80 s with the fixed half of equal jitter', () => {
    expect(
      [1, 2, 3, 4].map((attempt) => delayOf(retryAt(attempt, now, undefined, () => 0))),
    ).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(
      [1, 2, 3, 4].map((attempt) => delayOf(retryAt(attempt, now, undefined, () => 1))),
    ).toEqual([10_000, 20_000, 40_000, 80_000]);
  });

  it('gives up after the fifth attempt', () => {
    expect(retryAt(MAX_ATTEMPTS, now, undefined)).toBeNull();
    expect(retryAt(MAX_ATTEMPTS - 1, now, undefined)).not.toBeNull();
  });

  it('waits at least as long as Retry-After asks, and at most an hour', () => {
    expect(delayOf(retryAt(1, now, 120_000, () => 0))).toBe(120_000);
    expect(delayOf(retryAt(1, now, 5 * 3_600_000, () => 0))).toBe(3_600_000);
  });

  it('stays within [backoff/2, backoff] for any jitter (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const backoff = 10_000 * 2 ** (attempt - 1);
          const delay = delayOf(retryAt(attempt, now, undefined, () => r)) ?? Number.NaN;
          expect(delay).toBeGreaterThanOrEqual(backoff / 2);
          expect(delay).toBeLessThanOrEqual(backoff);
        },
      ),
    );
  });
});
