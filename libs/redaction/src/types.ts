/** A named pattern of secret values: every match is replaced by `[REDACTED:<name>]`. */
export interface RedactionPattern {
  /** Names the kind of secret in the replacement marker, e.g. `iban` → `[REDACTED:iban]`. */
  name: string;
  /** What to find; the `g` flag is added (and `y` dropped), so any flags may be given. */
  pattern: RegExp;
}

/** Settings of a redactor; every field adds to (never replaces) the built-in rules. */
export interface RedactionOptions {
  /** More keys naming secrets, matched like the built-in ones (see `isSensitiveKey`). */
  extraKeys?: readonly string[];
  /** More patterns of secret values, applied to every string after the built-in ones. */
  extraPatterns?: readonly RedactionPattern[];
  /** Objects and arrays nested deeper than this (the input is depth 0) become `[MaxDepth]`. */
  maxDepth?: number;
}

/** Removes secrets from values before they are stored, logged or sent. */
export interface Redactor {
  /**
   * A redacted deep copy; the input is never mutated.
   *
   * Typed as `T` for convenience: values under sensitive keys, cycles and too-deep objects
   * become marker strings, and errors become plain objects.
   */
  redact<T>(value: T): T;
  /** The text with every secret value replaced. */
  redactText(text: string): string;
  /** Whether a key names a secret. */
  isSensitiveKey(key: string): boolean;
}
