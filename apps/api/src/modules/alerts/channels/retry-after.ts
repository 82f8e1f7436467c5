/** A receiver may ask for a pause, but not for one longer than this. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * A `Retry-After` header (RFC 9110: delta-seconds or an HTTP date) as milliseconds from `now`,
 * capped at MAX_RETRY_AFTER_MS; a date in the past is 0. Undefined when absent or unreadable.
 */
export function retryAfterMs(
  header: string | string[] | undefined,
  now: Date = new Date(),
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  let ms: number;
  if (/^\d+$/.test(value)) {
    ms = Number(value) * 1000;
  } else {
    // An HTTP date names its weekday and ends in GMT; Date.parse alone would take far more.
    if (!/^[A-Za-z]{3,9},? .*GMT$/.test(value)) return undefined;
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now.getTime());
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}
