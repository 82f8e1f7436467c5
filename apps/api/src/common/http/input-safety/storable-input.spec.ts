import fc from 'fast-check';
import { storableText, storableValue, unstorableTextReason } from '../../text/storable-text';
import {
  MAX_INPUT_DEPTH,
  unstorableInputErrors,
  unstorablePathErrors,
  unstorableQueryErrors,
} from './storable-input';

const storableString = fc.string({ unit: 'grapheme' }).filter((text) => !text.includes('\u0000'));
const safeKey = storableString.filter(
  (key) => !['__proto__', 'constructor', 'prototype'].includes(key),
);
const storableJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false),
    fc.integer(),
    storableString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(safeKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('unstorableInputErrors', () => {
  it('finds nothing wrong in JSON of well-formed, NUL-free text and ordinary keys', () => {
    fc.assert(
      fc.property(storableJson, (value) => expect(unstorableInputErrors(value)).toEqual({})),
    );
  });

  it('names the field holding a NUL or an unpaired surrogate, however deep (below the limit)', () => {
    const bad = fc.constantFrom('a\u0000b', '\ud800', 'x\udfff', '\ud83d');
    const path = fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(path, bad, (keys, text) => {
        const value = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), text);
        const errors = unstorableInputErrors(value);
        expect(Object.keys(errors)).toEqual([keys.join('.')]);
        expect(errors[keys.join('.')][0]).toMatch(/NUL|unpaired surrogate/);
      }),
    );
  });

  it('refuses prototype keys, naming them, even though they are own properties after JSON.parse', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const errors = unstorableInputErrors(JSON.parse(`{"entries":[{"${key}":{"x":1}}]}`));
      expect(errors).toEqual({
        [`entries.0.${key}`]: [`entries.0.${key} is not an allowed field name`],
      });
    }
  });

  it('stops at the depth limit without overflowing the stack on 10 000 levels', () => {
    const deep: unknown = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(unstorableInputErrors(deep)).toEqual({
      body: [`body is nested more than ${MAX_INPUT_DEPTH} levels deep`],
    });
    const fits: unknown = JSON.parse(
      `${'['.repeat(MAX_INPUT_DEPTH)}${']'.repeat(MAX_INPUT_DEPTH)}`,
    );
    expect(unstorableInputErrors(fits)).toEqual({});
  });
});

describe('raw URLs', () => {
  it('refuses NUL, encoded surrogates and bytes that are not UTF-8 in a path', () => {
    for (const path of ['/a/%00', '/a/%ED%A0%80', '/a/%FF', '/a/%zz']) {
      expect(Object.keys(unstorablePathErrors(path))).toEqual(['path']);
    }
    expect(unstorablePathErrors('/api/v1/categories/caf%C3%A9%20bar')).toEqual({});
  });

  it('names the query parameter at fault and accepts ordinary encodings', () => {
    expect(unstorableQueryErrors('action=a%00b&page=1')).toEqual({
      action: [expect.stringMatching(/^action contains a NUL/)],
    });
    expect(unstorableQueryErrors('q=%ED%A0%80')).toEqual({
      q: [expect.stringMatching(/^q has malformed percent-encoding/)],
    });
    expect(unstorableQueryErrors('q=caf%C3%A9+au+lait&from=2026-01-01T00%3A00%3A00Z')).toEqual({});
  });
});

describe('storableText', () => {
  it('always gives text PostgreSQL can store, and leaves storable text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const stored = storableText(text);
        expect(unstorableTextReason(stored)).toBeUndefined();
        expect(stored).toHaveLength(text.length);
        if (unstorableTextReason(text) === undefined) expect(stored).toBe(text);
      }),
    );
  });

  it('makes keys and nested values storable', () => {
    expect(storableValue({ 'k\u0000': ['\ud800', 1, null, { x: 'a\udc00' }] })).toEqual({
      'k\ufffd': ['\ufffd', 1, null, { x: 'a\ufffd' }],
    });
  });
});
