import fc from 'fast-check';
import { loadConfig } from '../../../config/app-config';
import { isSlow, SlowThresholds } from './slow-thresholds';

/** Property 5: performance threshold detection. */
describe('slow threshold detector', () => {
  const config = loadConfig({});
  const defaults: SlowThresholds = {
    requestMs: config.SLOW_REQUEST_MS,
    queryMs: config.SLOW_QUERY_MS,
  };
  const duration = fc.oneof(
    fc.double({ min: 0, max: 5000, noNaN: true }),
    fc.integer({ min: 0, max: 5000 }),
    fc.constantFrom(499, 499.999, 500, 500.001, 999.999, 1000, 1000.001),
  );

  it('defaults to 1 s for requests and 500 ms for queries', () => {
    expect(defaults).toEqual({ requestMs: 1000, queryMs: 500 });
  });

  it('flags exactly the requests of at least 1 s and the queries of at least 500 ms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('request', 'query'), ms: duration }), {
          maxLength: 200,
        }),
        (samples) => {
          const flagged = samples.filter((sample) =>
            isSlow(sample.kind as 'request' | 'query', sample.ms, defaults),
          );
          const expected = samples.filter((sample) =>
            sample.kind === 'request' ? sample.ms >= 1000 : sample.ms >= 500,
          );
          expect(flagged).toEqual(expected);
        },
      ),
    );
  });

  it('follows configured thresholds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        duration,
        (requestMs, queryMs, ms) => {
          expect(isSlow('request', ms, { requestMs, queryMs })).toBe(ms >= requestMs);
          expect(isSlow('query', ms, { requestMs, queryMs })).toBe(ms >= queryMs);
        },
      ),
    );
  });
});
