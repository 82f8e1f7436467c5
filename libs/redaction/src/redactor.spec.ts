import { createRedactor, REDACTED, redactor } from './index';

const { redact } = redactor;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/** Nested `{ child: { child: … } }`, `levels` objects deep. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 'password=hunter2' };
  for (let level = 1; level < levels; level++) value = { child: value };
  return value;
}

/** The value `levels` steps of `child` below `value`. */
function descend(value: unknown, levels: number): unknown {
  let current = value;
  for (let level = 0; level < levels; level++) current = (current as { child: unknown }).child;
  return current;
}

describe('redact', () => {
  it('exports the marker for values under sensitive keys', () => {
    expect(REDACTED).toBe('[REDACTED]');
  });

  it('replaces the whole value under a sensitive key at any depth, whatever its type', () => {
    const record = {
      user: { name: 'Ann', password: 'hunter2', settings: { apiKey: { id: 1, value: 'k' } } },
      headers: { Authorization: 'Basic YWxhZGRpbjpvcGVu', 'x-request-id': 'r1' },
      tokens: [1, 2],
      cvv: 123,
      otp: null,
      list: [{ refreshToken: ['a', 'b'] }, { note: 'fine' }],
    };

    expect(redact(record)).toEqual({
      user: { name: 'Ann', password: REDACTED, settings: { apiKey: REDACTED } },
      headers: { Authorization: REDACTED, 'x-request-id': 'r1' },
      tokens: REDACTED,
      cvv: REDACTED,
      otp: REDACTED,
      list: [{ refreshToken: REDACTED }, { note: 'fine' }],
    });
  });

  it('redacts secret values in strings under harmless keys, in arrays and nested arrays', () => {
    const record = {
      message: 'charged card 4111 1111 1111 1111',
      urls: ['https://bob:pw@example.com/', ['/cb?code=1&token=abc']],
      nested: { note: 'ssn 123-45-6789' },
    };

    expect(redact(record)).toEqual({
      message: 'charged card [REDACTED:card]',
      urls: ['https://[REDACTED:credentials]@example.com/', ['/cb?code=1&token=[REDACTED]']],
      nested: { note: 'ssn [REDACTED:ssn]' },
    });
  });

  it('redacts secrets in keys too', () => {
    expect(redact({ '4111111111111111': 'saved card' })).toEqual({
      '[REDACTED:card]': 'saved card',
    });
  });

  it('redacts strings, and keeps numbers, booleans, null, undefined and bigints', () => {
    expect(redact('Bearer abc123def456')).toBe('Bearer [REDACTED:bearer]');
    expect(redact([4111111111111111, true, null, undefined, 10n])).toEqual([
      4111111111111111,
      true,
      null,
      undefined,
      10n,
    ]);
  });

  it('never mutates the input', () => {
    const input = deepFreeze({
      password: 'hunter2',
      profile: { note: 'card 4111111111111111', tags: ['token=abc', { secret: 1 }] },
      at: '2024-01-15T10:30:00.000Z',
    });
    const before = structuredClone(input);

    const output = redact(input);

    expect(input).toEqual(before);
    expect(output).not.toBe(input);
    expect(output.profile).not.toBe(input.profile);
    expect(output.profile.tags).not.toBe(input.profile.tags);
  });

  it('returns a deep-equal copy of an object without secrets', () => {
    const record = {
      id: '550e8400-e29b-41d4-a716-446655440000',
      author: 'Ann',
      amount: 1234.56,
      items: [{ sku: 'A-1', qty: 2 }],
      empty: {},
    };

    const output = redact(record);

    expect(output).toEqual(record);
    expect(output).not.toBe(record);
    expect(output.items[0]).not.toBe(record.items[0]);
  });

  it('replaces a reference back to an object on the current path by [Circular]', () => {
    const parent: Record<string, unknown> = { name: 'parent' };
    const list: unknown[] = ['item'];
    parent.self = parent;
    parent.child = { up: parent, list };
    list.push(list);

    expect(redact(parent)).toEqual({
      name: 'parent',
      self: '[Circular]',
      child: { up: '[Circular]', list: ['item', '[Circular]'] },
    });
  });

  it('copies an object referenced twice but not in a cycle', () => {
    const shared = { id: 1 };

    expect(redact({ a: shared, b: [shared] })).toEqual({ a: { id: 1 }, b: [{ id: 1 }] });
  });

  it('replaces objects deeper than 32 levels by [MaxDepth]', () => {
    const output = redact(nested(40));

    expect(descend(output, 32)).toEqual({ child: '[MaxDepth]' });
  });

  it('handles 10 000 nested objects and arrays without overflowing the stack', () => {
    let deepArray: unknown = ['token=abc'];
    for (let level = 1; level < 10_000; level++) deepArray = [deepArray];

    expect(() => redact(nested(10_000))).not.toThrow();
    expect(JSON.stringify(redact(deepArray))).toContain('[MaxDepth]');
  });

  it('follows maxDepth from the options, up to 1000', () => {
    const shallow = createRedactor({ maxDepth: 1 });
    const deep = createRedactor({ maxDepth: 1000 });

    expect(shallow.redact({ a: { b: { c: 1 } }, s: 'x' })).toEqual({
      a: { b: '[MaxDepth]' },
      s: 'x',
    });
    expect(createRedactor({ maxDepth: 0 }).redact({ a: {} })).toEqual({ a: '[MaxDepth]' });
    expect(descend(deep.redact(nested(10_000)), 1000)).toEqual({ child: '[MaxDepth]' });
  });

  it.each([-1, 1.5, 1001, Number.NaN])('rejects maxDepth %p', (maxDepth) => {
    expect(() => createRedactor({ maxDepth })).toThrow(RangeError);
  });

  it('turns an error into { name, message, stack, own properties, cause }, all redacted', () => {
    const cause = new TypeError('bad token=abc');
    const error = Object.assign(new Error('login failed: password=hunter2', { cause }), {
      code: 'E_LOGIN',
      config: { headers: { authorization: 'Bearer abc123def456' } },
    });

    const output = redact(error) as unknown as Record<string, unknown>;

    expect(output).toEqual({
      name: 'Error',
      message: 'login failed: password=[REDACTED]',
      stack: expect.stringContaining('Error: login failed: password=[REDACTED]') as unknown,
      code: 'E_LOGIN',
      config: { headers: { authorization: REDACTED } },
      cause: {
        name: 'TypeError',
        message: 'bad token=[REDACTED]',
        stack: expect.stringContaining('bad token=[REDACTED]') as unknown,
      },
    });
    expect(output).not.toBeInstanceOf(Error);
    expect(JSON.stringify(output)).not.toContain('hunter2');
  });

  it('copies dates, maps and sets', () => {
    const date = new Date('2024-01-15T10:30:00.000Z');
    const input = {
      date,
      map: new Map<unknown, unknown>([
        ['password', 'hunter2'],
        ['note', 'ssn 123-45-6789'],
        [1, 'one'],
      ]),
      set: new Set(['token=abc', 'plain']),
    };

    const output = redact(input);

    expect(output.date).toEqual(date);
    expect(output.date).not.toBe(date);
    expect(output.map).toEqual(
      new Map<unknown, unknown>([
        ['password', REDACTED],
        ['note', 'ssn [REDACTED:ssn]'],
        [1, 'one'],
      ]),
    );
    expect(output.set).toEqual(new Set(['token=[REDACTED]', 'plain']));
  });

  it('copies class instances as plain objects and uses toJSON where there is one', () => {
    class User {
      constructor(
        readonly name: string,
        readonly password: string,
      ) {}
    }
    const input = { user: new User('Ann', 'hunter2'), url: new URL('https://a:b@example.com/') };

    expect(redact(input)).toEqual({
      user: { name: 'Ann', password: REDACTED },
      url: 'https://[REDACTED:credentials]@example.com/',
    });
  });

  it('keeps a __proto__ key as an own property and never changes the prototype', () => {
    const input = JSON.parse('{"__proto__": {"password": "hunter2"}, "a": 1}') as Record<
      string,
      unknown
    >;

    const output = redact(input);

    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output)).toEqual(['__proto__', 'a']);
    expect(output['__proto__']).toEqual({ password: REDACTED });
  });

  it('keeps objects without a prototype without one', () => {
    const input = Object.assign(Object.create(null) as object, { token: 'abc' });

    const output = redact(input);

    expect(Object.getPrototypeOf(output)).toBeNull();
    expect(output.token).toBe(REDACTED);
  });

  it('applies the configured keys and patterns to objects', () => {
    const custom = createRedactor({
      extraKeys: ['pin'],
      extraPatterns: [{ name: 'iban', pattern: /\bDE\d{20}\b/ }],
    });

    expect(
      custom.redact({ card: { pin: 1234, holder: 'Ann' }, note: 'IBAN DE89370400440532013000' }),
    ).toEqual({ card: { pin: REDACTED, holder: 'Ann' }, note: 'IBAN [REDACTED:iban]' });
    expect(redact({ pin: 1234 })).toEqual({ pin: 1234 });
  });
});
