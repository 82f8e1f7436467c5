import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Readable } from 'node:stream';
import { RequestContext } from '../context/request-context';
import { reportException } from '../errors/exception-report';
import { isDataError } from '../errors/postgres-errors';

/** What a StreamableFile's error handler is given: Express's response, which knows its request. */
interface StreamedResponse {
  headersSent: boolean;
  destroy?: (error?: Error) => void;
  req?: { method?: string; originalUrl?: string; url?: string };
}

export interface ExportFileHeaders {
  /** Content type. */
  type: string;
  /** Content-Disposition, e.g. `attachment; filename="…"`. */
  disposition: string;
}

/**
 * Answers with an export file so that a failure or an abort while it streams ends only that
 * response. The headers (200) are gone by then, so the failure cannot become an error answer:
 * the response is destroyed, and the client sees a broken download rather than a file that looks
 * complete. The failure is logged with the request's trace ID, and a server fault goes to
 * exception tracking. A client that goes away is logged only; the stream is then destroyed
 * without an error (by Nest), which ends whatever produced it.
 */
@Injectable()
export class ExportResponses {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly context: RequestContext,
    private readonly events: EventEmitter2,
  ) {}

  file(content: Readable, headers: ExportFileHeaders): StreamableFile {
    // Read now: the stream's events do not run inside the request's context.
    const traceId = this.context.traceId;
    const userId = this.context.actor?.id ?? null;
    content.once('close', () => {
      if (!content.readableEnded && !content.errored) {
        this.logger.log({ traceId }, 'Export download ended by the client before the end');
      }
    });
    return new StreamableFile(content, headers)
      .setErrorHandler((error, response) => this.failed(error, response, { traceId, userId }))
      .setErrorLogger((error) =>
        this.logger.warn({ err: error, traceId }, 'Export response failed while sending'),
      );
  }

  private failed(
    error: Error,
    response: StreamedResponse,
    at: { traceId?: string; userId: string | null },
  ): void {
    if (isDataError(error)) {
      // Refused data is the request's fault, not the server's: logged, not tracked.
      this.logger.warn({ err: error, traceId: at.traceId }, `Export failed: ${error.message}`);
    } else {
      this.logger.error({ err: error, traceId: at.traceId }, `Export failed: ${error.message}`);
      const request = response.req;
      reportException(this.events, {
        error,
        origin: 'export',
        traceId: at.traceId ?? null,
        userId: at.userId,
        request: { method: request?.method, path: request?.originalUrl ?? request?.url },
        context: { headersSent: response.headersSent },
      });
    }
    response.destroy?.();
  }
}
