import fc from 'fast-check';
import {
  FLAG_RANDOM,
  FLAG_SAMPLED,
  formatTraceparent,
  formatTracestate,
  outgoingTraceHeaders,
  parseTraceparent,
  parseTracestate,
  TRACESTATE_MAX_MEMBERS,
  TracestateMember,
} from './trace-context';

const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const hex = (length: number) => chars('0123456789abcdef', length, length);
const nonZeroHex = (length: number) => hex(length).filter((id) => !/^0+$/.test(id));

const traceparentParts = fc.record({
  traceId: nonZeroHex(32),
  parentId: nonZeroHex(16),
  flags: hex(2),
});

const LC_ALPHA = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const KEY_CHARS = `${LC_ALPHA}${DIGITS}_-*/`;
const simpleKey = fc
  .tuple(chars(LC_ALPHA + DIGITS, 1, 1), chars(KEY_CHARS, 0, 255))
  .map(([first, rest]) => first + rest);
const multiTenantKey = fc
  .tuple(
    chars(LC_ALPHA + DIGITS, 1, 1),
    chars(KEY_CHARS, 0, 240),
    chars(LC_ALPHA, 1, 1),
    chars(KEY_CHARS, 0, 13),
  )
  .map(([first, tenant, system, rest]) => `${first}${tenant}@${system}${rest}`);
const key = fc.oneof(simpleKey, multiTenantKey);

/** Printable ASCII but comma and equals sign; the last character not a space. */
const VALUE_CHARS = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((character) => character !== ',' && character !== '=')
  .join('');
const value = fc
  .tuple(chars(VALUE_CHARS, 0, 255), chars(VALUE_CHARS.slice(1), 1, 1))
  .map(([head, last]) => head + last);

const members = (minLength: number, maxLength: number) =>
  fc.uniqueArray(fc.record({ key, value }), {
    selector: (member) => member.key,
    minLength,
    maxLength,
  });

/** Optional whitespace as senders produce it: spaces and tabs. */
const ows = chars(' \t', 0, 3);

/** A header value listing `list` with arbitrary OWS and empty members around its members. */
const withNoise = (list: TracestateMember[]) =>
  fc
    .array(fc.tuple(ows, ows, fc.boolean()), { minLength: list.length, maxLength: list.length })
    .map((noise) =>
      list
        .map(({ key: k, value: v }, index) => {
          const [before, after, emptyBefore] = noise[index];
          return `${emptyBefore ? `${before},` : ''}${before}${k}=${v}${after}`;
        })
        .join(','),
    );

describe('traceparent', () => {
  it('parses any valid version 00 traceparent, and writes it back as it was (reserved flags as zero)', () => {
    fc.assert(
      fc.property(traceparentParts, ows, ows, ({ traceId, parentId, flags }, before, after) => {
        const parsed = parseTraceparent(`${before}00-${traceId}-${parentId}-${flags}${after}`);
        expect(parsed).toEqual({ version: '00', traceId, parentId, flags: parseInt(flags, 16) });
        const known = (parseInt(flags, 16) & (FLAG_SAMPLED | FLAG_RANDOM)).toString(16);
        expect(formatTraceparent({ traceId, parentId, flags: parseInt(flags, 16) })).toBe(
          `00-${traceId}-${parentId}-0${known}`,
        );
      }),
    );
  });

  it('parses a future version (not ff) from its first 55 characters when a dash or the end follows', () => {
    const futureVersion = hex(2).filter((version) => version !== '00' && version !== 'ff');
    const future = fc.oneof(
      fc.constant(''),
      fc.string().map((rest) => `-${rest}`),
    );
    fc.assert(
      fc.property(futureVersion, traceparentParts, future, (version, parts, rest) => {
        const parsed = parseTraceparent(
          `${version}-${parts.traceId}-${parts.parentId}-${parts.flags}${rest}`,
        );
        expect(parsed).toEqual({
          version,
          traceId: parts.traceId,
          parentId: parts.parentId,
          flags: parseInt(parts.flags, 16),
        });
      }),
    );
  });

  it('refuses version 00 followed by anything', () => {
    fc.assert(
      fc.property(traceparentParts, fc.string({ minLength: 1 }), (parts, rest) => {
        fc.pre(!/^[ \t]+$/.test(rest));
        const header = `00-${parts.traceId}-${parts.parentId}-${parts.flags}${rest}`;
        expect(parseTraceparent(header)).toBeUndefined();
      }),
    );
  });

  it('refuses any traceparent with an upper-case hex digit', () => {
    fc.assert(
      fc.property(
        hex(2).filter((version) => version !== 'ff'),
        traceparentParts,
        fc.nat(),
        (version, { traceId, parentId, flags }, pick) => {
          const header = `${version}-${traceId}-${parentId}-${flags}`;
          const letters = [...header].flatMap((c, i) => (/[a-f]/.test(c) ? [i] : []));
          fc.pre(letters.length > 0);
          const at = letters[pick % letters.length];
          const upper = header.slice(0, at) + header[at].toUpperCase() + header.slice(at + 1);
          expect(parseTraceparent(upper)).toBeUndefined();
        },
      ),
    );
  });

  it('refuses all-zero trace and parent IDs, and version ff, whatever else it holds', () => {
    fc.assert(
      fc.property(hex(2), traceparentParts, (version, { traceId, parentId, flags }) => {
        fc.pre(version !== 'ff');
        const zeroTrace = `${version}-${'0'.repeat(32)}-${parentId}-${flags}`;
        const zeroParent = `${version}-${traceId}-${'0'.repeat(16)}-${flags}`;
        expect(parseTraceparent(zeroTrace)).toBeUndefined();
        expect(parseTraceparent(zeroParent)).toBeUndefined();
        expect(parseTraceparent(`ff-${traceId}-${parentId}-${flags}`)).toBeUndefined();
      }),
    );
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['a version of one digit', `0-${'a'.repeat(32)}-${'b'.repeat(16)}-01`],
    ['a trace ID too short', `00-${'a'.repeat(31)}-${'b'.repeat(16)}-01`],
    ['a parent ID too long', `00-${'a'.repeat(32)}-${'b'.repeat(17)}-01`],
    ['flags too short', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-1`],
    ['a future version shorter than 55', `cc-${'a'.repeat(32)}-${'b'.repeat(16)}-1`],
    ['a future version followed by a dot', `cc-${'a'.repeat(32)}-${'b'.repeat(16)}-01.x`],
    [
      'two traceparents combined',
      `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01, 00-${'c'.repeat(32)}-${'b'.repeat(16)}-01`,
    ],
  ])('refuses %s', (_case, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });
});

describe('tracestate', () => {
  it('keeps any valid list, whatever OWS and empty members surround it, in order', () => {
    fc.assert(
      fc.property(
        members(1, TRACESTATE_MAX_MEMBERS).chain((list) =>
          withNoise(list).map((header) => ({ list, header })),
        ),
        ({ list, header }) => {
          expect(parseTracestate(header)).toEqual(list);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is idempotent: parsing what it writes gives the same list', () => {
    fc.assert(
      fc.property(
        fc.oneof(members(1, TRACESTATE_MAX_MEMBERS).chain(withNoise), fc.string()),
        (header) => {
          const parsed = parseTracestate(header);
          if (parsed === undefined) return;
          expect(parseTracestate(formatTracestate(parsed))).toEqual(parsed);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses the whole list for more than 32 members or a repeated key', () => {
    fc.assert(
      fc.property(members(TRACESTATE_MAX_MEMBERS + 1, 40), (list) => {
        expect(parseTracestate(formatTracestate(list))).toBeUndefined();
      }),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(members(1, 31), fc.nat(), value, (list, pick, other) => {
        const repeated = { key: list[pick % list.length].key, value: other };
        expect(parseTracestate(formatTracestate([...list, repeated]))).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('whatever it is given, answers only lists of valid members, or undefined', () => {
    const memberPattern =
      /^(?:[a-z0-9][a-z0-9_\-*/]{0,255}|[a-z0-9][a-z0-9_\-*/]{0,240}@[a-z][a-z0-9_\-*/]{0,13})=[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (header) => {
        const parsed = parseTracestate(header);
        if (parsed === undefined) return;
        expect(parsed.length).toBeLessThanOrEqual(TRACESTATE_MAX_MEMBERS);
        expect(new Set(parsed.map((member) => member.key)).size).toBe(parsed.length);
        for (const member of parsed) expect(`${member.key}=${member.value}`).toMatch(memberPattern);
      }),
    );
  });

  it.each([
    ['a missing header', undefined, []],
    ['an empty header', '', []],
    ['only OWS and commas', ' \t, ,\t', []],
    [
      'leading spaces of a value, which are part of it',
      'foo=  bar ',
      [{ key: 'foo', value: '  bar' }],
    ],
  ])('reads %s', (_case, header, expected) => {
    expect(parseTracestate(header)).toEqual(expected);
  });

  it.each([
    ['a key of 257 characters', `${'z'.repeat(257)}=1`],
    ['a tenant of 242 characters', `${'t'.repeat(242)}@v=1`],
    ['a system of 15 characters', `t@${'v'.repeat(15)}=1`],
    ['a system starting with a digit', 't@1v=1'],
    ['an upper-case key', 'FOO=1'],
    ['a space before =', 'foo =1'],
    ['= in a value', 'foo=bar=baz'],
    ['an empty value', 'foo='],
    ['a value of 257 characters', `foo=${'v'.repeat(257)}`],
    ['a tab inside a value', 'foo=a\tb'],
    ['a member without =', 'foo'],
    ['a non-ASCII value', 'foo=é'],
  ])('refuses the whole list for %s', (_case, header) => {
    expect(parseTracestate(`ok=1,${header}`)).toBeUndefined();
  });
});

describe('outgoing trace headers', () => {
  const context = {
    traceId: 'a'.repeat(32),
    parentId: 'b'.repeat(16),
    spanId: 'c'.repeat(16),
    flags: FLAG_SAMPLED | FLAG_RANDOM,
    tracestate: [
      { key: 'congo', value: 't61rcWkgMzE' },
      { key: 'rojo', value: '00f067aa0ba902b7' },
    ],
  };

  it('carry the trace ID, a new parent ID each time, the flags and the tracestate', () => {
    const first = outgoingTraceHeaders(context);
    const second = outgoingTraceHeaders(context);
    expect(first.traceparent).toMatch(/^00-a{32}-[0-9a-f]{16}-03$/);
    expect(first.traceparent).not.toBe(second.traceparent);
    expect(first.traceparent.slice(36, 52)).not.toBe(context.parentId);
    expect(first.tracestate).toBe('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
  });

  it('send no tracestate when there is none', () => {
    expect(outgoingTraceHeaders({ ...context, tracestate: [] })).not.toHaveProperty('tracestate');
  });

  it('start a new trace, with the random flag, outside a request', () => {
    const headers = outgoingTraceHeaders(undefined);
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-02$/);
    expect(parseTraceparent(headers.traceparent)).toBeDefined();
    expect(headers).not.toHaveProperty('tracestate');
  });
});
