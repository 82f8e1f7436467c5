import type { BrowserLogEntry } from '@ledgerlens/contracts';
import { API_BATCH_LIMITS, fittingCount } from './batches';
import { sendByBeacon } from './beacon';
import { openWindowFor, wireEntryOf } from './dedup-window';
import type { DropReports } from './drop-reports';
import type { PendingRecord, PendingStore } from './pending-store';
import type { Platform } from './platform';
import { backoffDelayMs, type RetryPolicy } from './retry-policy';
import type { BatchPoster, SendOutcome } from './transport';
import { isSendable } from './wire-limits';

export interface DeliveryConfig {
  /** A batch goes out as soon as this many entries are ready… */
  batchSize: number;
  /** …or when the oldest ready entry has waited this long. */
  flushIntervalMs: number;
  /** Repeats of an entry within this time after it are counted into it, not sent. */
  dedupWindowMs: number;
  /**
   * Errors are held this long for repeats (when shorter than the window) and then sent without
   * waiting for a batch, so an admin following the live tail sees them within seconds.
   */
  errorDelayMs: number;
  retry: RetryPolicy;
  beaconUrl: string;
  maxBeaconBytes: number;
}

const isUrgent = (entry: BrowserLogEntry) => entry.level === 'error' || entry.level === 'fatal';

interface Batch {
  records: PendingRecord[];
  report?: BrowserLogEntry;
  /** The body: the report first, then the records. */
  entries: BrowserLogEntry[];
}

/**
 * Takes built entries and gets them to the API: de-duplication windows, batching, retries with
 * backoff, and a last hand-off by beacon. One batch is in flight at a time; an entry leaves the
 * store only when the API has answered 2xx for it, was refused for it, or the browser took it
 * as a beacon. Otherwise it is still in the store, and sent again by this page or the next.
 */
export class LogDelivery {
  private wakeTimer: unknown;
  private draining?: Promise<void>;
  /** Send every ready entry, not only when a batch is due (set by `flush` and `resume`). */
  private sendAllReady = false;
  /** No automatic sending before this: `Retry-After`, or a pause after retries ran out. */
  private pausedUntil = 0;
  private readonly pendingSleeps = new Set<() => void>();
  private disposed = false;

  constructor(
    private readonly store: PendingStore,
    private readonly reports: DropReports,
    private readonly post: BatchPoster,
    private readonly platform: Pick<Platform, 'scheduler' | 'sendBeacon' | 'isOnline' | 'random'>,
    private readonly config: DeliveryConfig,
  ) {
    // Entries an earlier page left are long due: they go out at once.
    this.schedule();
  }

  add(entry: BrowserLogEntry): void {
    if (this.disposed) return;
    const now = this.now();
    const repeated = openWindowFor(this.store.records, entry, now);
    if (repeated) this.store.noteRepeat(repeated, entry.timestamp);
    else this.store.append({ entry, readyAt: now + this.holdMs(entry), repeatCount: 1 });
    this.schedule();
  }

  /** Closes every de-duplication window and sends everything; resolves when done or failing. */
  flush(): Promise<void> {
    this.store.closeWindows(this.now());
    return this.sendReadyNow();
  }

  /** Back online: sends what is ready without waiting for a batch to be due. */
  resume(): void {
    void this.sendReadyNow();
  }

  /**
   * The page is being hidden or unloaded: beacons every pending entry, those in flight too (their
   * reply may never come; the API stores a repeated clientId once). What the browser does not
   * take stays stored for the next page.
   */
  handOff(): void {
    if (this.disposed) return;
    const { sendBeacon } = this.platform;
    if (sendBeacon && this.platform.isOnline()) {
      const now = this.now();
      this.dropExpired(now);
      const records = [...this.store.records];
      const report = records.length > 0 ? this.reports.current(now) : undefined;
      const entries = [...(report ? [report] : []), ...records.map(wireEntryOf)];
      const taken = new Set(
        sendByBeacon(entries, sendBeacon, this.config.beaconUrl, this.config.maxBeaconBytes).map(
          (entry) => entry.clientId,
        ),
      );
      this.store.remove(records.filter((record) => taken.has(record.entry.clientId)));
      if (report && taken.has(report.clientId)) this.reports.settled(report);
    }
    this.store.saveNow();
  }

  /** Stops timers and retries and saves the queue; a reply still on its way is ignored. */
  dispose(): void {
    this.disposed = true;
    this.platform.scheduler.clearTimeout(this.wakeTimer);
    for (const cancel of this.pendingSleeps) cancel();
    this.store.close();
  }

  private now(): number {
    return this.platform.scheduler.now();
  }

  private sendReadyNow(): Promise<void> {
    this.pausedUntil = 0;
    this.sendAllReady = true;
    return this.drain();
  }

  private holdMs(entry: BrowserLogEntry): number {
    const { dedupWindowMs, errorDelayMs } = this.config;
    return isUrgent(entry) ? Math.min(dedupWindowMs, errorDelayMs) : dedupWindowMs;
  }

  private schedule(): void {
    if (this.disposed || this.draining) return;
    this.platform.scheduler.clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    // Offline, nothing is tried until the `online` event (or the next page).
    if (!this.platform.isOnline()) return;
    const dueAt = this.dueAt();
    if (dueAt === undefined) return;
    const delay = Math.max(0, Math.max(dueAt, this.pausedUntil) - this.now());
    this.wakeTimer = this.platform.scheduler.setTimeout(() => void this.drain(), delay);
  }

  /**
   * When a batch is due: `batchSize` entries ready, an error ready, or the oldest ready entry
   * waited long enough.
   */
  private dueAt(): number | undefined {
    const waiting = this.store.records.filter((record) => !this.store.isInFlight(record));
    if (waiting.length === 0) return undefined;
    const readyTimes = waiting.map((record) => record.readyAt).sort((a, b) => a - b);
    const bySize = readyTimes[this.config.batchSize - 1] ?? Infinity;
    const byWait = Math.min(
      ...waiting.map(
        (record) => record.readyAt + (isUrgent(record.entry) ? 0 : this.config.flushIntervalMs),
      ),
    );
    return Math.min(byWait, bySize);
  }

  private drain(): Promise<void> {
    if (!this.draining) {
      this.platform.scheduler.clearTimeout(this.wakeTimer);
      this.draining = this.sendBatches().finally(() => {
        this.draining = undefined;
        this.sendAllReady = false;
        this.schedule();
      });
    }
    return this.draining;
  }

  private async sendBatches(): Promise<void> {
    while (!this.disposed && this.platform.isOnline()) {
      const now = this.now();
      const dueAt = this.dueAt();
      if (!this.sendAllReady && (dueAt === undefined || dueAt > now)) return;
      const batch = this.nextBatch(now);
      if (!batch) return;
      const outcome = await this.sendWithRetries(batch);
      if (this.disposed) return;
      this.settle(batch, outcome);
      if (outcome.kind === 'retryable') {
        // Out of retries: the entries stay stored; wait before trying again.
        this.pausedUntil = Math.max(this.pausedUntil, this.now() + this.config.retry.maxDelayMs);
        return;
      }
    }
  }

  private nextBatch(now: number): Batch | undefined {
    this.dropExpired(now);
    const ready = this.store.records.filter(
      (record) => record.readyAt <= now && !this.store.isInFlight(record),
    );
    if (ready.length === 0) return undefined;
    const report = this.reports.current(now);
    const reserved = report ? [report] : [];
    const wire = ready.map(wireEntryOf);
    const count = fittingCount(wire, API_BATCH_LIMITS, reserved);
    const records = ready.slice(0, count);
    this.store.markInFlight(records);
    return { records, report, entries: [...reserved, ...wire.slice(0, count)] };
  }

  /** The API refuses a whole batch for one entry outside its clock window: such entries are dropped first. */
  private dropExpired(now: number): void {
    const expired = this.store.records.filter(
      (record) => !this.store.isInFlight(record) && !isSendable(record.entry.timestamp, now),
    );
    if (expired.length > 0) this.store.drop(expired, 'expired');
  }

  private async sendWithRetries(batch: Batch): Promise<SendOutcome> {
    const { retry } = this.config;
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.post(batch.entries);
      if (outcome.kind !== 'retryable' || attempt >= retry.maxRetries) return outcome;
      const retryAfterMs = outcome.retryAfterMs ?? 0;
      this.pausedUntil = Math.max(this.pausedUntil, this.now() + retryAfterMs);
      await this.sleep(
        Math.max(retryAfterMs, backoffDelayMs(attempt, retry, this.platform.random)),
      );
      if (this.disposed) return outcome;
    }
  }

  private settle(batch: Batch, outcome: SendOutcome): void {
    this.store.release(batch.records);
    if (outcome.kind === 'stored') {
      this.store.remove(batch.records);
      if (batch.report) this.reports.settled(batch.report);
    } else if (outcome.kind === 'refused') {
      const blamed = outcome.refusedIndexes;
      const offset = batch.report ? 1 : 0;
      const blamedRecords = batch.records.filter((_, index) => blamed?.has(index + offset));
      const reportBlamed = batch.report !== undefined && blamed?.has(0) === true;
      // Blamed entries are dropped and the rest stay for the next batch. A refusal that blames
      // no entry of this batch drops every record, but not the report: it rides along again.
      const anyBlamed = blamedRecords.length > 0 || reportBlamed;
      this.store.drop(anyBlamed ? blamedRecords : batch.records, 'refused');
      if (batch.report && reportBlamed) this.reports.settled(batch.report);
    }
  }

  private sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = () => {
        this.platform.scheduler.clearTimeout(handle);
        this.pendingSleeps.delete(cancel);
        resolve();
      };
      const handle = this.platform.scheduler.setTimeout(cancel, delayMs);
      this.pendingSleeps.add(cancel);
    });
  }
}
