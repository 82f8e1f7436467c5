import type { BrowserLogEntry } from '@ledgerlens/contracts';
import type { PendingRecord } from './pending-store';

/** Entries that are the same occurrence repeated: level, message and stack alike. */
function isRepeatOf(record: PendingRecord, entry: BrowserLogEntry): boolean {
  return (
    record.entry.level === entry.level &&
    record.entry.message === entry.message &&
    record.entry.stack === entry.stack
  );
}

/**
 * The pending record an entry repeats, if its window is still open. A record is held until its
 * window closes, so it is never in flight while a repeat can still join it.
 */
export function openWindowFor(
  records: readonly PendingRecord[],
  entry: BrowserLogEntry,
  now: number,
): PendingRecord | undefined {
  return records.find((record) => record.readyAt > now && isRepeatOf(record, entry));
}

/** What is sent for a record: its first entry, with how often it was logged when more than once. */
export function wireEntryOf(record: PendingRecord): BrowserLogEntry {
  if (record.repeatCount === 1) return record.entry;
  return {
    ...record.entry,
    context: {
      ...record.entry.context,
      repeatCount: record.repeatCount,
      lastRepeatAt: record.lastRepeatAt,
    },
  };
}
