import fc from 'fast-check';
import { JsonSchema } from './openapi-operations';

/**
 * Values for the fuzzer: valid ones derived from an OpenAPI schema, and hostile ones by category
 * (what the issue lists: wrong types, 1 MB strings, deep nesting, NUL, lone surrogates, prototype
 * keys, huge and negative numbers, invalid dates, UUIDs and enum values).
 */

/** JSON text spliced verbatim into a body (what `JSON.stringify` cannot make, e.g. 10 000 levels). */
export class RawJson {
  constructor(readonly text: string) {}
}

export const ONE_MB = 1024 * 1024;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DEPTH = 10_000;

const deepArray = new RawJson(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`);
const deepObject = new RawJson(`${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`);
/** Bodies arrive as JSON text, so own `__proto__` keys survive only when made by JSON.parse. */
const prototypeObjects = [
  JSON.parse('{"__proto__":{"isAdmin":true,"role":"admin"}}'),
  JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}'),
  JSON.parse('{"prototype":{"polluted":1}}'),
];

export interface Hostile {
  category: string;
  value: unknown;
}

const tag = (category: string, values: unknown[]): fc.Arbitrary<Hostile> =>
  fc.constantFrom(...values).map((value) => ({ category, value }));

const VALID_PASSWORD_PREFIX = 'fuzz-pw-';

/** The generated passwords a request body sends: no answer may show them again. */
export function passwordsIn(body: string): string[] {
  return [...body.matchAll(new RegExp(`"(${VALID_PASSWORD_PREFIX}[a-z0-9]+)"`, 'g'))].map(
    (match) => match[1],
  );
}

/** A value the schema accepts (as far as a JSON schema can say: examples make it likelier). */
export function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const generated = generatedValue(schema);
  const withExample =
    schema.example !== undefined
      ? fc.oneof({ weight: 3, arbitrary: fc.constant(schema.example) }, generated)
      : generated;
  return schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: withExample }, fc.constant(null))
    : withExample;
}

function generatedValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.integer({
        min: Math.max(schema.minimum ?? 0, -1_000_000),
        max: Math.min(schema.maximum ?? 1_000_000, 1_000_000),
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return validObject(schema);
    default:
      return validString(schema);
  }
}

function validObject(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) {
    return schema.additionalProperties
      ? fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
      : fc.constant({});
  }
  return fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validValue(value)])),
    { requiredKeys: (schema.required ?? []).filter((key) => key in properties) },
  );
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      // Near now: routes take recent times only (a browser log entry at most 7 days old).
      return fc
        .integer({ min: -3 * DAY_MS, max: HOUR_MS / 2 })
        .map((offset) => new Date(Date.now() + offset).toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'password':
      return fc.stringMatching(/^[a-z0-9]{8,20}$/).map((rest) => `${VALID_PASSWORD_PREFIX}${rest}`);
    case 'email':
      return fc.emailAddress();
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 24, 24),
  });
}

const HUGE_NUMBERS = [1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 53 + 2, -1, 0, 1.5, -0.5, 1e-308];
const NUMBER_LIKE_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e308', '-1', '0x10', '1_000', ' 1'];
const INVALID_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-1-1',
  'not a date',
  '2026-11-03T25:61:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01',
];
const MALFORMED_UUIDS = [
  '00000000-0000-0000-0000-00000000000g',
  '00000000000000000000000000000000',
  '123',
  "' OR '1'='1",
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '../../etc/passwd',
];
const UNKNOWN_ENUMS = ['', 'EXPENSE', 'unknown', ' expense', 'null', '*'];
const NUL_STRINGS = ['\u0000', 'a\u0000b', '\u0000'.repeat(64)];
const LONE_SURROGATES = ['\ud800', 'a\udfffb', '\udc00\ud800', 'x\ud83d'];
const WRONG_TYPES = [null, true, 0, -1, 'text', [], [1, 'a'], {}, { a: 1 }];
const HUGE_STRINGS = ['a'.repeat(ONE_MB), 'é'.repeat(ONE_MB / 2), 'a'.repeat(64 * 1024)];

/** A hostile value for a body field of `schema` (the category says what it tries). */
export function hostileValue(schema: JsonSchema): fc.Arbitrary<Hostile> {
  const options: fc.Arbitrary<Hostile>[] = [
    tag('wrong-type', WRONG_TYPES),
    tag('huge-string', HUGE_STRINGS),
    tag('deep-nesting', [deepArray, deepObject]),
    tag('nul', NUL_STRINGS),
    tag('lone-surrogate', LONE_SURROGATES),
    tag('prototype-keys', prototypeObjects),
    tag('huge-number', [...HUGE_NUMBERS, ...NUMBER_LIKE_STRINGS]),
  ];
  if (schema.format === 'date' || schema.format === 'date-time') {
    options.push(tag('invalid-date', INVALID_DATES));
  }
  if (schema.format === 'uuid') options.push(tag('malformed-uuid', MALFORMED_UUIDS));
  if (schema.enum) options.push(tag('unknown-enum', UNKNOWN_ENUMS));
  return fc.oneof(...options);
}

/** Hostile text for a query or path value, already percent-encoded as it goes on the wire. */
export function hostileWireValue(schema: JsonSchema): fc.Arbitrary<Hostile> {
  // Node refuses request heads over 16 KB before the app sees them: no 1 MB strings in a URL.
  const encodable = hostileValue(schema).filter(
    ({ value }) => typeof value === 'number' || (typeof value === 'string' && value.length <= 4000),
  );
  return fc.oneof(
    encodable.map(({ category, value }) => ({ category, value: encodeWire(String(value)) })),
    tag('nul', ['%00', 'a%00b', '%C0%80']),
    tag('lone-surrogate', ['%ED%A0%80', 'a%ED%B0%80b']),
    tag('invalid-utf8', ['%FF', '%C3', '%E2%82']),
    tag('bad-percent-encoding', ['%', '%zz', '100%']),
    tag('huge-string', ['a'.repeat(4000)]),
  );
}

/**
 * A generated value as text for a URL or form: objects as JSON, since `String()` throws on the
 * objects fast-check makes with a `toString` key or no prototype.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value ?? '');
}

/** Percent-encodes text, writing a lone surrogate as the bytes a careless client sends (CESU-8). */
export function encodeWire(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      }
      return encodeURIComponent(char);
    })
    .join('');
}

/** JSON text of `value`, with any RawJson spliced in verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (!(inner instanceof RawJson)) return inner;
    raws.push(inner.text);
    return `\u0001raw${raws.length - 1}\u0001`;
  });
  return raws.reduce(
    (joined, raw, index) => joined.replace(`"\\u0001raw${index}\\u0001"`, () => raw),
    text ?? '',
  );
}

export const STRUCTURAL_BODIES = {
  'deep-nesting': [deepArray.text, deepObject.text],
  'malformed-json': ['{', '{"a":}', '[1,]', 'nul', '{"a":1}{"b":2}', "{'a':1}"],
  'oversize-body': [`{"a":"${'a'.repeat(ONE_MB + 1024)}"}`],
};
