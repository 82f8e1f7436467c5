import { redactCardNumbers } from './card-numbers';
import { redactionMarker } from './markers';
import { redactNameValues } from './name-values';
import type { RedactionPattern } from './types';

/** Replaces the secrets of one kind in a text; returns the text itself when there are none. */
export type TextRule = (text: string) => string;

/**
 * A JWT (or JWE): base64url segments joined by dots, the first a JSON header (`eyJ` is `{"`)
 * of at least 15 characters, so words like `heyJoe.example.com` are left alone.
 */
const JWT = /eyJ[\w-]{12,}\.[\w-]*\.(?:[\w-]+(?:\.[\w-]+\.[\w-]+)?)?/g;

/** `Bearer <token>`, the token in the RFC 6750 alphabet (dots only inside it). */
const BEARER = /\b(bearer\s+)([\w~+/-]+(?:\.+[\w~+/-]+)*=*)/gi;
const BEARER_WORD = /bearer/i;
const BEARER_MARKER = redactionMarker('bearer');

/**
 * A URL's user information: everything between `scheme://` and the last `@` of the authority.
 * The scheme is bounded so that long dotted words cannot make the search quadratic.
 */
const URL_CREDENTIALS = /\b([a-z][a-z\d+.-]{0,31}:\/\/)[^\s/?#"<>`]+@/gi;

/**
 * A Standard Webhooks signing secret (`whsec_` and base64), as webhook contact points hold: a
 * statement's parameters or an error can carry one where no key names it.
 */
const WEBHOOK_SECRET = /\bwhsec_[A-Za-z\d+/]{16,}={0,2}/g;

/** A dashed US social security number, ruling out numbers never issued (000, 666, 9xx, …). */
const SSN = /(?<![A-Za-z\d]|\d-)(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![A-Za-z\d]|-\d)/g;

/**
 * Whether the word after `bearer` is a token rather than prose (`bearer bonds`, `payable to
 * bearer instrument`): long, or at least 8 characters with a digit or mixed case.
 */
function looksLikeToken(word: string): boolean {
  if (word.length >= 20) return true;
  return word.length >= 8 && (/\d/.test(word) || (/[a-z]/.test(word) && /.[A-Z]/.test(word)));
}

const redactJwts: TextRule = (text) =>
  text.includes('eyJ') ? text.replace(JWT, redactionMarker('jwt')) : text;

/** After a `bearer` followed by prose the search resumes after the word: `Bearer Bearer <token>`. */
const redactBearerTokens: TextRule = (text) => {
  if (!BEARER_WORD.test(text)) return text;
  let redacted = '';
  let copied = 0;
  BEARER.lastIndex = 0;
  for (let match = BEARER.exec(text); match !== null; match = BEARER.exec(text)) {
    const [whole, prefix, token] = match;
    // Both groups take part in every match; the guard only satisfies the index types.
    if (prefix === undefined || token === undefined) continue;
    if (looksLikeToken(token)) {
      redacted += text.slice(copied, match.index) + prefix + BEARER_MARKER;
      copied = match.index + whole.length;
    } else {
      BEARER.lastIndex = match.index + prefix.length;
    }
  }
  return copied === 0 ? text : redacted + text.slice(copied);
};

const redactUrlCredentials: TextRule = (text) =>
  text.includes('://') && text.includes('@')
    ? text.replace(URL_CREDENTIALS, `$1${redactionMarker('credentials')}@`)
    : text;

const redactWebhookSecrets: TextRule = (text) =>
  text.includes('whsec_') ? text.replace(WEBHOOK_SECRET, redactionMarker('webhook_secret')) : text;

const redactSsns: TextRule = (text) =>
  text.includes('-') ? text.replace(SSN, redactionMarker('ssn')) : text;

function nameValueRule(isSensitiveKey: (key: string) => boolean): TextRule {
  return (text) => redactNameValues(text, isSensitiveKey);
}

/** Replaces every non-empty match of a configured pattern by `[REDACTED:<name>]`. */
function patternRule({ name, pattern }: RedactionPattern): TextRule {
  const global = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`);
  const marker = redactionMarker(name);
  return (text) => text.replace(global, (match: string) => (match === '' ? match : marker));
}

/**
 * The rules for secret values in text, in the order they run: JWTs and bearer tokens first (so
 * `Authorization=Bearer …` loses the token), then URL credentials, webhook signing secrets,
 * sensitive `name=value` pairs, card numbers, SSNs, and finally the configured patterns.
 */
export function textRules(
  isSensitiveKey: (key: string) => boolean,
  extraPatterns: readonly RedactionPattern[],
): TextRule[] {
  return [
    redactJwts,
    redactBearerTokens,
    redactUrlCredentials,
    redactWebhookSecrets,
    nameValueRule(isSensitiveKey),
    redactCardNumbers,
    redactSsns,
    ...extraPatterns.map(patternRule),
  ];
}
