import { BeforeApplicationShutdown, Injectable, Logger, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { performance } from 'node:perf_hooks';
import { DataSource, QueryRunner } from 'typeorm';
import { reportException } from '../errors/exception-report';

/** Keeps job locks apart from other advisory locks (the two-key form has its own key space). */
const LOCK_NAMESPACE = 'ledgerlens.job';

/**
 * The tracer job spans come from: OpenTelemetry's global one, which the telemetry module sets
 * when spans are exported (OTEL_EXPORTER_OTLP_ENDPOINT) and which does nothing otherwise.
 */
const TRACER_SCOPE = 'ledgerlens-api';

/**
 * `busy`: another instance held the job's lock, so this one did not run it. `claimed`: another
 * instance had already claimed this scheduled period, so this tick did not run it again.
 */
export type JobOutcome = 'succeeded' | 'failed' | 'busy' | 'claimed';

/** A job's work; `signal` aborts when the application shuts down, so long work can stop early. */
export type JobWork = (signal: AbortSignal) => Promise<unknown>;

/**
 * Runs background jobs one at a time across every API instance sharing the database: a job
 * holds a session-level advisory lock (`pg_try_advisory_lock`, keyed by the job's name) on a
 * connection of its own while it runs. A scheduled tick also claims its period first
 * (`job_periods`), so each period runs once even when one instance ticks late. Runs are logged at debug; failures are logged as errors
 * and go to exception tracking; `run` never rejects, so a failing job never takes the process
 * down.
 * Shutdown aborts running jobs and waits for them while the database is still open.
 */
@Injectable()
export class ExclusiveJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly shutdown = new AbortController();
  private readonly running = new Set<Promise<JobOutcome>>();

  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  /**
   * Runs `work` unless another instance is running the job called `name` — or, for a scheduled
   * tick (`period`: the start of the period it is for), unless that period was claimed already.
   */
  run(name: string, work: JobWork, period?: Date): Promise<JobOutcome> {
    const outcome = this.runTraced(name, work, period);
    this.running.add(outcome);
    void outcome.then(() => this.running.delete(outcome));
    return outcome;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort(new Error('The application is shutting down'));
    await Promise.all(this.running);
  }

  /**
   * One span per run, `job <name>`, whatever the outcome: `ledgerlens.job.outcome` says which,
   * `ledgerlens.job.period` the scheduled period (absent for a direct call); a failure is an error.
   */
  private async runTraced(name: string, work: JobWork, period?: Date): Promise<JobOutcome> {
    const span = trace.getTracer(TRACER_SCOPE).startSpan(`job ${name}`, {
      kind: SpanKind.INTERNAL,
      attributes: {
        'ledgerlens.job.name': name,
        ...(period && { 'ledgerlens.job.period': period.toISOString() }),
      },
    });
    const outcome = await this.runClaimed(name, work, period);
    span.setAttribute('ledgerlens.job.outcome', outcome);
    if (outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    return outcome;
  }

  private async runClaimed(name: string, work: JobWork, period?: Date): Promise<JobOutcome> {
    if (period && !(await this.claim(name, period))) {
      this.logger.debug({ job: name }, `Job ${name} skipped: its period already ran elsewhere`);
      return 'claimed';
    }
    return this.runLocked(name, work);
  }

  /**
   * Claims `period` of the job for this instance: true unless the job's latest claimed period
   * is this one or a later one. One statement, so two instances claiming at once cannot both win.
   */
  private async claim(name: string, period: Date): Promise<boolean> {
    try {
      // `common` sits below the typed-rows helpers of `database/`; the rows are typed here.
      const rows: unknown = await this.dataSource.query(
        `INSERT INTO job_periods (job_name, period_start) VALUES ($1, $2)
         ON CONFLICT (job_name) DO UPDATE SET period_start = EXCLUDED.period_start, claimed_at = now()
           WHERE job_periods.period_start < EXCLUDED.period_start
         RETURNING job_name`,
        [name, period],
      );
      return (rows as unknown[]).length > 0;
    } catch (error) {
      this.logger.error({ err: error, job: name }, `Job ${name}: claiming its period failed`);
      return false;
    }
  }

  private async runLocked(name: string, work: JobWork): Promise<JobOutcome> {
    const startedAt = performance.now();
    const elapsed = () => Math.round(performance.now() - startedAt);
    const connection = this.dataSource.createQueryRunner();
    let locked = false;
    try {
      locked = await this.lock(connection, name);
      if (!locked) {
        this.logger.debug({ job: name }, `Job ${name} skipped: another instance is running it`);
        return 'busy';
      }
      // Routine runs (some every minute) log at debug; a failure is an error below.
      this.logger.debug({ job: name }, `Job ${name} started`);
      await work(this.shutdown.signal);
      this.logger.debug({ job: name, durationMs: elapsed() }, `Job ${name} finished`);
      return 'succeeded';
    } catch (error) {
      this.logger.error({ err: error, job: name, durationMs: elapsed() }, `Job ${name} failed`);
      // A job stopped by the shutdown did not fail.
      if (!this.shutdown.signal.aborted) {
        reportException(this.events, { error, origin: 'job', context: { job: name } });
      }
      return 'failed';
    } finally {
      if (locked) await this.unlock(connection, name);
      await connection.release();
    }
  }

  private async lock(connection: QueryRunner, name: string): Promise<boolean> {
    // `common` sits below the typed-rows helpers of `database/`; this one row is typed here.
    const rows: unknown = await connection.query(
      `SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked`,
      [LOCK_NAMESPACE, name],
    );
    return (rows as [{ locked: boolean }])[0].locked;
  }

  /**
   * Only a broken connection fails to unlock, and the pool discards a broken connection, which
   * ends the session and its lock; so a failure is logged and nothing more.
   */
  private async unlock(connection: QueryRunner, name: string): Promise<void> {
    try {
      await connection.query(`SELECT pg_advisory_unlock(hashtext($1), hashtext($2))`, [
        LOCK_NAMESPACE,
        name,
      ]);
    } catch (error) {
      this.logger.warn({ err: error, job: name }, `Job ${name}: releasing its lock failed`);
    }
  }
}
