import { memoize } from './bounded-cache';

/**
 * Keys that name secrets. Besides the usual names this lists `credential` (so the singular
 * matches too) and `signature` / `sig`, which sign pre-signed URLs.
 */
export const SENSITIVE_KEYS: readonly string[] = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'authorization',
  'auth',
  'credential',
  'private_key',
  'client_secret',
  'cookie',
  'set-cookie',
  'otp',
  'cvv',
  'ssn',
  'card_number',
  'signature',
  'sig',
];

/** Words up to this length match whole words only: `auth` must not hit `author`. */
const SHORT_WORD_LENGTH = 4;

/** Where camelCase, acronyms and digits start a new word: `xAPIKey2` → `x API Key 2`. */
const WORD_BOUNDARY =
  /(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/g;

/**
 * The lower-case words of a key: `-`, `_`, `.`, spaces (any non-alphanumeric) and camelCase
 * boundaries all separate words, so `cardNumber`, `card-number` and `CARD_NUMBER` are alike.
 */
export function keyWords(key: string): string[] {
  return key
    .replace(WORD_BOUNDARY, ' ')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((word) => word !== '');
}

/** A key's words run together (`cardnumber`), and spaced out within spaces (` card number `). */
interface KeyForms {
  joined: string;
  spaced: string;
}

function keyForms(key: string): KeyForms {
  const words = keyWords(key);
  return { joined: words.join(''), spaced: ` ${words.join(' ')} ` };
}

/**
 * A matcher for one sensitive key. Short keys (at most four letters, like `auth`, `pwd`, `otp`,
 * `ssn`) match a run of whole words: `authToken`, `x-auth`; not `author`, `footprint`. Longer
 * keys match anywhere in the words run together: `userpassword`, `x-api-key`, `maxTokens`.
 */
function keyMatcher(sensitiveKey: string): (key: KeyForms) => boolean {
  const { joined, spaced } = keyForms(sensitiveKey);
  return joined.length > SHORT_WORD_LENGTH
    ? (key) => key.joined.includes(joined)
    : (key) => key.spaced.includes(spaced);
}

/** A cached check of whether a key names a secret: the built-in keys plus `extraKeys`. */
export function createKeyMatcher(extraKeys: readonly string[]): (key: string) => boolean {
  const matchers = [...SENSITIVE_KEYS, ...extraKeys]
    .filter((key) => keyForms(key).joined !== '')
    .map(keyMatcher);
  return memoize((key) => {
    const forms = keyForms(key);
    return matchers.some((matches) => matches(forms));
  });
}
