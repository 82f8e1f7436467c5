import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InternalEvent } from '@ledgerlens/contracts';
import { RequestContext } from '../../common/context/request-context';
import type { AppLogRecord } from '../logging';
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
   * Browser lines are stored by the ingest route, not through the sink: they are exported once
   * stored (duplicates a browser sent again are not). They carry the browser's trace ID but no
   * span of this process, so it goes in `ledgerlens.trace_id`.
   */
  @OnEvent(InternalEvent.LogsStored)
  onLogsStored(records: readonly AppLogRecord[]): void {
    for (const record of records) {
      if (record.source !== 'backend') this.otel.emitLog(record);
    }
  }

  /**
   * Stops listening and shuts the export down, sending what is queued (a few seconds at most
   * when the collector is gone). Lines other shutdown hooks log after this are stored only.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.otel.shutdown();
  }
}
