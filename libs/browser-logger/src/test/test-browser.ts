import type { BrowserLogEntry } from '@ledgerlens/contracts';
import { type BrowserLogger, createBrowserLogger } from '../lib/browser-logger';
import {
  addDropCounts,
  countsOfDropReport,
  DROP_REPORT_MESSAGE,
  type DropCounts,
  NO_DROPS,
} from '../lib/drop-counts';
import { BROWSER_LOGGER_DEFAULTS, type BrowserLoggerOptions } from '../lib/options';
import type { PendingRecord } from '../lib/pending-store';
import { createMemoryStorage, type Platform, type StorageLike } from '../lib/platform';
import { FakeIngestApi } from './fake-ingest-api';
import { ManualClock } from './manual-clock';

/** A page's queue as the logger writes it to storage. */
interface StoredQueue {
  records: PendingRecord[];
  dropped: DropCounts;
  dropReport?: BrowserLogEntry;
}

const PAGE_URL = 'https://app.ledgerlens.test/transactions?page=2';

/** Counting UUIDs (version 4 layout), so tests can name entries. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => `00000000-0000-4000-8000-${(next++).toString(16).padStart(12, '0')}`;
}

/** A browser with one clock, one network, one localStorage: pages (loggers) come and go in it. */
export class TestBrowser {
  readonly clock = new ManualClock();
  readonly api = new FakeIngestApi(this.clock);
  readonly storage: StorageLike = createMemoryStorage();
  readonly randomId = sequentialIds();

  /** What `navigator.onLine` says, and whether requests get through. */
  get online(): boolean {
    return this.api.online;
  }

  set online(online: boolean) {
    this.api.online = online;
  }

  /** This browser as the logger sees it; retry delays at their longest (no jitter). */
  platform(): Partial<Platform> {
    return {
      scheduler: this.clock,
      fetch: this.api.fetch,
      sendBeacon: this.api.sendBeacon,
      storage: this.storage,
      randomId: this.randomId,
      random: () => 1,
      isOnline: () => this.online,
      currentUrl: () => PAGE_URL,
    };
  }

  /** A logger as a page would create it. */
  openPage(options: BrowserLoggerOptions = {}): BrowserLogger {
    return createBrowserLogger({
      ...options,
      platform: { ...this.platform(), ...options.platform },
    });
  }

  /** Every page's stored queue, as the next page would find it. */
  storedQueues(prefix = BROWSER_LOGGER_DEFAULTS.storageKeyPrefix): StoredQueue[] {
    const queues: StoredQueue[] = [];
    for (let index = 0; index < this.storage.length; index += 1) {
      const key = this.storage.key(index);
      if (key?.startsWith(`${prefix}:`)) {
        queues.push(JSON.parse(this.storage.getItem(key) ?? '') as StoredQueue);
      }
    }
    return queues;
  }

  storedRecords(): PendingRecord[] {
    return this.storedQueues().flatMap((queue) => queue.records);
  }

  /** Drops counted anywhere: in storage, in unsent reports, in reports the API stored. */
  droppedSoFar(): DropCounts {
    const queues = this.storedQueues();
    // A report stored but not known to be (its answer was lost) is in both places: count it once.
    const reports = new Map<string, BrowserLogEntry>();
    for (const report of [
      ...queues.flatMap((queue) => (queue.dropReport ? [queue.dropReport] : [])),
      ...this.api.storedEntries.filter((entry) => entry.message === DROP_REPORT_MESSAGE),
    ]) {
      reports.set(report.clientId, report);
    }
    let dropped = queues.reduce((sum, queue) => addDropCounts(sum, queue.dropped), NO_DROPS);
    for (const report of reports.values())
      dropped = addDropCounts(dropped, countsOfDropReport(report));
    return dropped;
  }
}
