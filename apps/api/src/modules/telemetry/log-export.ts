import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RequestContext } from '../../common/context/request-context';
import { LogSink } from '../logging';
import { OtelExport } from './otel-export';

/**
 * Exports every stored log line as an OTel log record, with the trace and span IDs of the
 * operation that logged it (read from the request context, which is active while pino writes),
 * and shuts the export down, sending what is queued, when the app stops.
 */
@Injectable()
export class LogExport implements OnApplicationShutdown {
  private readonly stop: () => void;

  constructor(
    sink: LogSink,
    private readonly otel: OtelExport,
    requestContext: RequestContext,
  ) {
    // From construction on: the lines Nest buffered while starting are written before init.
    this.stop = sink.observe((record) => {
      const context = requestContext.traceContext;
      this.otel.emitLog(
        record,
        context && { traceId: context.traceId, spanId: context.spanId, flags: context.flags },
      );
    });
  }

  /**
   * Last of the shutdown hooks that log (the log sink drains in this phase too): lines logged
   * while stopping are still exported, then the exporters send their batches (a few seconds at
   * most when the collector is gone).
   */
  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.otel.shutdown();
  }
}
