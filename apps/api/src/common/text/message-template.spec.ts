import fc from 'fast-check';
import { MESSAGE_TEMPLATE_MAX_LENGTH, messageTemplateOf } from './message-template';

const RUNS = { numRuns: 300 };

const HEX = '0123456789abcdef';
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function chars(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
}

const nat = (max = 1_000_000_000) => fc.integer({ min: 0, max });
const dates = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

/** One kind of parameter: how to write a value of it, and the placeholder it must become. */
interface Kind {
  placeholder: string;
  value: fc.Arbitrary<string>;
}

const KINDS: Record<string, Kind> = {
  integer: { placeholder: '<num>', value: nat().map(String) },
  negative: { placeholder: '<num>', value: nat().map((n) => `-${n + 1}`) },
  decimal: { placeholder: '<num>', value: fc.tuple(nat(), nat(999)).map(([a, b]) => `${a}.${b}`) },
  thousands: {
    placeholder: '<num>',
    value: fc
      .tuple(fc.integer({ min: 1, max: 999 }), nat(999))
      .map(([a, b]) => `${a},${String(b).padStart(3, '0')}`),
  },
  uuid: { placeholder: '<uuid>', value: fc.uuid() },
  upperUuid: { placeholder: '<uuid>', value: fc.uuid().map((id) => id.toUpperCase()) },
  email: {
    placeholder: '<email>',
    value: fc
      .tuple(chars('abcdefghijklmnopqrstuvwxyz0123456789._+-', 1, 20), chars('abcdefghij', 1, 10))
      .map(([local, domain]) => `${local}@${domain}.example.com`),
  },
  url: {
    placeholder: '<url>',
    value: fc
      .tuple(
        fc.constantFrom('http', 'https', 'postgres', 'ws'),
        chars('abcdefghijklmnopqrstuvwxyz', 1, 12),
        fc.option(nat(65535)),
        fc.array(chars('abcdefghijklmnopqrstuvwxyz0123456789-_', 1, 10), { maxLength: 4 }),
        fc.option(fc.tuple(chars('abcdefghijklmnopqrstuvwxyz', 1, 6), nat())),
      )
      .map(
        ([scheme, host, port, path, query]) =>
          `${scheme}://${host}.example.com${port === null ? '' : `:${port}`}/${path.join('/')}${
            query ? `?${query[0]}=${query[1]}` : ''
          }`,
      ),
  },
  ipv4: {
    placeholder: '<ip>',
    value: fc
      .tuple(fc.array(nat(255), { minLength: 4, maxLength: 4 }), fc.option(nat(65535)))
      .map(([parts, port]) => `${parts.join('.')}${port === null ? '' : `:${port}`}`),
  },
  ipv6: {
    placeholder: '<ip>',
    value: fc
      .tuple(fc.array(chars(HEX, 1, 4), { minLength: 8, maxLength: 8 }), fc.boolean())
      .map(([groups, compressed]) =>
        compressed ? `${groups[0]}:${groups[1]}::${groups[7]}` : groups.join(':'),
      ),
  },
  isoTime: { placeholder: '<date>', value: dates.map((date) => date.toISOString()) },
  isoDate: { placeholder: '<date>', value: dates.map((date) => date.toISOString().slice(0, 10)) },
  sqlTime: {
    placeholder: '<date>',
    value: dates.map((date) => date.toISOString().replace('T', ' ').replace('Z', '+00')),
  },
  httpDate: { placeholder: '<date>', value: dates.map((date) => date.toUTCString()) },
  jsDate: { placeholder: '<date>', value: dates.map((date) => date.toString()) },
  clock: {
    placeholder: '<time>',
    value: dates.map((date) => date.toISOString().slice(11, 19)),
  },
  duration: {
    placeholder: '<duration>',
    value: fc.oneof(
      fc
        .tuple(nat(), fc.constantFrom('ms', 's', 'm', 'h', 'd', 'ns', 'µs'))
        .map(([n, u]) => `${n}${u}`),
      fc
        .tuple(nat(), nat(999), fc.constantFrom(' seconds', ' ms', ' minutes', 'sec', ' days'))
        .map(([n, d, u]) => `${n}.${d}${u}`),
      fc.tuple(nat(99), nat(59)).map(([h, m]) => `${h}h${m}m`),
    ),
  },
  prefixedHex: { placeholder: '<hex>', value: chars(HEX, 1, 16).map((hex) => `0x${hex}`) },
  hash: {
    placeholder: '<hex>',
    value: fc
      .constantFrom(8, 32, 40, 64)
      .chain((length) => chars(HEX, length - 2, length - 2).map((hex) => `a1${hex}`)),
  },
  generatedId: { placeholder: '<id>', value: chars(ID_CHARS, 19, 30).map((id) => `Q7${id}`) },
  singleQuoted: {
    placeholder: "'<str>'",
    value: fc.string({ maxLength: 40 }).map((text) => `'${text.replace(/['\\\n\r]/g, '')}'`),
  },
  doubleQuoted: {
    placeholder: "'<str>'",
    value: fc.string({ maxLength: 40 }).map((text) => `"${text.replace(/["\\\n\r]/g, '')}"`),
  },
};

/** Words with no digits, no units, no month or day names: they must come out unchanged. */
const WORDS = [
  'Failed',
  'to',
  'load',
  'order',
  'for',
  'user',
  'request',
  'timed',
  'out',
  'after',
  'with',
  'payment',
  'invalid',
  'token',
  'Cannot',
  'read',
  'value',
  'of',
  'is',
  'not',
  'found',
  'in',
  'TransactionsService',
  'ECONNREFUSED',
  'utf8',
  'Int32Array',
  'can’t',
  "user's",
];
const SEPARATORS = [' ', ', ', ': ', ' | ', ' (', ') ', ' = '];

/** A message shape: words and parameter kinds, alternating, with separators between. */
const skeleton = fc.array(
  fc.tuple(
    fc.constantFrom(...WORDS),
    fc.constantFrom(...SEPARATORS),
    fc.constantFrom(...Object.keys(KINDS)),
    fc.constantFrom(...SEPARATORS),
  ),
  { minLength: 1, maxLength: 6 },
);

type Skeleton = [string, string, string, string][];

/** The skeleton written with `values`, or with placeholders when `values` is undefined. */
function render(shape: Skeleton, values?: string[]): string {
  return shape
    .map(
      ([word, before, kind, after], index) =>
        `${word}${before}${values ? values[index] : KINDS[kind].placeholder}${after}`,
    )
    .join('');
}

/** Two independent sets of values for the parameters of a skeleton. */
const messagePair = skeleton.chain((shape) => {
  const values = fc.tuple(...shape.map(([, , kind]) => KINDS[kind].value));
  return fc.tuple(fc.constant(shape as Skeleton), values, values);
});

describe('messageTemplateOf', () => {
  it.each([
    ['Order 42 failed', 'Order <num> failed'],
    ['User 3f0b8c1e-4b7a-4d2b-9c51-0c2d5e6f7a8b not found', 'User <uuid> not found'],
    ['Mail to bob.smith+x@example.co.uk bounced', 'Mail to <email> bounced'],
    ['GET https://api.example.com/v1/users/42?expand=true failed.', 'GET <url> failed.'],
    ['connect ECONNREFUSED 10.0.0.12:5432', 'connect ECONNREFUSED <ip>'],
    ['connect ECONNREFUSED ::1:5432', 'connect ECONNREFUSED <ip>'],
    ['Deadline 2026-11-20T10:15:30.123Z passed', 'Deadline <date> passed'],
    ['Day 2026-11-20 is closed', 'Day <date> is closed'],
    ['Run at 10:15:30 skipped', 'Run at <time> skipped'],
    [
      'Expired Mon Jan 01 2024 10:00:00 GMT+0100 (Central European Standard Time) ago',
      'Expired <date> ago',
    ],
    ['Expired Mon, 01 Jan 2024 10:00:00 GMT here', 'Expired <date> here'],
    [
      'Query took 1532ms (limit 2.5s, 3 minutes, 1h30m)',
      'Query took <duration> (limit <duration>, <duration>, <duration>)',
    ],
    ['Bad pointer 0x7ffd5e8c', 'Bad pointer <hex>'],
    ['Commit 9fceb02d0ae598e95dc970b74767f19372d61af8 missing', 'Commit <hex> missing'],
    ['Session V1StGXR8_Z5jdHi6B-myT expired', 'Session <id> expired'],
    [
      `Cannot read properties of undefined (reading 'amount')`,
      `Cannot read properties of undefined (reading '<str>')`,
    ],
    ['Key "email"="a@b.io" exists', "Key '<str>'='<str>' exists"],
    [
      'Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON',
      "Unexpected token '<str>', '<str>'... is not valid JSON",
    ],
    ['Balance -250 below 1,000,000.50', 'Balance <num> below <num>'],
    ['range 5-10 and order-17', 'range <num>-<num> and order-<num>'],
    [
      "can't parse user's utf8 Int32Array v2 sha256",
      "can't parse user's utf8 Int32Array v2 sha256",
    ],
    ['  many\n\n spaces\tand lines  ', 'many spaces and lines'],
    ['Payment [REDACTED:card] declined', 'Payment [REDACTED:card] declined'],
  ])('%j → %j', (message, template) => {
    expect(messageTemplateOf(message)).toBe(template);
  });

  it('keeps words with digits in them, and std::vector-like names', () => {
    expect(messageTemplateOf('std::vector in Base64Url and ES2022')).toBe(
      'std::vector in Base64Url and ES2022',
    );
  });

  it('cuts long templates to the maximum length', () => {
    const template = messageTemplateOf('word '.repeat(1000));
    expect(template).toHaveLength(MESSAGE_TEMPLATE_MAX_LENGTH);
    expect(template.endsWith('…')).toBe(true);
  });

  describe('properties', () => {
    it('gives one template for the same message with any parameter values', () => {
      fc.assert(
        fc.property(messagePair, ([shape, first, second]) => {
          expect(messageTemplateOf(render(shape, first))).toBe(
            messageTemplateOf(render(shape, second)),
          );
        }),
        RUNS,
      );
    });

    it('replaces each parameter by its placeholder and leaves the words alone', () => {
      fc.assert(
        fc.property(messagePair, ([shape, values]) => {
          expect(messageTemplateOf(render(shape, values))).toBe(messageTemplateOf(render(shape)));
          expect(messageTemplateOf(render(shape))).toBe(render(shape).replace(/\s+/g, ' ').trim());
        }),
        RUNS,
      );
    });

    it('gives different templates for messages with different words', () => {
      fc.assert(
        fc.property(
          messagePair,
          fc.constantFrom(...WORDS),
          fc.constantFrom(...WORDS),
          ([shape, values], a, b) => {
            fc.pre(a !== b);
            const first = messageTemplateOf(`${a} ${render(shape, values)}`);
            const second = messageTemplateOf(`${b} ${render(shape, values)}`);
            expect(first).not.toBe(second);
          },
        ),
        RUNS,
      );
    });

    it('is idempotent, bounded and total on any text', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 2000 }),
            fc.string({ maxLength: 10_000 }),
            messagePair.map(([shape, values]) => render(shape, values)),
          ),
          (text) => {
            const template = messageTemplateOf(text);
            expect(template.length).toBeLessThanOrEqual(MESSAGE_TEMPLATE_MAX_LENGTH);
            expect(messageTemplateOf(template)).toBe(template);
          },
        ),
        RUNS,
      );
    });
  });
});
