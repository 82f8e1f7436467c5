import { CLIENT_TRACE_ID_PATTERN, LOG_INGEST_LIMITS } from '@ledgerlens/contracts';

/** Message and stack: UTF-8 bytes each. */
export const TEXT_BYTE_LIMIT = LOG_INGEST_LIMITS.messageBytes;

export const TRACE_ID = new RegExp(CLIENT_TRACE_ID_PATTERN);

const DAY_MS = 86_400_000;
/**
 * The API refuses a whole batch for one entry outside its clock window. An entry is sent only
 * well inside it: a batch may wait for retries, and the server's clock is not ours.
 */
const SENDABLE_AGE_MS = LOG_INGEST_LIMITS.maxAgeDays * DAY_MS - 3_600_000;
const SENDABLE_AHEAD_MS = (LOG_INGEST_LIMITS.clockToleranceMinutes - 5) * 60_000;

/** Whether the API will still take an entry logged at `timestamp` (ISO 8601). */
export function isSendable(timestamp: string, now: number): boolean {
  const offset = Date.parse(timestamp) - now;
  return offset >= -SENDABLE_AGE_MS && offset <= SENDABLE_AHEAD_MS;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** At most `maxBytes` of UTF-8, cut between characters, marked with an ellipsis when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  // A UTF-16 unit is at most 3 bytes: most texts need no encoding to know they fit.
  if (text.length * 3 <= maxBytes || utf8Bytes(text) <= maxBytes) return text;
  const ellipsis = '…';
  // encodeInto writes whole characters only and tells how much of the text it took.
  const { read } = encoder.encodeInto(text, new Uint8Array(maxBytes - utf8Bytes(ellipsis)));
  return text.slice(0, read) + ellipsis;
}

/** At most `maxChars` UTF-16 units, never splitting a surrogate pair. */
export function truncateChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? maxChars - 1 : maxChars);
}
