import { REDACTED } from './markers';

/** A character of a parameter name: letters, digits, `_`, `.`, `-`, `[` and `]`. */
const NAME_CHARACTER = /[\w.[\]-]/;

/** The value after `=`: double-quoted, or up to whitespace, `&`, `#`, `"`, `<` or `>`. */
const VALUE = /"[^"]*"|[^\s&#"<>]*/y;

function nameStart(text: string, equals: number): number {
  let start = equals;
  while (start > 0 && NAME_CHARACTER.test(text.charAt(start - 1))) start--;
  return start;
}

function valueAt(text: string, start: number): string {
  VALUE.lastIndex = start;
  return VALUE.exec(text)?.[0] ?? '';
}

/**
 * Replaces the values of `name=value` pairs whose name is sensitive, as in query strings, form
 * bodies and logfmt: `?a=1&token=abc` → `?a=1&token=[REDACTED]`. The search goes on inside
 * harmless values, so `redirect=/cb?token=abc` loses the token too.
 */
export function redactNameValues(text: string, isSensitiveKey: (key: string) => boolean): string {
  let redacted = '';
  let copied = 0;
  for (let equals = text.indexOf('='); equals !== -1; equals = text.indexOf('=', equals + 1)) {
    const start = nameStart(text, equals);
    const value = valueAt(text, equals + 1);
    if (start < equals && value !== '' && isSensitiveKey(text.slice(start, equals))) {
      redacted += text.slice(copied, equals + 1) + REDACTED;
      copied = equals + 1 + value.length;
      equals = copied - 1;
    }
  }
  return copied === 0 ? text : redacted + text.slice(copied);
}
