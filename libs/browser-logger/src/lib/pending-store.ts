import type { BrowserLogEntry } from '@ledgerlens/contracts';
import { addDropCounts, countsOfDropReport, DropCounts, DropReason, NO_DROPS } from './drop-counts';
import type { StorageLike } from './platform';

/** An entry waiting to be sent. */
export interface PendingRecord {
  /** Redacted and within the API's limits, as first logged; its clientId and timestamp never change. */
  entry: BrowserLogEntry;
  /** When its de-duplication window closes and it may be sent (epoch ms). */
  readyAt: number;
  /** How often it was logged within the window (1 = once). */
  repeatCount: number;
  lastRepeatAt?: string;
}

/** What one page keeps in its storage key. */
interface QueueState {
  version: 1;
  records: PendingRecord[];
  /** Dropped since the last drop report was made. */
  dropped: DropCounts;
  /** Made for the next batch and kept, with its clientId, until the API has it. */
  dropReport?: BrowserLogEntry;
}

const emptyState = (): QueueState => ({ version: 1, records: [], dropped: { ...NO_DROPS } });

function isRecord(value: unknown): value is PendingRecord {
  const record = value as Partial<PendingRecord> | null;
  const entry = record?.entry as Partial<BrowserLogEntry> | undefined;
  return (
    typeof record?.readyAt === 'number' &&
    typeof record.repeatCount === 'number' &&
    typeof entry?.clientId === 'string' &&
    typeof entry.timestamp === 'string' &&
    typeof entry.message === 'string'
  );
}

/** A stored queue, or nothing when the text is not one (another version, or damaged). */
function parseState(text: string | null): QueueState | undefined {
  try {
    const state = JSON.parse(text ?? '') as Partial<QueueState>;
    if (state.version !== 1 || !Array.isArray(state.records)) return undefined;
    return {
      version: 1,
      records: state.records.filter(isRecord),
      dropped: addDropCounts(NO_DROPS, state.dropped ?? NO_DROPS),
      dropReport: state.dropReport,
    };
  } catch {
    return undefined;
  }
}

/** By name: a DOMException from another realm (an iframe's storage) is no `instanceof Error` here. */
function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export interface PendingStoreOptions {
  /** Every page writes `<keyPrefix>:<instanceId>`, so two tabs never overwrite each other. */
  keyPrefix: string;
  instanceId: string;
  /** More waiting records than this drop the oldest (counted as `overflow`). */
  maxRecords: number;
}

/**
 * The unsent entries of this page, mirrored to Web Storage so that none is lost to a reload or
 * a crash. On creation it adopts what earlier pages (and other open tabs) left under the same
 * prefix: an entry may then be sent by two pages, which the API's clientId check makes harmless.
 */
export class PendingStore {
  private state: QueueState;
  private readonly key: string;
  private readonly inFlight = new Set<string>();
  private saveQueued = false;
  private closed = false;

  constructor(
    private readonly storage: StorageLike,
    private readonly options: PendingStoreOptions,
  ) {
    this.key = `${options.keyPrefix}:${options.instanceId}`;
    const adopted = this.storedQueueKeys();
    this.state = this.merge(adopted.map((key) => parseState(this.storage.getItem(key))));
    this.enforceBound();
    // Ours first, then theirs: a page closed in between leaves entries twice, never none.
    this.saveNow();
    for (const key of adopted) this.storage.removeItem(key);
  }

  get records(): readonly PendingRecord[] {
    return this.state.records;
  }

  get dropped(): Readonly<DropCounts> {
    return this.state.dropped;
  }

  get dropReport(): BrowserLogEntry | undefined {
    return this.state.dropReport;
  }

  isInFlight(record: PendingRecord): boolean {
    return this.inFlight.has(record.entry.clientId);
  }

  append(record: PendingRecord): void {
    this.state.records.push(record);
    this.enforceBound();
    this.changed();
  }

  noteRepeat(record: PendingRecord, at: string): void {
    record.repeatCount += 1;
    record.lastRepeatAt = at;
    this.changed();
  }

  /** Ends every open de-duplication window now. */
  closeWindows(now: number): void {
    for (const record of this.state.records) record.readyAt = Math.min(record.readyAt, now);
    this.changed();
  }

  markInFlight(records: readonly PendingRecord[]): void {
    for (const record of records) this.inFlight.add(record.entry.clientId);
  }

  release(records: readonly PendingRecord[]): void {
    for (const record of records) this.inFlight.delete(record.entry.clientId);
  }

  /** Forgets delivered records. */
  remove(records: readonly PendingRecord[]): void {
    this.removeIds(new Set(records.map((record) => record.entry.clientId)));
  }

  /** Forgets records that will never be delivered, counting those still here. */
  drop(records: readonly PendingRecord[], reason: DropReason): void {
    const removed = this.removeIds(new Set(records.map((record) => record.entry.clientId)));
    this.addDropped({ ...NO_DROPS, [reason]: removed });
  }

  addDropped(counts: DropCounts): void {
    this.state.dropped = addDropCounts(this.state.dropped, counts);
    this.changed();
  }

  /** The counts since the last report, now zero. */
  takeDropped(): DropCounts {
    const counts = this.state.dropped;
    this.state.dropped = { ...NO_DROPS };
    this.changed();
    return counts;
  }

  setDropReport(report: BrowserLogEntry | undefined): void {
    this.state.dropReport = report;
    this.changed();
  }

  /** Writes at once (the page is going away); otherwise writes wait for the end of the task. */
  saveNow(): void {
    this.saveQueued = false;
    if (this.closed) return;
    const isEmpty =
      this.state.records.length === 0 &&
      !this.state.dropReport &&
      Object.values(this.state.dropped).every((count) => count === 0);
    try {
      if (isEmpty) this.storage.removeItem(this.key);
      else this.writeEvictingOnQuota();
    } catch {
      // Storage refuses for another reason than space: the queue lives on in memory.
    }
  }

  /** Saves one last time; later changes (a reply arriving after the page is gone) stay unsaved. */
  close(): void {
    this.saveNow();
    this.closed = true;
  }

  private writeEvictingOnQuota(): void {
    for (;;) {
      try {
        this.storage.setItem(this.key, JSON.stringify(this.state));
        return;
      } catch (error) {
        const evictable = this.state.records.filter((record) => !this.isInFlight(record)).length;
        if (!isQuotaError(error) || evictable === 0) throw error;
        // A quarter at a time: few attempts, each serialising the whole queue.
        this.evictOldest(Math.ceil(evictable / 4));
      }
    }
  }

  /** The bound counts waiting records: a batch in flight must not push out the newest entry. */
  private enforceBound(): void {
    const waiting = this.state.records.filter((record) => !this.isInFlight(record)).length;
    if (waiting > this.options.maxRecords) this.evictOldest(waiting - this.options.maxRecords);
  }

  /** Drops the oldest records not in flight: those in flight may yet be delivered. */
  private evictOldest(count: number): void {
    const victims = this.state.records.filter((record) => !this.isInFlight(record)).slice(0, count);
    this.drop(victims, 'overflow');
  }

  private removeIds(clientIds: ReadonlySet<string>): number {
    const before = this.state.records.length;
    this.state.records = this.state.records.filter(
      (record) => !clientIds.has(record.entry.clientId),
    );
    this.changed();
    return before - this.state.records.length;
  }

  private changed(): void {
    if (this.saveQueued || this.closed) return;
    this.saveQueued = true;
    // One write per task however many entries it logs (an error loop can log thousands).
    queueMicrotask(() => {
      if (this.saveQueued) this.saveNow();
    });
  }

  private storedQueueKeys(): string[] {
    const prefix = `${this.options.keyPrefix}:`;
    const keys: string[] = [];
    for (let index = 0; index < this.storage.length; index += 1) {
      const key = this.storage.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  }

  /**
   * One queue from several pages': records once each, oldest first; unsent drop reports go back
   * into the counts (a new report with a new clientId will carry them).
   */
  private merge(states: (QueueState | undefined)[]): QueueState {
    const merged = emptyState();
    const seen = new Set<string>();
    for (const state of states) {
      if (!state) continue;
      for (const record of state.records) {
        if (seen.has(record.entry.clientId)) continue;
        seen.add(record.entry.clientId);
        merged.records.push(record);
      }
      merged.dropped = addDropCounts(merged.dropped, state.dropped);
      if (state.dropReport) {
        merged.dropped = addDropCounts(merged.dropped, countsOfDropReport(state.dropReport));
      }
    }
    // ISO 8601 times in UTC sort as text.
    merged.records.sort((a, b) => (a.entry.timestamp < b.entry.timestamp ? -1 : 1));
    return merged;
  }
}
