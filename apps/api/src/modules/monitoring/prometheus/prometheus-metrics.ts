import { LATENCY_BUCKET_BOUNDS_US } from '@ledgerlens/contracts';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A bounded queue whose depth and losses are exported. */
export interface QueueProbe {
  readonly backlog: { queued: number; dropped: number };
}

const PROMETHEUS_MANTISSAS = new Set([1, 2.5, 5]);

/**
 * Prometheus buckets, in seconds: the 1–2.5–5 bounds of the stored layout from 1 ms to 100 s
 * (16 buckets), so both views of a latency agree at those bounds without 62 series per label set.
 */
export const PROMETHEUS_BUCKETS_SECONDS: readonly number[] = LATENCY_BUCKET_BOUNDS_US.filter(
  (us) => us >= 1000 && PROMETHEUS_MANTISSAS.has(us / 10 ** Math.floor(Math.log10(us))),
).map((us) => us / 1_000_000);

/**
 * The API's metrics for `GET /metrics`: request and query duration histograms, the depth and
 * losses of the in-memory queues (action log, stored logs, slow samples), counts of slow
 * requests and queries, and Node's process metrics. One registry per application, so tests
 * can run several applications in one process.
 */
export class PrometheusMetrics {
  readonly registry = new Registry();
  private readonly queues = new Map<string, QueueProbe>();
  private readonly reportedDrops = new Map<string, number>();
  /** One labels object per statement kind, made once (every query is observed). */
  private readonly queryLabels = new Map<string, { operation: string }>();

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [...PROMETHEUS_BUCKETS_SECONDS],
    registers: [this.registry],
  });

  private readonly queryDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Duration of database queries, by statement kind (1 ms resolution)',
    labelNames: ['operation'] as const,
    buckets: [...PROMETHEUS_BUCKETS_SECONDS],
    registers: [this.registry],
  });

  private readonly slowRequests = new Counter({
    name: 'ledgerlens_slow_requests_total',
    help: 'Requests that took at least SLOW_REQUEST_MS',
    registers: [this.registry],
  });

  private readonly slowQueries = new Counter({
    name: 'ledgerlens_slow_queries_total',
    help: 'Queries that took at least SLOW_QUERY_MS',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const queues = this.queues;
    const reportedDrops = this.reportedDrops;
    new Gauge({
      name: 'ledgerlens_queue_depth',
      help: 'Items waiting in an in-memory write queue',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      collect() {
        for (const [queue, probe] of queues) this.set({ queue }, probe.backlog.queued);
      },
    });
    new Counter({
      name: 'ledgerlens_queue_dropped_total',
      help: 'Items an in-memory write queue dropped because it was full',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      collect() {
        for (const [queue, probe] of queues) {
          const dropped = probe.backlog.dropped;
          const increase = dropped - (reportedDrops.get(queue) ?? 0);
          this.inc({ queue }, Math.max(0, increase));
          reportedDrops.set(queue, Math.max(dropped, reportedDrops.get(queue) ?? 0));
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  addQueue(name: string, probe: QueueProbe): void {
    this.queues.set(name, probe);
  }

  observeRequest(method: string, route: string, status: number, durationMs: number): void {
    this.httpDuration.observe({ method, route, status_code: String(status) }, durationMs / 1000);
  }

  observeQuery(operation: string, durationMs: number): void {
    let labels = this.queryLabels.get(operation);
    if (!labels) {
      labels = { operation };
      this.queryLabels.set(operation, labels);
    }
    this.queryDuration.observe(labels, durationMs / 1000);
  }

  countSlow(kind: 'request' | 'query'): void {
    (kind === 'request' ? this.slowRequests : this.slowQueries).inc();
  }

  /** The text exposition of every metric. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
