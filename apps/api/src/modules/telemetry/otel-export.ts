import {
  Attributes,
  diag,
  DiagLogLevel,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  trace,
  TraceFlags,
  Tracer,
} from '@opentelemetry/api';
import type { Logger as OtelLogger } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  Sampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { FLAG_SAMPLED, TraceContext } from '../../common/context/trace-context';
import { AppConfig } from '../../config/app-config';
import type { AppLogRecord } from '../logging';
import { isW3cTraceId, logRecordOf } from './log-records';
import { OtelSettings } from './otel-settings';
import { PresetIdGenerator } from './preset-id-generator';

const SCOPE = 'ledgerlens-api';
/** The most a shutdown waits for the last exports: a gone collector must not hold the process. */
const SHUTDOWN_WAIT_MS = 3000;
/** Export problems are written to stderr at most this often (a dead collector fails each batch). */
const PROBLEM_REPORT_INTERVAL_MS = 60_000;
/** The largest batch one export sends (the SDK's default), never above the queue. */
const MAX_EXPORT_BATCH = 512;

function samplerOf(config: AppConfig): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG);
  switch (config.OTEL_TRACES_SAMPLER) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** Where the trace and span IDs of a record come from. */
export interface TracePosition {
  traceId: string;
  spanId: string;
  flags: number;
}

/**
 * The OpenTelemetry SDK as the app uses it: a logger provider and a tracer provider, each with a
 * batching OTLP/HTTP (JSON) exporter, sharing one resource. Spans are made from the app's own
 * trace context rather than from an OTel context manager, so their IDs are the app's.
 */
export class OtelExport {
  private readonly loggerProvider?: LoggerProvider;
  private readonly tracerProvider?: BasicTracerProvider;
  private readonly logger?: OtelLogger;
  private readonly tracer?: Tracer;
  private readonly ids = new PresetIdGenerator();
  /** Request spans in flight, by span ID: the parents of their queries' spans. */
  private readonly requestSpans = new Map<string, Span>();
  private stopped = false;
  /** False when another provider held the global slot (another app in the same process). */
  private registeredGlobally = false;

  constructor(settings: OtelSettings, config: AppConfig) {
    reportExportProblems();
    const resource = resourceFromAttributes(settings.resource);
    const exporterOptions = { headers: settings.headers, timeoutMillis: settings.timeoutMillis };
    if (settings.logsUrl) {
      this.loggerProvider = new LoggerProvider({
        resource,
        processors: [
          new BatchLogRecordProcessor({
            exporter: new OTLPLogExporter({ ...exporterOptions, url: settings.logsUrl }),
            scheduledDelayMillis: config.OTEL_BLRP_SCHEDULE_DELAY,
            maxQueueSize: config.OTEL_BLRP_MAX_QUEUE_SIZE,
            maxExportBatchSize: Math.min(MAX_EXPORT_BATCH, config.OTEL_BLRP_MAX_QUEUE_SIZE),
            exportTimeoutMillis: settings.timeoutMillis,
          }),
        ],
      });
      this.logger = this.loggerProvider.getLogger(SCOPE);
    }
    if (settings.tracesUrl) {
      this.tracerProvider = new BasicTracerProvider({
        resource,
        idGenerator: this.ids,
        sampler: samplerOf(config),
        spanProcessors: [
          new BatchSpanProcessor(
            new OTLPTraceExporter({ ...exporterOptions, url: settings.tracesUrl }),
            {
              scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY,
              maxQueueSize: config.OTEL_BSP_MAX_QUEUE_SIZE,
              maxExportBatchSize: Math.min(MAX_EXPORT_BATCH, config.OTEL_BSP_MAX_QUEUE_SIZE),
              exportTimeoutMillis: settings.timeoutMillis,
            },
          ),
        ],
      });
      this.tracer = this.tracerProvider.getTracer(SCOPE);
      // The global provider is what code below the modules traces with (`common/jobs`' runs).
      this.registeredGlobally = trace.setGlobalTracerProvider(this.tracerProvider);
    }
  }

  get exportsLogs(): boolean {
    return this.logger !== undefined;
  }

  get exportsSpans(): boolean {
    return this.tracer !== undefined;
  }

  /** Queues a stored line for export; never throws. */
  emitLog(record: AppLogRecord, position?: TracePosition): void {
    if (!this.logger || this.stopped) return;
    // Without a span of this process (a line logged outside any operation, a browser's line),
    // the record has no trace context; the line's own trace ID stays as an attribute.
    const traced = position && isW3cTraceId(position.traceId) ? position : undefined;
    const context =
      traced &&
      trace.setSpanContext(ROOT_CONTEXT, {
        traceId: traced.traceId,
        spanId: traced.spanId,
        // The request span's own decision when it is in flight (the app's flags say whether the
        // caller sampled, not whether this span was kept).
        traceFlags:
          this.requestSpans.get(traced.spanId)?.spanContext().traceFlags ??
          traced.flags & TraceFlags.SAMPLED,
      });
    this.logger.emit({ ...logRecordOf(record, traced?.traceId), context });
  }

  /**
   * Starts the server span of a request with the request's own IDs: its W3C trace ID, its span
   * ID, and the caller's span (from `traceparent`) as parent. Undefined when spans are not
   * exported or the context has no W3C trace ID.
   */
  startRequestSpan(context: TraceContext, name: string, attributes: Attributes): Span | undefined {
    const tracer = this.tracer;
    if (!tracer || this.stopped || !isW3cTraceId(context.traceId)) return undefined;
    const parent = context.parentId
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: context.traceId,
          spanId: context.parentId,
          traceFlags: context.flags & FLAG_SAMPLED,
          isRemote: true,
        })
      : ROOT_CONTEXT;
    const span = this.ids.withIds({ traceId: context.traceId, spanId: context.spanId }, () =>
      tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent),
    );
    this.requestSpans.set(context.spanId, span);
    return span;
  }

  endRequestSpan(spanId: string, span: Span): void {
    if (this.requestSpans.get(spanId) === span) this.requestSpans.delete(spanId);
    span.end();
  }

  /** A child of the request span in flight with this span ID; undefined when there is none. */
  startChildSpan(parentSpanId: string, name: string, attributes: Attributes): Span | undefined {
    const parent = this.requestSpans.get(parentSpanId);
    if (!this.tracer || this.stopped || !parent) return undefined;
    return this.tracer.startSpan(
      name,
      { kind: SpanKind.CLIENT, attributes },
      trace.setSpan(ROOT_CONTEXT, parent),
    );
  }

  /** Sends what is queued and stops; gives up after a few seconds (a collector may be gone). */
  async shutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const span of this.requestSpans.values()) span.end();
    this.requestSpans.clear();
    if (this.registeredGlobally) trace.disable();
    const done = Promise.allSettled([
      this.loggerProvider?.shutdown(),
      this.tracerProvider?.shutdown(),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_WAIT_MS);
      timer.unref();
    });
    await Promise.race([done, timeout]);
    clearTimeout(timer);
  }
}

let reporting = false;

/**
 * The SDK tells of failed exports through its diagnostic logger: they go to stderr (never to the
 * app's logger, whose lines would be exported again), once a minute at most.
 */
function reportExportProblems(): void {
  if (reporting) return;
  reporting = true;
  let lastReport = 0;
  const report = (message: string, ...args: unknown[]) => {
    const now = Date.now();
    if (now - lastReport < PROBLEM_REPORT_INTERVAL_MS) return;
    lastReport = now;
    const detail = args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
    process.stderr.write(`[ledgerlens] OpenTelemetry export: ${message} ${detail}\n`);
  };
  const ignore = () => undefined;
  diag.setLogger(
    { error: report, warn: report, info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}
