import type { BrowserLogEntry } from '@ledgerlens/contracts';
import { API_BATCH_LIMITS, batchBody, splitIntoBatches } from './batches';

/**
 * Hands entries to `navigator.sendBeacon` in bodies of at most `maxBytes` (browsers queue about
 * 64 KB of beacons at a time and refuse the rest). Stops at the first refusal and returns the
 * entries the browser took; it cannot say whether they arrived, nor send headers.
 */
export function sendByBeacon(
  entries: readonly BrowserLogEntry[],
  sendBeacon: (url: string, body: Blob) => boolean,
  url: string,
  maxBytes: number,
): BrowserLogEntry[] {
  const taken: BrowserLogEntry[] = [];
  const limits = { maxEntries: API_BATCH_LIMITS.maxEntries, maxBytes };
  for (const batch of splitIntoBatches(entries, limits)) {
    const body = new Blob([batchBody(batch)], { type: 'application/json' });
    if (!sendBeacon(url, body)) break;
    taken.push(...batch);
  }
  return taken;
}
