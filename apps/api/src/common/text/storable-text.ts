/** Why PostgreSQL cannot store a text as given (text and jsonb refuse NUL and unpaired surrogates), or undefined. */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (!text.isWellFormed()) {
    return 'contains ill-formed Unicode (an unpaired surrogate such as \\ud800), which cannot be stored';
  }
  return undefined;
}

/** The text with NUL and unpaired surrogates replaced by U+FFFD, so it can be stored as it reads. */
export function storableText(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\ufffd');
}

/** A JSON-like value with every string (keys included) made storable; other values unchanged. */
export function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [storableText(key), storableValue(item)]),
  );
}
