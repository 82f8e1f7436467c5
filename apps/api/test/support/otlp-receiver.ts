import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** An OTLP/JSON attribute: `{ key, value: { stringValue | intValue | … } }`. */
export interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

export interface OtlpLogRecord {
  timeUnixNano?: string;
  severityNumber?: number;
  severityText?: string;
  body?: { stringValue?: string };
  attributes?: OtlpAttribute[];
  traceId?: string;
  spanId?: string;
  flags?: number;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
  status?: { code?: number; message?: string };
}

interface Resource {
  attributes?: OtlpAttribute[];
}

interface LogsRequest {
  resourceLogs?: { resource?: Resource; scopeLogs?: { logRecords?: OtlpLogRecord[] }[] }[];
}

interface TracesRequest {
  resourceSpans?: { resource?: Resource; scopeSpans?: { spans?: OtlpSpan[] }[] }[];
}

/** An attribute's value, whatever its OTLP type (`stringValue`, `intValue`, `boolValue`…). */
export function attributeOf(attributes: OtlpAttribute[] | undefined, key: string): unknown {
  const value = attributes?.find((attribute) => attribute.key === key)?.value;
  return value === undefined ? undefined : Object.values(value)[0];
}

/**
 * A local OTLP/HTTP receiver decoding JSON bodies (what the `-otlp-http` exporters send): it
 * keeps the raw bodies, and the log records and spans with their resource's attributes.
 */
export class OtlpReceiver {
  readonly bodies: { path: string; contentType: string; text: string }[] = [];
  readonly logs: { resource: OtlpAttribute[]; record: OtlpLogRecord }[] = [];
  readonly spans: { resource: OtlpAttribute[]; span: OtlpSpan }[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        this.bodies.push({
          path: request.url ?? '',
          contentType: request.headers['content-type'] ?? '',
          text,
        });
        if (request.url === '/v1/logs') this.addLogs(JSON.parse(text) as LogsRequest);
        if (request.url === '/v1/traces') this.addSpans(JSON.parse(text) as TracesRequest);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** Waits until `ready` holds (polling), or fails after `timeoutMs`. */
  async until(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error('the OTLP receiver did not get what was expected');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private addLogs(body: LogsRequest): void {
    for (const { resource, scopeLogs } of body.resourceLogs ?? []) {
      for (const { logRecords } of scopeLogs ?? []) {
        for (const record of logRecords ?? []) {
          this.logs.push({ resource: resource?.attributes ?? [], record });
        }
      }
    }
  }

  private addSpans(body: TracesRequest): void {
    for (const { resource, scopeSpans } of body.resourceSpans ?? []) {
      for (const { spans } of scopeSpans ?? []) {
        for (const span of spans ?? [])
          this.spans.push({ resource: resource?.attributes ?? [], span });
      }
    }
  }
}
