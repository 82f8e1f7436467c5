import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config/app-config';
import { SecretBox, SecretBoxError } from './secret-box';

const HEX_KEY = randomBytes(32).toString('hex');
const BASE64_KEY = randomBytes(32).toString('base64');

function boxWith(key?: string): SecretBox {
  return new SecretBox(loadConfig({ SECRETS_ENCRYPTION_KEY: key }));
}

/** Any string of whole code points: what a person or a generator can enter. */
const anyText = fc.string({ unit: 'binary', maxLength: 200 });

describe('SecretBox', () => {
  const box = boxWith(HEX_KEY);

  it('seals as enc:v1:<iv>:<tag>:<ciphertext> in base64url, a new IV each time', () => {
    const first = box.seal('whsec_abc');
    const second = box.seal('whsec_abc');
    expect(first).toMatch(/^enc:v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('whsec_abc');
    expect(box.encrypted).toBe(true);
  });

  it('opens what it sealed, for any string, with a hex or a base64 key', () => {
    const base64Box = boxWith(BASE64_KEY);
    fc.assert(
      fc.property(anyText, (plain) => {
        expect(box.open(box.seal(plain))).toBe(plain);
        expect(base64Box.open(base64Box.seal(plain))).toBe(plain);
      }),
    );
  });

  it('does not open a value in which any character was changed', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.integer({ min: 1, max: 127 }), (plain, at, shift) => {
        const sealed = box.seal(plain);
        const index = at % sealed.length;
        const changed = String.fromCharCode((sealed.charCodeAt(index) + shift) % 128 || 1);
        fc.pre(changed !== sealed[index]);
        const tampered = sealed.slice(0, index) + changed + sealed.slice(index + 1);
        // A changed "enc:" no longer marks an encrypted value; it then reads as the text it is.
        if (!tampered.startsWith('enc:')) {
          expect(box.open(tampered)).toBe(tampered);
        } else {
          expect(() => box.open(tampered)).toThrow(SecretBoxError);
        }
      }),
    );
  });

  it('does not open a value in which any byte of the IV, tag or ciphertext was flipped', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (plain, which, at, mask) => {
          const parts = box.seal(plain).split(':');
          const bytes = Buffer.from(parts[which + 1], 'base64url');
          fc.pre(bytes.length > 0);
          bytes[at % bytes.length] ^= mask;
          parts[which + 1] = bytes.toString('base64url');
          expect(() => box.open(parts.join(':'))).toThrow(SecretBoxError);
        },
      ),
    );
  });

  it('refuses a value sealed under another key, saying so', () => {
    const sealed = boxWith(BASE64_KEY).seal('whsec_abc');
    expect(() => box.open(sealed)).toThrow(/not the key it was encrypted with/);
  });

  it('refuses an encrypted value without a key, saying so', () => {
    const sealed = box.seal('whsec_abc');
    expect(() => boxWith().open(sealed)).toThrow(/SECRETS_ENCRYPTION_KEY is not set/);
  });

  it('refuses an unknown version or a value cut short', () => {
    const sealed = box.seal('whsec_abc');
    expect(() => box.open(sealed.replace('enc:v1:', 'enc:v2:'))).toThrow(/unknown format/);
    expect(() => box.open(sealed.slice(0, sealed.lastIndexOf(':')))).toThrow(/unknown format/);
    expect(() => box.open(sealed.slice(0, -2))).toThrow(SecretBoxError);
  });

  it('reads a value stored before a key was set as it is', () => {
    expect(box.open('whsec_stored_in_plain')).toBe('whsec_stored_in_plain');
  });

  describe('without a key', () => {
    const plainBox = boxWith();

    it('stores secrets as entered and reads them back', () => {
      expect(plainBox.encrypted).toBe(false);
      expect(plainBox.seal('whsec_abc')).toBe('whsec_abc');
      fc.assert(
        fc.property(anyText, (plain) => {
          fc.pre(!plain.startsWith('enc:'));
          expect(plainBox.open(plainBox.seal(plain))).toBe(plain);
        }),
      );
    });

    it('refuses to store a secret that would read back as encrypted', () => {
      expect(() => plainBox.seal('enc:v1:looks:encrypted:x')).toThrow(SecretBoxError);
    });
  });
});
