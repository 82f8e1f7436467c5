/**
 * Characters that make a spreadsheet read a cell (or a line of it) as a formula: `=`, `+`, `-`,
 * `@`, tab and carriage return as OWASP lists them, and the full-width forms of the first four,
 * which Apple Numbers folds into them.
 */
const FORMULA_CHARACTER = '[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20]';
const FORMULA_START = new RegExp(`^${FORMULA_CHARACTER}`);
/** A line break (CRLF, CR or LF) followed by a formula character. */
const BREAK_BEFORE_FORMULA = new RegExp(`(\\r\\n|\\r|\\n)(?=${FORMULA_CHARACTER})`, 'g');

/**
 * CSV cell text that no spreadsheet runs as a formula: `'` before the text and before every line
 * within it that starts with a formula character. Every line, because a program that reads the
 * file line by line (or a spreadsheet that splits a quoted cell) sees a line break inside a
 * cell as the start of a new row, and `x\n=cmd|…` would otherwise start one with a formula.
 * (OWASP "CSV Injection"; the quote shows in the cell as typed, which is the point.)
 */
export function withoutFormulas(text: string): string {
  const lines = text.replace(BREAK_BEFORE_FORMULA, "$1'");
  return FORMULA_START.test(text) ? `'${lines}` : lines;
}

/**
 * C0 controls except tab and line feed, DEL, C1 controls (ESC and CSI start terminal escape
 * sequences), and the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this escapes
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\u000B': '\\v', '\f': '\\f', '\b': '\\b' };

/** `\x1b`, `\x9b`, or `\u2028`: the escape a C or JavaScript string would use. */
function escapeOf(character: string): string {
  const named = NAMED[character];
  if (named) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text with every control character but tab and line feed shown as a visible escape (`\r`,
 * `\x1b`): a carriage return cannot overwrite a line on screen, an ANSI escape sequence cannot
 * recolour, clear or retitle the terminal that shows the text.
 */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, escapeOf);
}
