import type { BrowserLogEntry } from '@ledgerlens/contracts';

/**
 * Why entries were given up: the store was full, they grew too old for the API to take, or the
 * API refused them (a 4xx other than 408 and 429).
 */
export const DROP_REASONS = ['overflow', 'expired', 'refused'] as const;
export type DropReason = (typeof DROP_REASONS)[number];
export type DropCounts = Record<DropReason, number>;

export const NO_DROPS: DropCounts = { overflow: 0, expired: 0, refused: 0 };

/** The message of the entry that reports dropped entries; its context holds `droppedEntries`. */
export const DROP_REPORT_MESSAGE = 'Browser log entries were dropped before delivery';

const countOf = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;

/** The sum, reading only whole non-negative counts (stored counts may be damaged). */
export function addDropCounts(
  a: Readonly<DropCounts>,
  b: Readonly<Partial<DropCounts>>,
): DropCounts {
  return {
    overflow: countOf(a.overflow) + countOf(b.overflow),
    expired: countOf(a.expired) + countOf(b.expired),
    refused: countOf(a.refused) + countOf(b.refused),
  };
}

export function totalDropped(counts: Readonly<DropCounts>): number {
  return counts.overflow + counts.expired + counts.refused;
}

/** The counts a drop report carries. */
export function countsOfDropReport(report: BrowserLogEntry): DropCounts {
  const counts = report.context?.['droppedEntries'] as Partial<DropCounts> | undefined;
  return addDropCounts(NO_DROPS, counts ?? NO_DROPS);
}
