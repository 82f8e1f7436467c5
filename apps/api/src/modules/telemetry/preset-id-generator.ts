import { IdGenerator, RandomIdGenerator } from '@opentelemetry/sdk-trace-base';

export interface PresetIds {
  traceId: string;
  spanId: string;
}

/**
 * Random IDs, except while `withIds` runs: then the IDs the app already gave the operation (its
 * W3C trace ID and span ID), so a request's span is the span its logs, `X-Trace-Id` and outgoing
 * `traceparent` headers name. The tracer asks for IDs synchronously inside `startSpan`.
 */
export class PresetIdGenerator implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  private preset?: PresetIds;

  withIds<T>(ids: PresetIds, create: () => T): T {
    this.preset = ids;
    try {
      return create();
    } finally {
      this.preset = undefined;
    }
  }

  generateTraceId(): string {
    return this.preset?.traceId ?? this.random.generateTraceId();
  }

  generateSpanId(): string {
    return this.preset?.spanId ?? this.random.generateSpanId();
  }
}
