import { FieldErrors } from '../../errors/domain-errors';
import { unstorableTextReason } from '../../text/storable-text';

/** Deepest nesting of objects and arrays a request may carry; no route needs more than a few. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that would reach an object's prototype when copied or merged. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Adds a message; own-property checks, since a field may be named `constructor` or `__proto__`. */
function addError(errors: FieldErrors, field: string, message: string): void {
  if (Object.hasOwn(errors, field)) errors[field].push(message);
  else Object.defineProperty(errors, field, { value: [message], enumerable: true, writable: true });
}

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

const joinPath = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Field messages for everything in a parsed body or query that must not reach a handler: text
 * PostgreSQL cannot store (NUL, unpaired surrogates) in values or keys, prototype keys, and
 * nesting deeper than `maxDepth`. Walks iteratively, so a 10 000-deep document cannot overflow
 * the stack here; the walk stops descending below `maxDepth`.
 */
export function unstorableInputErrors(
  input: unknown,
  { root = '', maxDepth = MAX_INPUT_DEPTH }: { root?: string; maxDepth?: number } = {},
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => {
    const field = path || root || 'body';
    addError(errors, field, `${field} ${message}`);
  };
  const pending: Pending[] = [{ value: input, path: root, depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as Pending;
    if (typeof value === 'string') {
      const reason = unstorableTextReason(value);
      if (reason) add(path, reason);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      // Named at the top: a path 32 fields long tells a person less than where the input starts.
      add(root, `is nested more than ${maxDepth} levels deep`);
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyPath = joinPath(path, key);
      const keyReason = unstorableTextReason(key);
      if (keyReason) {
        add(path, `has a field name that ${keyReason}`);
        continue;
      }
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) {
        add(keyPath, 'is not an allowed field name');
        continue;
      }
      pending.push({
        value: (value as Record<string, unknown>)[key],
        path: keyPath,
        depth: depth + 1,
      });
    }
  }
  return errors;
}

const MALFORMED = 'has malformed percent-encoding or bytes that are not UTF-8';

/**
 * Field messages for a request path whose percent-encoding is malformed or decodes to text that
 * cannot be stored (`%00`, an encoded surrogate `%ED%A0%80`, bytes that are not UTF-8). Path
 * parameters are decoded from it later, so this covers them before any route runs.
 */
export function unstorablePathErrors(path: string): FieldErrors {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { path: [`path ${MALFORMED}`] };
    }
    const reason = unstorableTextReason(decoded);
    if (reason) return { path: [`path ${reason}`] };
  }
  return {};
}

function decodeQueryPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The same for a raw query string, before a parser turns bad bytes into replacement characters. */
export function unstorableQueryErrors(query: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const pair of query.split('&')) {
    const [rawKey, rawValue = ''] = pair.split(/=(.*)/s, 2);
    const key = decodeQueryPart(rawKey);
    const value = decodeQueryPart(rawValue);
    const keyFine = key !== undefined && unstorableTextReason(key) === undefined;
    const field = keyFine ? key : 'query';
    const reason = !keyFine
      ? key === undefined
        ? MALFORMED
        : `has a parameter name that ${unstorableTextReason(key)}`
      : value === undefined
        ? MALFORMED
        : unstorableTextReason(value);
    if (reason) addError(errors, field, `${field} ${reason}`);
  }
  return errors;
}
