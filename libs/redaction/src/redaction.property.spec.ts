import fc from 'fast-check';
import { redactor } from './index';
import { REQUIRED_SENSITIVE_KEYS } from './required-keys.fixture';

const RUNS = { numRuns: 400 };

const DIGITS = '0123456789';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = `${ALPHANUMERIC}-_`;

/** A secret as it is written, and the part of it that must never come out of the redactor. */
interface Secret {
  text: string;
  core: string;
  /** Look for the core with spaces and dashes removed from the output (card numbers). */
  ignoreSeparators?: boolean;
}

function chars(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
}

/** The digit that makes `body` + digit pass the Luhn check (written apart from the library's). */
function luhnCheckDigit(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((char, index) => {
    const digit = Number(char) * (index % 2 === 0 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  });
  return String((10 - (sum % 10)) % 10);
}

/** Luhn-valid 13–19 digits, plain, in groups of four, or with random single separators. */
const cardSecret: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.integer({ min: 12, max: 18 }).chain((length) => chars(DIGITS, length, length)),
    fc.constantFrom('plain', 'groups', 'random'),
    fc.constantFrom(' ', '-'),
    fc.array(fc.constantFrom('', '', ' ', '-'), { minLength: 18, maxLength: 18 }),
  )
  .map(([body, layout, groupSeparator, randomSeparators]) => {
    const digits = body + luhnCheckDigit(body);
    const separator = (index: number) => {
      if (layout === 'groups') return index % 4 === 0 ? groupSeparator : '';
      return layout === 'random' ? randomSeparators[index - 1] : '';
    };
    const text = [...digits].map((digit, index) => (index === 0 ? '' : separator(index)) + digit);
    return { text: text.join(''), core: digits, ignoreSeparators: true };
  });

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const ssnSecret: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.integer({ min: 1, max: 899 }).filter((area) => area !== 666),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 9999 }),
  )
  .map(([area, group, serial]) => {
    const ssn = `${pad(area, 3)}-${pad(group, 2)}-${pad(serial, 4)}`;
    return { text: ssn, core: ssn };
  });

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

const jwtSecret: fc.Arbitrary<Secret> = fc
  .record({
    alg: fc.constantFrom('HS256', 'RS256', 'ES256', 'EdDSA'),
    kid: fc.option(chars(ALPHANUMERIC, 1, 8), { nil: undefined }),
    sub: chars(ALPHANUMERIC, 1, 20),
    signature: chars(BASE64URL, 16, 86),
  })
  .map(({ alg, kid, sub, signature }) => ({
    text: `${base64url({ alg, typ: 'JWT', kid })}.${base64url({ sub })}.${signature}`,
    core: signature,
  }));

/** An RFC 6750 token: no dot at either end, maybe `=` padding. */
const bearerSecret: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.constantFrom('Bearer', 'bearer', 'BEARER'),
    chars(`${ALPHANUMERIC}-_~+/`, 20, 40),
    fc.option(chars(`${ALPHANUMERIC}-_~+/`, 1, 20), { nil: '' }),
    fc.constantFrom('', '=', '=='),
  )
  .map(([word, head, tail, padding]) => {
    const token = (tail === '' ? head : `${head}.${tail}`) + padding;
    return { text: `${word} ${token}`, core: token };
  });

const urlCredentialsSecret: fc.Arbitrary<Secret> = fc
  .record({
    scheme: fc.constantFrom('https', 'http', 'postgres', 'redis', 'amqp', 'git+ssh'),
    user: chars(`${ALPHANUMERIC}-._~`, 0, 12),
    password: chars(`${ALPHANUMERIC}-._~!$&'()*+,;=%@`, 12, 24),
    host: fc.constantFrom('example.com', 'db:5432', '10.0.0.1', 'localhost'),
    rest: fc.constantFrom('', '/', '/ledger', '/x?y=1', '#top'),
  })
  .map(({ scheme, user, password, host, rest }) => ({
    text: `${scheme}://${user}:${password}@${host}${rest}`,
    core: password,
  }));

const harmlessParameter = fc
  .tuple(fc.constantFrom('foo', 'page', 'sort', 'q', 'author'), chars(ALPHANUMERIC, 0, 8))
  .map(([name, value]) => `${name}=${value}`);

/** A URL whose query holds a secret parameter among harmless ones, URL-encoded as browsers do. */
const queryParameterSecret: fc.Arbitrary<Secret> = fc
  .record({
    name: fc.constantFrom(
      'token',
      'password',
      'api_key',
      'apiKey',
      'access_token',
      'refresh_token',
      'secret',
      'client_secret',
      'sig',
      'X-Amz-Signature',
    ),
    value: fc.string({ minLength: 12, maxLength: 24 }).map(encodeURIComponent),
    before: fc.array(harmlessParameter, { maxLength: 3 }),
    after: fc.array(harmlessParameter, { maxLength: 3 }),
    fragment: fc.constantFrom('', '#top'),
  })
  .map(({ name, value, before, after, fragment }) => ({
    text: `https://example.com/cb?${[...before, `${name}=${value}`, ...after].join('&')}${fragment}`,
    core: value,
  }));

const anySecret = fc.oneof(
  cardSecret,
  ssnSecret,
  jwtSecret,
  bearerSecret,
  urlCredentialsSecret,
  queryParameterSecret,
);

/** Words that can spell no secret; a word sits between any two other tokens. */
const safeWord = fc.oneof(
  chars('abcdefghijklmnopqrstuvwxyz', 1, 10),
  chars('abcdefghijklmnopqrstuvwxyz', 1, 9).map(
    (word) => word.charAt(0).toUpperCase() + word.slice(1),
  ),
  fc.constantFrom('author', 'authority', 'footprint', 'classname', 'token', 'password', 'ssn'),
);

const safeToken = fc.oneof(
  safeWord,
  fc.integer({ min: -999_999, max: 999_999 }).map(String),
  fc.integer({ min: 0, max: 9_999_999 }).map((cents) => (cents / 100).toFixed(2)),
  fc
    .date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.uuid(),
  fc.constantFrom('10.0.0.1:443', '12:30', '99%', '(5)', '#42', 'e.g.', '3.14'),
);

/** Every separator holds a space, so no secret's core can be formed across tokens. */
const separator = fc.constantFrom(' ', ', ', '. ', ' - ', '; ', ': ', ' (', ') ', '! ', '? ');

const safeText: fc.Arbitrary<string> = fc
  .array(fc.tuple(safeWord, separator, safeToken, separator), { maxLength: 6 })
  .map((parts) => parts.flat().join('').trim());

/** Letters that no sensitive key can be spelled with. */
const safeKey = fc.oneof(
  fc.constantFrom('id', 'name', 'amount', 'createdAt', 'author', 'authority', 'footprint', 'items'),
  chars('bfhjlmquxyz', 1, 8),
  fc.tuple(chars('bfhjlmquxyz', 1, 6), chars('bfhjlmquxyz', 1, 6)).map(([a, b]) => `${a}_${b}`),
);

type SafeValue = string | number | boolean | null | SafeValue[] | { [key: string]: SafeValue };

const safeValue: fc.Arbitrary<SafeValue> = fc.letrec<{ value: SafeValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    safeText,
    fc.integer(),
    fc.maxSafeInteger(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(safeKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** One level of nesting: under a harmless key next to a sibling, or among array items. */
const container: fc.Arbitrary<(inner: unknown) => unknown> = fc.oneof(
  fc
    .tuple(safeKey, safeValue)
    .map(([key, sibling]) => (inner: unknown) => ({ other: sibling, [key]: inner })),
  fc
    .tuple(fc.array(safeValue, { maxLength: 3 }), fc.nat())
    .map(([items, at]) => (inner: unknown) => {
      const copy: unknown[] = [...items];
      copy.splice(at % (items.length + 1), 0, inner);
      return copy;
    }),
);

/** Wraps a value in 0–10 containers. */
function placeDeep(value: unknown, containers: readonly ((inner: unknown) => unknown)[]): unknown {
  return containers.reduceRight((inner, wrap) => wrap(inner), value);
}

const styles = {
  camel: (words: string[]) =>
    words
      .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
      .join(''),
  snake: (words: string[]) => words.join('_'),
  kebab: (words: string[]) => words.join('-'),
  upper: (words: string[]) => words.join('_').toUpperCase(),
};

/** A sensitive word, maybe between harmless words, in any spelling: `xApiKey`, `DB_PASSWORD`. */
const sensitiveKey = fc
  .tuple(
    fc.option(fc.constantFrom('user', 'db', 'x', 'new', 'header'), { nil: undefined }),
    fc.constantFrom(...REQUIRED_SENSITIVE_KEYS),
    fc.option(fc.constantFrom('value', 'hash', 'header', 'old'), { nil: undefined }),
    fc.constantFrom(...(Object.keys(styles) as (keyof typeof styles)[])),
  )
  .map(([before, word, after, style]) => {
    const words = [before, ...word.split(/[-_]/), after].filter((part) => part !== undefined);
    return styles[style](words);
  });

/** Text that may end or start with digits, letters or anything else, next to the secret. */
const surroundingText = fc.oneof(
  fc.string({ maxLength: 10 }),
  chars(`${DIGITS} -`, 0, 10),
  fc.string({ unit: 'binary', maxLength: 10 }),
);

function leaked(output: unknown, secret: Secret): boolean {
  const json = JSON.stringify(output);
  if (!secret.ignoreSeparators) return json.includes(secret.core);
  return json.replace(/[ -]/g, '').includes(secret.core);
}

describe('redaction properties', () => {
  it('the card generator makes Luhn-valid numbers', () => {
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnCheckDigit('555555555555444')).toBe('4');
    expect(luhnCheckDigit('37828224631000')).toBe('5');
  });

  it('a secret value never survives, wherever it is placed', () => {
    fc.assert(
      fc.property(
        anySecret,
        fc.constantFrom('whole string', 'inside text', 'under a sensitive key'),
        surroundingText,
        surroundingText,
        sensitiveKey,
        fc.array(container, { maxLength: 10 }),
        (secret, placement, before, after, key, containers) => {
          const leaf =
            placement === 'whole string'
              ? secret.text
              : placement === 'inside text'
                ? `${before} ${secret.text} ${after}`
                : { [key]: secret.text };
          const output = redactor.redact(placeDeep(leaf, containers));

          expect(leaked(output, secret)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('a value under a sensitive key never survives, whatever its type and depth', () => {
    fc.assert(
      fc.property(
        sensitiveKey,
        chars(ALPHANUMERIC, 12, 24),
        fc.constantFrom(
          (password: string) => password,
          (password: string) => ({ value: password }),
          (password: string) => [1, [password]],
        ),
        fc.array(container, { maxLength: 10 }),
        (key, password, shape, containers) => {
          const output = redactor.redact(placeDeep({ [key]: shape(password) }, containers));

          expect(JSON.stringify(output)).not.toContain(password);
        },
      ),
      RUNS,
    );
  });

  it('text without secrets comes out identical', () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(redactor.redactText(text)).toBe(text);
      }),
      RUNS,
    );
  });

  it('objects without secrets come out deep-equal', () => {
    fc.assert(
      fc.property(safeValue, (value) => {
        expect(redactor.redact(value)).toStrictEqual(value);
      }),
      RUNS,
    );
  });

  it('redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(surroundingText, anySecret, surroundingText, (before, secret, after) => {
        const once = redactor.redactText(`${before} ${secret.text} ${after}`);

        expect(redactor.redactText(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('never mutates the input', () => {
    fc.assert(
      fc.property(
        anySecret,
        sensitiveKey,
        fc.array(container, { maxLength: 5 }),
        (secret, key, containers) => {
          const input = placeDeep({ [key]: secret.text, note: `see ${secret.text}` }, containers);
          const before = structuredClone(input);

          redactor.redact(input);

          // structuredClone builds objects of another realm than Jest's, so toEqual, not toStrictEqual.
          expect(input).toEqual(before);
        },
      ),
      RUNS,
    );
  });
});
