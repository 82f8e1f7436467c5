import { type BrowserLogEntry, LOG_INGEST_LIMITS } from '@ledgerlens/contracts';
import { utf8Bytes } from './wire-limits';

export interface BatchLimits {
  maxEntries: number;
  maxBytes: number;
}

/** What `POST /logging/logs/batch` takes in one request. */
export const API_BATCH_LIMITS: BatchLimits = {
  maxEntries: LOG_INGEST_LIMITS.entriesPerBatch,
  maxBytes: LOG_INGEST_LIMITS.requestBytes,
};

export function batchBody(entries: readonly BrowserLogEntry[]): string {
  return JSON.stringify({ entries });
}

/** `{"entries":[` and `]}`. */
const ENVELOPE_BYTES = utf8Bytes(batchBody([]));

/**
 * How many of `entries` (not empty), from the first, fit one request after the `reserved`
 * entries already in it. At least one: an entry too large alone is the API's to refuse, not
 * ours to keep forever.
 */
export function fittingCount(
  entries: readonly BrowserLogEntry[],
  limits: BatchLimits,
  reserved: readonly BrowserLogEntry[] = [],
): number {
  let taken = 0;
  let bytes = ENVELOPE_BYTES;
  for (const entry of [...reserved, ...entries]) {
    // Each entry after the first adds a comma.
    const withEntry = bytes + utf8Bytes(JSON.stringify(entry)) + (taken === 0 ? 0 : 1);
    const isOptional = taken > reserved.length;
    if (isOptional && (taken >= limits.maxEntries || withEntry > limits.maxBytes)) break;
    bytes = withEntry;
    taken += 1;
  }
  return taken - reserved.length;
}

/** Consecutive groups of `entries`, each fitting one request. */
export function splitIntoBatches(
  entries: readonly BrowserLogEntry[],
  limits: BatchLimits,
): BrowserLogEntry[][] {
  const batches: BrowserLogEntry[][] = [];
  for (let start = 0; start < entries.length;) {
    const count = fittingCount(entries.slice(start), limits);
    batches.push(entries.slice(start, start + count));
    start += count;
  }
  return batches;
}
