import fc from 'fast-check';
import { resolveTraceId, traceIdFromTraceparent, traceIdOf } from './trace-id';

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

describe('trace IDs', () => {
  it('takes the trace ID of any valid traceparent', () => {
    fc.assert(
      fc.property(hex(2), hex(32), hex(16), hex(2), (version, traceId, parentId, flags) => {
        fc.pre(version !== 'ff' && !/^0+$/.test(traceId) && !/^0+$/.test(parentId));
        expect(traceIdFromTraceparent(`${version}-${traceId}-${parentId}-${flags}`)).toBe(traceId);
      }),
    );
  });

  it.each([
    ['version ff', `ff-${'a'.repeat(32)}-${'b'.repeat(16)}-01`],
    ['all-zero trace ID', `00-${'0'.repeat(32)}-${'b'.repeat(16)}-01`],
    ['all-zero parent ID', `00-${'a'.repeat(32)}-${'0'.repeat(16)}-01`],
    ['upper-case hex', `00-${'A'.repeat(32)}-${'b'.repeat(16)}-01`],
    ['short trace ID', `00-${'a'.repeat(31)}-${'b'.repeat(16)}-01`],
    ['garbage', 'hello'],
  ])('refuses a traceparent with %s', (_case, header) => {
    expect(traceIdFromTraceparent(header)).toBeUndefined();
  });

  it('prefers traceparent, then a well-formed X-Trace-Id, else generates 32 hex', () => {
    const traceId = 'a'.repeat(32);
    expect(
      resolveTraceId({ traceparent: `00-${traceId}-${'b'.repeat(16)}-01`, 'x-trace-id': 'other' }),
    ).toBe(traceId);
    expect(resolveTraceId({ 'x-trace-id': 'req_42.a-b' })).toBe('req_42.a-b');
    expect(resolveTraceId({ 'x-trace-id': 'x'.repeat(129) })).toMatch(/^[0-9a-f]{32}$/);
    expect(resolveTraceId({ 'x-trace-id': 'bad id' })).toMatch(/^[0-9a-f]{32}$/);
    expect(resolveTraceId({})).not.toBe(resolveTraceId({}));
  });

  it('resolves a request once, so every reader sees the same ID', () => {
    const request = { headers: {} };
    expect(traceIdOf(request)).toBe(traceIdOf(request));
  });
});
