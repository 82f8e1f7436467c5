import fc from 'fast-check';
import { FLAG_RANDOM, FLAG_SAMPLED } from './trace-context';
import {
  resolveTrace,
  resolveTraceId,
  traceIdFromTraceparent,
  traceIdOf,
  traceOf,
} from './trace-id';

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

  it('takes the trace ID of a future version with more fields, and of one surrounded by OWS', () => {
    const traceId = 'a'.repeat(32);
    expect(traceIdFromTraceparent(`cc-${traceId}-${'b'.repeat(16)}-01-future`)).toBe(traceId);
    expect(traceIdFromTraceparent(`\t 00-${traceId}-${'b'.repeat(16)}-01 \t`)).toBe(traceId);
    expect(traceIdFromTraceparent(`00-${traceId}-${'b'.repeat(16)}-01-future`)).toBeUndefined();
  });

  it('resolves a request once, so every reader sees the same ID and context', () => {
    const request = { headers: {} };
    expect(traceIdOf(request)).toBe(traceIdOf(request));
    expect(traceOf(request)).toBe(traceOf(request));
  });
});

describe("a request's trace context", () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const parentId = '00f067aa0ba902b7';

  it('continues a valid traceparent with its tracestate, combining several headers', () => {
    const { traceId: id, context } = resolveTrace({
      traceparent: `00-${traceId}-${parentId}-01`,
      tracestate: ['rojo=00f067aa0ba902b7', 'congo=t61rcWkgMzE'],
    });
    expect(id).toBe(traceId);
    expect(context).toEqual({
      traceId,
      parentId,
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
      flags: FLAG_SAMPLED,
      tracestate: [
        { key: 'rojo', value: '00f067aa0ba902b7' },
        { key: 'congo', value: 't61rcWkgMzE' },
      ],
    });
    expect(context.spanId).not.toBe(parentId);
  });

  it('keeps the traceparent but drops an invalid tracestate', () => {
    const { context } = resolveTrace({
      traceparent: `00-${traceId}-${parentId}-00`,
      tracestate: 'foo=1,foo=2',
    });
    expect(context).toMatchObject({ traceId, parentId, flags: 0, tracestate: [] });
  });

  it('starts a random trace, ignoring tracestate, when traceparent is invalid or repeated', () => {
    for (const traceparent of [
      `00-${'0'.repeat(32)}-${parentId}-01`,
      [`00-${traceId}-${parentId}-01`, `00-${traceId}-${parentId}-01`],
    ]) {
      const { traceId: id, context } = resolveTrace({ traceparent, tracestate: 'foo=1' });
      expect(id).toBe(context.traceId);
      expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(context.traceId).not.toBe(traceId);
      expect(context.parentId).toBeUndefined();
      expect(context.flags).toBe(FLAG_RANDOM);
      expect(context.tracestate).toEqual([]);
    }
  });

  it('propagates an X-Trace-Id shaped like a W3C trace ID, and a new W3C trace ID for any other', () => {
    const fromHeader = resolveTrace({ 'x-trace-id': traceId });
    expect(fromHeader.traceId).toBe(traceId);
    expect(fromHeader.context).toMatchObject({ traceId, flags: 0 });

    const other = resolveTrace({ 'x-trace-id': 'req_42.a-b' });
    expect(other.traceId).toBe('req_42.a-b');
    expect(other.context.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(other.context.flags).toBe(FLAG_RANDOM);
  });
});
