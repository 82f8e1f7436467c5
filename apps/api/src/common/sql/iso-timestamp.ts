/** SQL for a timestamptz column as ISO 8601 UTC with its microseconds: `2026-08-01T10:15:30.123456Z`. */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
