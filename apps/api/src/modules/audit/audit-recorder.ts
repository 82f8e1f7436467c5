import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InternalEvent } from '@ledgerlens/contracts';
import { performance } from 'node:perf_hooks';
import { BatchQueue } from '../../common/batching/batch-queue';
import { RequestContext } from '../../common/context/request-context';
import { AppRedactor } from '../../common/redaction/app-redactor';
import { reportException } from '../../common/errors/exception-report';
import { storableText, storableValue } from '../../common/text/storable-text';
import { isDataError } from '../../common/errors/postgres-errors';
import { AppConfig } from '../../config/app-config';
import { AuditEventInput, AuditEventRecord } from './audit-event-input';
import { AuditEventsStore } from './audit-events.store';

/** Column widths of `audit_events`: longer values are cut rather than failing a whole batch. */
const LIMITS = {
  actorEmail: 254,
  action: 100,
  resourceType: 64,
  resourceId: 128,
  ip: 64,
  traceId: 64,
};
const USER_AGENT_LIMIT = 512;

/** Cut to the column's width, and storable (a cut can split a surrogate pair, too). */
function cut(value: string | null | undefined, length: number): string | null {
  return value == null ? null : storableText(value.slice(0, length));
}

function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The one way to add to the action log. `record` never throws and, in the default async mode,
 * never waits: events go to a bounded queue written in batches, drained before the database
 * closes on shutdown. Text PostgreSQL cannot store (NUL, unpaired surrogates) becomes U+FFFD, so
 * no event is refused for what it quotes. Metadata and messages are redacted before they are queued. Failed writes
 * are logged and go to exception tracking; stored events are announced
 * (`InternalEvent.AuditEventsStored`) for admins watching live.
 */
@Injectable()
export class AuditRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditRecorder');
  private readonly queue: BatchQueue<AuditEventRecord>;

  constructor(
    private readonly config: AppConfig,
    private readonly context: RequestContext,
    private readonly writer: AuditEventsStore,
    private readonly redactor: AppRedactor,
    @Optional() private readonly events?: EventEmitter2,
  ) {
    this.queue = new BatchQueue<AuditEventRecord>({
      capacity: config.AUDIT_LOGGING_QUEUE_SIZE,
      batchSize: config.AUDIT_LOGGING_BATCH_SIZE,
      flushIntervalMs: config.AUDIT_LOGGING_FLUSH_INTERVAL_MS,
      write: (batch) => this.write(batch),
      onProblem: (message, error) => this.problem(`Action log: ${message}`, error),
    });
  }

  /** Events waiting to be written, and events lost to a full queue. */
  get backlog(): { queued: number; dropped: number } {
    return { queued: this.queue.size, dropped: this.queue.dropped };
  }

  onApplicationBootstrap(): void {
    if (this.config.AUDIT_LOGGING_ENABLED && this.config.AUDIT_LOGGING_ASYNC) {
      this.logger.log('Action log: writing in batches off the request path');
    }
  }

  /** Writes what is still queued while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    const waiting = this.queue.size;
    await this.queue.drain();
    if (waiting > 0) this.logger.log(`Action log: wrote ${waiting} queued event(s) on shutdown`);
  }

  /** Adds an event; resolves at once in async mode, after the write in inline mode. */
  async record(input: AuditEventInput): Promise<void> {
    if (!this.config.AUDIT_LOGGING_ENABLED) return;
    const event = this.complete(input);
    if (this.config.AUDIT_LOGGING_ASYNC) {
      this.queue.push(event);
      return;
    }
    try {
      await this.write([event]);
    } catch (error) {
      this.problem(`Action log: writing ${event.action} failed`, error);
    }
  }

  /**
   * Runs an operation and records its success or failure with its duration (and the error's
   * message when it fails); the operation's result or error passes through unchanged.
   */
  async auditOperation<T>(
    input: Omit<AuditEventInput, 'result' | 'durationMs'>,
    operation: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const durationMs = () => Math.round(performance.now() - started);
    try {
      const result = await operation();
      void this.record({ ...input, result: 'success', durationMs: durationMs() });
      return result;
    } catch (error) {
      void this.record({
        ...input,
        result: 'failure',
        severity: input.severity ?? 'ERROR',
        message: `${input.message} failed: ${errorMessageOf(error)}`,
        durationMs: durationMs(),
        metadata: { ...input.metadata, error: errorMessageOf(error) },
      });
      throw error;
    }
  }

  private complete(input: AuditEventInput): AuditEventRecord {
    const actor = this.context.actor;
    return {
      occurredAt: (input.occurredAt ?? new Date()).toISOString(),
      action: cut(input.action, LIMITS.action) ?? '',
      category: input.category,
      result: input.result ?? 'success',
      severity: input.severity ?? 'INFO',
      source: input.source ?? 'api-service',
      message: storableText(this.redactor.redactText(input.message)),
      resourceType: cut(input.resourceType, LIMITS.resourceType),
      resourceId: cut(input.resourceId, LIMITS.resourceId),
      actorId: input.actorId !== undefined ? input.actorId : (actor?.id ?? null),
      actorEmail: cut(
        input.actorEmail !== undefined ? input.actorEmail : actor?.email,
        LIMITS.actorEmail,
      ),
      ip: cut(input.ip ?? this.context.ip, LIMITS.ip),
      userAgent: cut(input.userAgent ?? this.context.userAgent, USER_AGENT_LIMIT),
      traceId: cut(input.traceId ?? this.context.traceId, LIMITS.traceId),
      durationMs: input.durationMs ?? null,
      metadata: storableValue(
        this.redactor.redact(input.metadata ?? {}),
      ) as AuditEventRecord['metadata'],
    };
  }

  /** Logs a problem of the action log; a failure (with its error) is also an exception. */
  private problem(message: string, error?: unknown): void {
    this.logger.warn({ err: error }, message);
    if (error !== undefined) {
      reportException(this.events, { error, origin: 'audit', context: { problem: message } });
    }
  }

  /** One bad row must not sink its batch: on a data error the rows go one by one. */
  private async write(batch: AuditEventRecord[]): Promise<void> {
    let stored = batch;
    try {
      await this.writer.write(batch);
    } catch (error) {
      if (!isDataError(error) || batch.length === 1) throw error;
      stored = [];
      for (const event of batch) {
        await this.writer.write([event]).then(
          () => stored.push(event),
          (rowError: unknown) => {
            if (!isDataError(rowError)) throw rowError;
            this.problem(`Action log: rejected ${event.action}`, rowError);
          },
        );
      }
    }
    this.announce(stored);
  }

  /** After the inserts (each its own transaction) committed. */
  private announce(stored: AuditEventRecord[]): void {
    try {
      this.events?.emit(InternalEvent.AuditEventsStored, stored);
    } catch {
      // A listener's failure is its own: the events are stored, and a retry would store them twice.
    }
  }
}
