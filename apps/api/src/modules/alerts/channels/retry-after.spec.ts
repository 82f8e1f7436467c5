import fc from 'fast-check';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from './retry-after';

const NOW = new Date('2026-03-01T10:00:00.000Z');

describe('retryAfterMs', () => {
  it.each([
    ['7', 7000],
    ['0', 0],
    [' 120 ', 120_000],
    ['3600', MAX_RETRY_AFTER_MS],
    ['999999999999', MAX_RETRY_AFTER_MS],
    ['Sun, 01 Mar 2026 10:00:30 GMT', 30_000],
    ['Sunday, 01-Mar-26 10:02:00 GMT', 120_000],
    ['Sun Mar  1 10:00:05 2026 GMT', 5000],
    ['Sun, 01 Mar 2026 09:00:00 GMT', 0],
    ['Mon, 01 Mar 2027 10:00:00 GMT', MAX_RETRY_AFTER_MS],
  ])('reads %j as %d ms', (header, expected) => {
    expect(retryAfterMs(header, NOW)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    '  ',
    '-5',
    '1.5',
    'soon',
    '5s',
    '2026-03-01T10:00:30Z',
    'Sun, 99 Foo GMT',
  ])('has no answer for %j', (header) => {
    expect(retryAfterMs(header, NOW)).toBeUndefined();
  });

  it('takes the first of repeated headers', () => {
    expect(retryAfterMs(['3', '9'], NOW)).toBe(3000);
  });

  it('never answers more than the cap nor less than zero', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat().map(String),
          fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
          fc.string(),
        ),
        (header) => {
          const ms = retryAfterMs(header, NOW);
          if (ms !== undefined) {
            expect(ms).toBeGreaterThanOrEqual(0);
            expect(ms).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
          }
        },
      ),
    );
  });
});
