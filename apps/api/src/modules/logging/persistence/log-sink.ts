import { BatchQueue } from '../../../common/batching/batch-queue';
import { AppLogRecord } from './app-log-record';
import { objectOfLine, recordOfPinoLine } from './pino-line';

export interface LogSinkOptions {
  capacity: number;
  batchSize: number;
  flushIntervalMs: number;
  /** Told about dropped records and failed writes (on stderr: logging them would loop). */
  onProblem?(message: string, error?: unknown): void;
}

type WriteBatch = (batch: AppLogRecord[]) => Promise<unknown>;

/**
 * Told of each record as it is queued, synchronously in the code that logged it (so it may read
 * the request's context): the same redacted record storage gets. It must not throw or log.
 */
export type LogRecordListener = (record: AppLogRecord) => void;

function reportOnStderr(message: string, error?: unknown): void {
  const reason = error instanceof Error ? `: ${error.message}` : '';
  process.stderr.write(`[ledgerlens] Stored logs: ${message}${reason}\n`);
}

/**
 * The pino destination that stores log lines: each line becomes a record in a bounded queue, written
 * in batches off the request path once `connect` gives it a writer (the database opens after
 * the logger). Lines logged before that wait in the queue.
 */
export class LogSink {
  private readonly queue: BatchQueue<AppLogRecord>;
  private writeBatch?: WriteBatch;
  private readonly listeners = new Set<LogRecordListener>();
  private connected!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.connected = resolve));

  constructor(options: LogSinkOptions) {
    this.queue = new BatchQueue<AppLogRecord>({
      capacity: options.capacity,
      batchSize: options.batchSize,
      flushIntervalMs: options.flushIntervalMs,
      write: async (batch) => {
        await this.ready;
        await this.writeBatch?.(batch);
      },
      onProblem: options.onProblem ?? reportOnStderr,
    });
  }

  /** Records waiting to be stored, and records lost to a full queue. */
  get backlog(): { queued: number; dropped: number } {
    return { queued: this.queue.size, dropped: this.queue.dropped };
  }

  /**
   * Called by pino with one JSON line, redacted before pino serialised it; never throws, never
   * waits. The line is parsed here: the one parse a stored line costs.
   */
  write(line: string): void {
    const parsed = objectOfLine(line);
    if (!parsed) return;
    const record = recordOfPinoLine(parsed);
    this.queue.push(record);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        // A listener's failure (an exporter's) never costs the line its storage.
      }
    }
  }

  /** Tells `listener` of every record from now on; the returned function stops it. */
  observe(listener: LogRecordListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connect(writeBatch: WriteBatch): void {
    this.writeBatch = writeBatch;
    this.connected();
  }

  /** Stores what is queued; without a writer there is nowhere to store it, so it is left. */
  async drain(): Promise<void> {
    if (this.writeBatch) await this.queue.drain();
  }
}
