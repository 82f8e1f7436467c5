import type { BrowserLogEntry } from '@ledgerlens/contracts';
import {
  addDropCounts,
  countsOfDropReport,
  DROP_REPORT_MESSAGE,
  NO_DROPS,
  totalDropped,
} from './drop-counts';
import type { EntryFactory } from './log-entry';
import type { PendingStore } from './pending-store';
import { isSendable } from './wire-limits';

/**
 * Reports dropped entries with a `warn` entry that rides along with the next batch. A report
 * keeps its clientId until the API has it, so it is stored once however often it is sent;
 * drops counted meanwhile go into the report after it.
 */
export class DropReports {
  constructor(
    private readonly store: PendingStore,
    private readonly buildEntry: EntryFactory,
  ) {}

  /** The report to send with the next batch, if anything was dropped. */
  current(now: number): BrowserLogEntry | undefined {
    const unsent = this.store.dropReport;
    if (unsent && isSendable(unsent.timestamp, now)) return unsent;
    if (!unsent && totalDropped(this.store.dropped) === 0) return undefined;
    // A report too old for the API hands its counts on to a new one.
    const counts = addDropCounts(
      this.store.takeDropped(),
      unsent ? countsOfDropReport(unsent) : NO_DROPS,
    );
    const report = this.buildEntry({
      level: 'warn',
      message: DROP_REPORT_MESSAGE,
      fields: { module: 'browser-logger' },
      context: { droppedEntries: counts },
    });
    this.store.setDropReport(report);
    return report;
  }

  /** The API has the report, or refused it for itself (sending it again would not help). */
  settled(report: BrowserLogEntry): void {
    if (this.store.dropReport?.clientId === report.clientId) this.store.setDropReport(undefined);
  }
}
