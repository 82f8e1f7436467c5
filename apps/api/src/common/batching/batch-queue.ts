const DROP_REPORT_INTERVAL_MS = 5000;

export interface BatchQueueOptions<T> {
  /** Items held at most; a push beyond it is dropped and counted. */
  capacity: number;
  /** Items written per call of `write`; reaching it triggers a flush at once. */
  batchSize: number;
  /** A flush runs at least this often while items wait. */
  flushIntervalMs: number;
  /** Writes one batch; a rejection puts the batch back (if there is room) and backs off. */
  write(batch: T[]): Promise<void>;
  /** Told about dropped items and failed writes; never throws into the caller. */
  onProblem(message: string, error?: unknown): void;
  /** Longest wait between retries of a failing write. */
  maxBackoffMs?: number;
  /** Write attempts for the remaining items when draining before giving up. */
  drainAttempts?: number;
}

/**
 * A bounded in-memory queue written in batches by a background timer: producers never wait and
 * never see an error. A failed batch is retried with exponential backoff while there is room;
 * `drain()` writes everything left (used on shutdown, before the database closes), including what
 * is pushed while it runs. Once drained the queue is closed: nothing would write a later push, so
 * each one is refused, counted as dropped and told at once (never held where no one looks).
 */
export class BatchQueue<T> {
  private items: T[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private failures = 0;
  private droppedCount = 0;
  private state: 'open' | 'draining' | 'closed' = 'open';
  private lastDropReportAt = -Infinity;

  constructor(private readonly options: BatchQueueOptions<T>) {}

  /** Items waiting to be written. */
  get size(): number {
    return this.items.length;
  }

  /** Items lost so far because the queue was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Enqueues an item; false when the queue is full and the item was dropped. */
  push(item: T): boolean {
    if (this.state === 'closed') {
      this.drop(1, 'pushed after the queue was drained on shutdown', { tellAtOnce: true });
      return false;
    }
    if (this.items.length >= this.options.capacity) {
      this.drop(1, 'the queue is full');
      return false;
    }
    this.items.push(item);
    if (this.items.length >= this.options.batchSize && this.failures === 0) this.flushSoon(0);
    else this.flushSoon(this.options.flushIntervalMs);
    return true;
  }

  /**
   * Stops the timer and writes every waiting item (and any pushed meanwhile), retrying a failing
   * write a few times; then closes the queue.
   */
  async drain(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'draining';
    clearTimeout(this.timer);
    this.timer = undefined;
    let attempts = 0;
    const maxAttempts = this.options.drainAttempts ?? 5;
    while (this.items.length > 0 || this.flushing) {
      const before = this.failures;
      await this.flush();
      if (this.failures > before && ++attempts >= maxAttempts) {
        this.drop(this.items.length, 'writes kept failing while draining');
        this.items = [];
      } else if (this.failures > before) {
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs()));
      }
    }
    this.state = 'closed';
  }

  private flushSoon(delayMs: number): void {
    if (this.state !== 'open' || (this.timer && delayMs > 0)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().then(() => this.scheduleNext());
    }, delayMs);
    this.timer.unref();
  }

  private scheduleNext(): void {
    if (this.items.length === 0) return;
    this.flushSoon(this.failures > 0 ? this.backoffMs() : this.options.flushIntervalMs);
  }

  /** Writes batches until the queue is empty or a write fails; one flush runs at a time. */
  private flush(): Promise<void> {
    this.flushing ??= this.writeBatches().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writeBatches(): Promise<void> {
    while (this.items.length > 0) {
      const batch = this.items.splice(0, this.options.batchSize);
      try {
        await this.options.write(batch);
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.requeue(batch, error);
        return;
      }
    }
  }

  private requeue(batch: T[], error: unknown): void {
    const room = this.options.capacity - this.items.length;
    const kept = batch.slice(0, Math.max(room, 0));
    this.items.unshift(...kept);
    this.options.onProblem(
      `Writing a batch of ${batch.length} failed (attempt ${this.failures}); retrying ${kept.length}`,
      error,
    );
    if (kept.length < batch.length) this.drop(batch.length - kept.length, 'the queue is full');
  }

  /**
   * Counts lost items; tells about them at most once per interval, so a flood does not flood logs,
   * unless `tellAtOnce` (no later report may come: the process is about to exit).
   */
  private drop(count: number, reason: string, { tellAtOnce = false } = {}): void {
    this.droppedCount += count;
    const now = Date.now();
    if (!tellAtOnce && now - this.lastDropReportAt < DROP_REPORT_INTERVAL_MS) return;
    this.lastDropReportAt = now;
    this.options.onProblem(`Dropped ${count} item(s): ${reason} (${this.droppedCount} in total)`);
  }

  private backoffMs(): number {
    const max = this.options.maxBackoffMs ?? 30_000;
    return Math.min(max, 100 * 2 ** Math.min(this.failures, 20));
  }
}
