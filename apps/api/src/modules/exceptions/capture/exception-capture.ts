import { DomainEvent, ExceptionGroupEventPayload, InternalEvent } from '@ledgerlens/contracts';
import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { BatchQueue } from '../../../common/batching/batch-queue';
import { RequestContext } from '../../../common/context/request-context';
import { ExceptionReport } from '../../../common/errors/exception-report';
import { isDataError } from '../../../common/errors/postgres-errors';
import { AppRedactor } from '../../../common/redaction/app-redactor';
import { AppConfig } from '../../../config/app-config';
import { ExceptionOccurrenceWriter, GroupOutcome } from '../storage/exception-occurrence.writer';
import { Occurrence, occurrenceOf } from './occurrence';

/** Occurrences held in memory at most while waiting to be stored; beyond it they are dropped. */
const QUEUE_CAPACITY = 10_000;
const BATCH_SIZE = 200;
/** How long an occurrence may wait for its batch: short, so a group appears almost at once. */
const FLUSH_INTERVAL_MS = 200;
/** Problems of the capture itself are told at most this often (with how many were not told). */
const PROBLEM_REPORT_INTERVAL_MS = 5000;

/**
 * Exception tracking's way in. `capture` reads a report at once (the request context is still
 * there), redacts and fingerprints it, and queues it; a background writer stores queued
 * occurrences in batches (`ExceptionOccurrenceWriter`) and, after each commit, announces new and
 * regressed groups (`exception.new`, `exception.regressed`).
 *
 * It never throws into its caller and never loops: its own failures go to stderr only — not to
 * the logger, whose stored lines could report a failure back here, and not back into capture.
 */
@Injectable()
export class ExceptionCapture implements BeforeApplicationShutdown {
  private readonly queue: BatchQueue<Occurrence>;
  private lastProblemAt = -Infinity;
  private untoldProblems = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly context: RequestContext,
    private readonly redactor: AppRedactor,
    private readonly writer: ExceptionOccurrenceWriter,
    private readonly events: EventEmitter2,
  ) {
    this.queue = new BatchQueue<Occurrence>({
      capacity: QUEUE_CAPACITY,
      batchSize: BATCH_SIZE,
      flushIntervalMs: FLUSH_INTERVAL_MS,
      write: (batch) => this.write(batch),
      onProblem: (message, error) => this.problem(message, error),
    });
  }

  /** Occurrences waiting to be stored, and occurrences lost to a full queue. */
  get backlog(): { queued: number; dropped: number } {
    return { queued: this.queue.size, dropped: this.queue.dropped };
  }

  /** Occurrences the queue holds at most (readiness reports a full queue). */
  readonly capacity = QUEUE_CAPACITY;

  /** Reports sent by code that does not know this module (see `reportException`). */
  @OnEvent(InternalEvent.ExceptionReported)
  onReported(report: ExceptionReport): void {
    this.capture(report);
  }

  /** Records an exception: never throws, never waits. */
  capture(report: ExceptionReport): void {
    try {
      const occurrence = occurrenceOf(report, {
        redactor: this.redactor,
        traceId: this.context.traceId,
        userId: this.context.actor?.id,
        release: report.source === 'frontend' ? undefined : this.config.APP_RELEASE,
        now: new Date(),
      });
      this.queue.push(occurrence);
    } catch (error) {
      this.problem('an exception could not be read', error);
    }
  }

  /** Stores everything queued (on shutdown, and before the process exits on a fatal error). */
  async flush(): Promise<void> {
    await this.queue.drain();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** One bad occurrence must not sink its batch: on a data error they go one by one. */
  private async write(batch: Occurrence[]): Promise<void> {
    let outcomes: GroupOutcome[];
    try {
      outcomes = await this.writer.write(batch);
    } catch (error) {
      if (!isDataError(error)) throw error;
      outcomes = [];
      for (const occurrence of batch) {
        try {
          outcomes.push(...(await this.writer.write([occurrence])));
        } catch (rowError) {
          if (!isDataError(rowError)) throw rowError;
          this.problem(`dropped an occurrence the database refused (${occurrence.type})`, rowError);
        }
      }
    }
    this.announce(outcomes);
  }

  /** After commit: a listener's failure is its own, never the writer's. */
  private announce(outcomes: GroupOutcome[]): void {
    for (const outcome of outcomes) {
      if (!outcome.inserted && !outcome.regressed) continue;
      const payload: ExceptionGroupEventPayload = {
        groupId: outcome.groupId,
        fingerprint: outcome.fingerprint,
        title: outcome.title,
        type: outcome.type,
        source: outcome.source,
        level: outcome.level,
        culprit: outcome.culprit,
        count: outcome.count,
        ...(outcome.traceId ? { traceId: outcome.traceId } : {}),
        ...(outcome.regressed && outcome.regressedAt ? { regressedAt: outcome.regressedAt } : {}),
      };
      try {
        this.events.emit(
          outcome.inserted ? DomainEvent.ExceptionNew : DomainEvent.ExceptionRegressed,
          payload,
        );
      } catch (error) {
        this.problem('a listener of exception events failed', error);
      }
    }
  }

  private problem(message: string, error?: unknown): void {
    const now = Date.now();
    if (now - this.lastProblemAt < PROBLEM_REPORT_INTERVAL_MS) {
      this.untoldProblems += 1;
      return;
    }
    const untold = this.untoldProblems > 0 ? ` (${this.untoldProblems} more since the last)` : '';
    this.lastProblemAt = now;
    this.untoldProblems = 0;
    const reason = error instanceof Error ? `: ${this.redactor.redactText(error.message)}` : '';
    process.stderr.write(`[ledgerlens] Exception tracking: ${message}${reason}${untold}\n`);
  }
}
