/** `\u0000` escapes not preceded by a backslash of their own: PostgreSQL text cannot hold U+0000. */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** Rows as the one jsonb parameter a statement reads with `jsonb_to_recordset`. */
export function jsonParameter(rows: readonly object[]): string {
  const json = JSON.stringify(rows);
  return json.includes('\\u0000') ? json.replace(NUL_ESCAPE, '$1') : json;
}
