import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ClsService, CLS_REQ } from 'nestjs-cls';
import { hostname } from 'node:os';
import { BatchQueue } from '../../../common/batching/batch-queue';
import { RequestContext } from '../../../common/context/request-context';
import { isDataError } from '../../../common/errors/postgres-errors';
import { AppRedactor } from '../../../common/redaction/app-redactor';
import { AppConfig } from '../../../config/app-config';
import { shortenParameter } from '../../../database/sql-logger';
import { microsecondsOf } from '../histogram/latency-histogram';
import { PrometheusMetrics } from '../prometheus/prometheus-metrics';
import { MinuteRowsStore } from '../storage/minute-rows.store';
import { SlowSampleRecord, SlowSamplesStore } from '../storage/slow-samples.store';
import { MinuteAggregator } from './minute-aggregator';
import { isSlow, SlowThresholds } from './slow-thresholds';
import { normaliseSql, queryKindOf } from './sql-normaliser';

/** Slow samples held in memory at most while waiting to be stored. */
const SLOW_QUEUE_CAPACITY = 5000;
const SLOW_BATCH_SIZE = 200;
const SLOW_FLUSH_INTERVAL_MS = 1000;
const ROUTE_LIMIT = 512;

/** A finished request, as the request timing reports it. */
export interface TimedRequest {
  method: string;
  /** The route template (`/api/v1/transactions/:id`), never the raw URL. */
  route: string;
  status: number;
  durationMs: number;
  /** Wall-clock end of the request, milliseconds since the epoch. */
  endedAtMs: number;
  traceId: string | null;
  userId: string | null;
}

interface RoutedRequest {
  method?: string;
  route?: { path?: string };
}

export function instanceIdOf(config: AppConfig): string {
  return config.INSTANCE_ID ?? `${hostname()}:${process.pid}`;
}

/**
 * Where every timed request and query goes: into this instance's per-minute aggregates, the
 * Prometheus histograms and, at or over its threshold, the slow request or slow query tables
 * (through a bounded queue, off the request path). The aggregates are added to
 * `performance_metrics` every METRICS_FLUSH_INTERVAL_MS and on shutdown.
 */
@Injectable()
export class MetricsRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly instance: string;
  private readonly logger = new Logger('Metrics');
  private readonly aggregator = new MinuteAggregator();
  private readonly thresholds: SlowThresholds;
  private readonly slowSamples: BatchQueue<SlowSampleRecord>;
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: AppConfig,
    private readonly minuteRows: MinuteRowsStore,
    private readonly slowSampleStore: SlowSamplesStore,
    private readonly prometheus: PrometheusMetrics,
    private readonly redactor: AppRedactor,
    private readonly context: RequestContext,
    private readonly cls: ClsService,
  ) {
    this.instance = instanceIdOf(config);
    this.thresholds = { requestMs: config.SLOW_REQUEST_MS, queryMs: config.SLOW_QUERY_MS };
    this.slowSamples = new BatchQueue<SlowSampleRecord>({
      capacity: SLOW_QUEUE_CAPACITY,
      batchSize: SLOW_BATCH_SIZE,
      flushIntervalMs: SLOW_FLUSH_INTERVAL_MS,
      write: (batch) => this.writeSlowSamples(batch),
      onProblem: (message, error) => this.logger.warn({ err: error }, `Slow samples: ${message}`),
    });
    const slowSamples = this.slowSamples;
    prometheus.addQueue('slow_samples', {
      get backlog() {
        return { queued: slowSamples.size, dropped: slowSamples.dropped };
      },
    });
  }

  get captureEnabled(): boolean {
    return this.config.METRICS_CAPTURE_ENABLED;
  }

  onApplicationBootstrap(): void {
    if (!this.captureEnabled) return;
    this.timer = setInterval(() => void this.flush(), this.config.METRICS_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stores what was gathered while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.slowSamples.drain();
  }

  recordRequest(request: TimedRequest): void {
    const route = request.route.slice(0, ROUTE_LIMIT);
    this.aggregator.record(
      {
        metricType: 'http_request',
        metricName: `${request.method} ${route}`,
        durationUs: microsecondsOf(request.durationMs),
        status: request.status,
      },
      request.endedAtMs,
    );
    this.prometheus.observeRequest(request.method, route, request.status, request.durationMs);
    if (!isSlow('request', request.durationMs, this.thresholds)) return;
    this.prometheus.countSlow('request');
    this.slowSamples.push({
      kind: 'request',
      startedAt: new Date(request.endedAtMs - request.durationMs).toISOString(),
      traceId: request.traceId,
      userId: request.userId,
      method: request.method,
      route,
      statusCode: request.status,
      durationMs: Math.round(request.durationMs * 1000) / 1000,
    });
  }

  /** A successful query and its duration (TypeORM measures whole milliseconds). */
  recordQuery(sql: string, parameters: unknown[] | undefined, durationMs: number): void {
    const endedAtMs = Date.now();
    const kind = queryKindOf(sql);
    this.aggregator.record(
      { metricType: 'db_query', metricName: kind, durationUs: microsecondsOf(durationMs) },
      endedAtMs,
    );
    this.prometheus.observeQuery(kind, durationMs);
    if (!isSlow('query', durationMs, this.thresholds)) return;
    this.prometheus.countSlow('query');
    this.slowSamples.push({
      kind: 'query',
      startedAt: new Date(endedAtMs - durationMs).toISOString(),
      traceId: this.context.traceId ?? null,
      userId: this.context.actor?.id ?? null,
      route: this.currentEndpoint(),
      queryKind: kind,
      statement: normaliseSql(sql),
      params: parameters ? this.redactor.redact(parameters.map(shortenParameter)) : null,
      durationMs,
    });
  }

  /**
   * Adds everything gathered so far to `performance_metrics`, open minute included (rows are
   * added to, so the rest of the minute follows in a later flush). Flushes run one at a time;
   * a failed one keeps its figures for the next.
   */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const cells = this.aggregator.take();
      if (cells.length === 0) return;
      try {
        await this.minuteRows.add(this.instance, cells);
      } catch (error) {
        this.aggregator.restore(cells);
        this.logger.warn({ err: error }, 'Storing per-minute metrics failed; retrying later');
      }
    });
    return this.flushing;
  }

  /** `GET /api/v1/transactions/:id` of the request running the current query, if any. */
  private currentEndpoint(): string | null {
    if (!this.cls.isActive()) return null;
    const request = this.cls.get<RoutedRequest | undefined>(CLS_REQ);
    const path = request?.route?.path;
    return path && request.method ? `${request.method} ${path}`.slice(0, ROUTE_LIMIT) : null;
  }

  /** A batch the database refuses as data is dropped (logged), not retried forever. */
  private async writeSlowSamples(batch: SlowSampleRecord[]): Promise<void> {
    try {
      await this.slowSampleStore.write(this.instance, batch);
    } catch (error) {
      if (!isDataError(error)) throw error;
      this.logger.warn({ err: error }, `Slow samples: dropped a batch of ${batch.length}`);
    }
  }
}
