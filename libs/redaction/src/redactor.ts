import { memoize } from './bounded-cache';
import { CIRCULAR, MAX_DEPTH, REDACTED } from './markers';
import { createKeyMatcher } from './sensitive-keys';
import type { RedactionOptions, Redactor } from './types';
import { textRules } from './value-patterns';

/** How deep objects are copied unless configured otherwise. */
const DEFAULT_MAX_DEPTH = 32;

/** The deepest supported `maxDepth`: deeper recursion could overflow a browser's stack. */
const MAX_SUPPORTED_DEPTH = 1000;

type PlainRecord = Record<string, unknown>;

function validMaxDepth(maxDepth: number): number {
  if (Number.isInteger(maxDepth) && maxDepth >= 0 && maxDepth <= MAX_SUPPORTED_DEPTH) {
    return maxDepth;
  }
  throw new RangeError(`maxDepth must be an integer from 0 to ${MAX_SUPPORTED_DEPTH}`);
}

/** Sets an own property, even `__proto__`, which plain assignment would take as the prototype. */
function setOwn(target: PlainRecord, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * Creates a redactor: the built-in sensitive keys and secret patterns, plus those of `options`.
 *
 * Deep copies follow what `JSON.stringify` sees: own enumerable string keys, and `toJSON()`
 * where an object has one; a class instance becomes a plain object. Dates are copied as dates,
 * maps and sets as maps and sets, and errors become `{ name, message, stack, ...props, cause }`.
 */
export function createRedactor(options: RedactionOptions = {}): Redactor {
  const isSensitiveKey = createKeyMatcher(options.extraKeys ?? []);
  const rules = textRules(isSensitiveKey, options.extraPatterns ?? []);
  const maxDepth = validMaxDepth(options.maxDepth ?? DEFAULT_MAX_DEPTH);

  function redactText(text: string): string {
    let redacted = text;
    for (const rule of rules) redacted = rule(redacted);
    return redacted;
  }

  /**
   * A key, redacted like any text (a map may be keyed by tokens), and whether it names a secret;
   * cached, as records repeat their keys.
   */
  const describeKey = memoize((key) => ({ name: redactText(key), sensitive: isSensitiveKey(key) }));

  /** `path` holds the objects from the root down to `value`'s parent, to spot cycles. */
  function redactValue(value: unknown, depth: number, path: object[]): unknown {
    if (typeof value === 'string') return redactText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (path.includes(value)) return CIRCULAR;
    if (depth > maxDepth) return MAX_DEPTH;
    path.push(value);
    const redacted = redactObject(value, depth, path);
    path.pop();
    return redacted;
  }

  function redactObject(value: object, depth: number, path: object[]): unknown {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, path));
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype) return copyProperties(value, {}, depth, path);
    if (prototype === null)
      return copyProperties(value, Object.create(null) as PlainRecord, depth, path);
    if (value instanceof Date) return new Date(value.getTime());
    if (value instanceof Error) return redactError(value, depth, path);
    if (value instanceof Map) return redactMap(value, depth, path);
    if (value instanceof Set)
      return new Set([...value].map((item) => redactValue(item, depth + 1, path)));
    if (hasToJson(value)) return redactValue(value.toJSON(), depth + 1, path);
    return copyProperties(value, {}, depth, path);
  }

  /** Copies the own enumerable properties, replacing the values under sensitive keys. */
  function copyProperties(source: object, target: PlainRecord, depth: number, path: object[]) {
    for (const key of Object.keys(source)) {
      const { name, sensitive } = describeKey(key);
      const value = (source as PlainRecord)[key];
      setOwn(target, name, sensitive ? REDACTED : redactValue(value, depth + 1, path));
    }
    return target;
  }

  function redactMap(map: Map<unknown, unknown>, depth: number, path: object[]) {
    const copy = new Map<unknown, unknown>();
    for (const [key, value] of map) {
      const sensitive = typeof key === 'string' && isSensitiveKey(key);
      copy.set(
        redactValue(key, depth + 1, path),
        sensitive ? REDACTED : redactValue(value, depth + 1, path),
      );
    }
    return copy;
  }

  function redactError(error: Error, depth: number, path: object[]): PlainRecord {
    const record: PlainRecord = {
      name: redactText(String(error.name)),
      message: redactText(error.message),
    };
    if (typeof error.stack === 'string') record.stack = redactText(error.stack);
    copyProperties(error, record, depth, path);
    if ('cause' in error) record.cause = redactValue(error.cause, depth + 1, path);
    return record;
  }

  return {
    redact: <T>(value: T): T => redactValue(value, 0, []) as T,
    redactText,
    isSensitiveKey,
  };
}
