/** Templates are cut to this many characters (the last one then being `…`). */
export const MESSAGE_TEMPLATE_MAX_LENGTH = 512;

/** Only this much of a message is read: the work stays bounded whatever arrives. */
const MAX_INPUT_LENGTH = 8192;

/** Letters and digits of any script: a parameter must not start or end inside a word. */
const WORD = String.raw`\p{L}\p{N}`;
const MONTH = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const WEEKDAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?`;
/** A zone after a time: `Z`, `+01:00`, `UTC`, or Date#toString's `GMT+0100 (Central European Time)`. */
const ZONE = String.raw`(?:\s*GMT[+-]\d{4}(?:\s*\([^()\n]{1,64}\))?|\s*(?:Z|UTC|GMT)?[+-]\d{2}(?::?\d{2})?|\s*(?:Z|UTC|GMT)\b)?`;
const IPV6_GROUPS = String.raw`[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6}`;
/** Units a duration may take right after its number (`150ms`, `2.5s`, `1h30m`). */
const SHORT_UNIT = 'ns|us|µs|μs|ms|s|m|h|d';
/** Units a duration may take after a space too (`3 seconds`, `10 min`). */
const LONG_UNIT =
  'nanoseconds?|microseconds?|milliseconds?|msecs?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?';
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+)?`;

/**
 * Each kind of parameter, in the order they are replaced: a kind that can contain another comes
 * first (a URL holds numbers and may hold an email; a UUID holds hex; a date holds numbers).
 */
const REPLACEMENTS: readonly [RegExp, string][] = [
  // Quoted values: the opening quote must not follow a letter (so "can't" and "user's" stay),
  // nor touch another quote (`'it''s'` is left alone rather than half replaced) or a placeholder
  // (a number next to it becomes one: both must read the same, or a template would change again).
  [
    new RegExp(
      String.raw`(?<![${WORD}'"\x60<>])(?:'(?:[^'\\\n]|\\.){0,1000}'|"(?:[^"\\\n]|\\.){0,1000}"|\x60(?:[^\x60\\\n]|\\.){0,1000}\x60)(?![${WORD}'"\x60<>])`,
      'gu',
    ),
    "'<str>'",
  ],
  [/\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s'"<>]*[^\s'"<>.,;:!?)\]}]/giu, '<url>'],
  // (The look-behind makes only the start of a run try: without it, long runs take quadratic time.)
  [
    /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
    '<email>',
  ],
  [
    new RegExp(
      String.raw`(?<![${WORD}])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![${WORD}])`,
      'giu',
    ),
    '<uuid>',
  ],
  // ISO 8601 and numeric dates, with a time and zone when they have one.
  [
    new RegExp(
      String.raw`(?<![${WORD}])(?:\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})(?:[T\s]${TIME}${ZONE})?(?![${WORD}])`,
      'giu',
    ),
    '<date>',
  ],
  // `Mon Jan 01 2024 10:00:00 GMT+0100 (…)` (Date#toString) and `Mon, 01 Jan 2024 10:00:00 GMT`.
  [
    new RegExp(
      String.raw`\b(?:(?:${WEEKDAY})[a-z]*,?\s+)?(?:(?:${MONTH})[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:${MONTH})[a-z]*\.?,?\s+\d{4})(?:,?\s+${TIME}${ZONE})?(?![${WORD}])`,
      'giu',
    ),
    '<date>',
  ],
  [
    new RegExp(
      String.raw`(?<![${WORD}.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?![${WORD}]|\.\d)`,
      'gu',
    ),
    '<ip>',
  ],
  [
    new RegExp(
      String.raw`(?<![${WORD}:])(?:${IPV6_GROUPS}::(?:${IPV6_GROUPS})?|::${IPV6_GROUPS}|(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4})(?![${WORD}]|:[0-9a-f])`,
      'giu',
    ),
    '<ip>',
  ],
  [
    new RegExp(
      String.raw`(?<![${WORD}])${TIME}(?:\s*[AP]M\b)?(?:Z|[+-]\d{2}:?\d{2})?(?![${WORD}])`,
      'giu',
    ),
    '<time>',
  ],
  // Before hex, as `1000000d` is a number of days; not inside IDs (`a_9d`).
  [
    new RegExp(
      String.raw`(?<![${WORD}_-])(?:(?:\d+(?:\.\d+)?(?:${SHORT_UNIT}))+|\d+(?:\.\d+)?\s?(?:${LONG_UNIT}))(?![${WORD}_-])`,
      'gu',
    ),
    '<duration>',
  ],
  [new RegExp(String.raw`(?<![${WORD}_-])0x[0-9a-f]+(?![${WORD}_-])`, 'giu'), '<hex>'],
  // Hashes and other hex strings: 8+ hex digits with at least one digit and one letter, standing
  // alone (inside `a_b-c` style IDs they are left to the next rule, which takes the whole ID).
  [
    new RegExp(
      String.raw`(?<![${WORD}_-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?![${WORD}_-])`,
      'giu',
    ),
    '<hex>',
  ],
  // Generated IDs (nanoid, base64url, ULID…): 16+ characters mixing letters and digits.
  [
    new RegExp(
      String.raw`(?<![${WORD}_-])(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{16,}(?![${WORD}_-])`,
      'giu',
    ),
    '<id>',
  ],
  [new RegExp(String.raw`(?<![${WORD}])-?(?:${NUMBER})`, 'giu'), '<num>'],
];

/**
 * The message with its parameters replaced by typed placeholders, so that messages differing
 * only in IDs, numbers, times and the like become one template:
 * `Order 42 for bob@example.com timed out after 150ms` → `Order <num> for <email> timed out after <duration>`.
 *
 * Placeholders: `'<str>'` (a quoted value), `<url>`, `<email>`, `<uuid>`, `<date>`, `<time>`,
 * `<ip>`, `<hex>` (0x… and hashes), `<id>` (long generated IDs), `<duration>`, `<num>`. A number
 * inside a word (`utf8`, `v2`, `Int32Array`) is part of the word and stays. Whitespace is
 * collapsed and the result is at most MESSAGE_TEMPLATE_MAX_LENGTH characters. Pure and
 * idempotent: a template is its own template.
 */
export function messageTemplateOf(message: string): string {
  let template = message.slice(0, MAX_INPUT_LENGTH);
  for (const [pattern, placeholder] of REPLACEMENTS) {
    template = template.replace(pattern, placeholder);
  }
  template = template.replace(/\s+/g, ' ').trim();
  return template.length > MESSAGE_TEMPLATE_MAX_LENGTH
    ? `${template.slice(0, MESSAGE_TEMPLATE_MAX_LENGTH - 1)}…`
    : template;
}
