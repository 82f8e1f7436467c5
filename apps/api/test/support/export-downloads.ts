import { IncomingHttpHeaders, request } from 'node:http';
import { DataSource } from 'typeorm';

/** How a download over plain HTTP went: `complete` is false when the response was cut off. */
export interface Download {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  complete: boolean;
}

export interface DownloadRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Runs once `pauseAfter` bytes of the body arrived, with the download paused until it returns. */
  whilePaused?: () => Promise<void>;
  pauseAfter?: number;
}

/**
 * Downloads `url` over node:http, which (unlike supertest) reports a response that ended early
 * instead of failing the request: the point of an export that fails midway is how it ends.
 */
export function download(url: string, options: DownloadRequest = {}): Promise<Download> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: options.method ?? 'GET',
      headers: {
        ...options.headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
    });
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let paused = false;
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (!options.whilePaused || paused || received < (options.pauseAfter ?? 1)) return;
        paused = true;
        response.pause();
        options.whilePaused().then(
          () => response.resume(),
          (error: unknown) => {
            outgoing.destroy();
            reject(error);
          },
        );
      });
      // A response cut off by the server ends in "aborted" and "close" without "end".
      response.on('error', () => undefined);
      response.on('close', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          complete: response.complete,
        }),
      );
    });
    outgoing.end(body);
  });
}

/**
 * Collects what escapes to the process (`uncaughtException`, `unhandledRejection`) while a test
 * runs: an export that fails must end only its response.
 */
export function watchProcessErrors(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const record = (error: unknown) => errors.push(error);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    errors,
    stop: () => {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
  };
}

/** The exceptions tracked for an export that failed while it streamed, by its trace ID. */
export function trackedExportFailures(
  dataSource: DataSource,
  traceId: string,
): Promise<{ type: string; context: Record<string, unknown> }[]> {
  return dataSource.query(
    `SELECT type, context FROM app_exceptions
     WHERE trace_id = $1 AND context->>'origin' = 'export'`,
    [traceId],
  );
}
