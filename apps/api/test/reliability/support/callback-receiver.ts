import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the receiver got, as it arrived on the wire. */
export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  /** Header name (as sent) and value pairs, duplicates kept. */
  rawHeaders: Array<[string, string]>;
  body: string;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for whatever the API calls out to (the W3C
 * harness, a webhook receiver): it answers 200 and keeps every request, in arrival order.
 */
export class CallbackReceiver {
  readonly calls: ReceivedCall[] = [];
  private readonly server: Server;

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<CallbackReceiver> {
    const receiver = new CallbackReceiver(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          const rawHeaders: Array<[string, string]> = [];
          for (let i = 0; i < request.rawHeaders.length; i += 2) {
            rawHeaders.push([request.rawHeaders[i], request.rawHeaders[i + 1]]);
          }
          receiver.calls.push({
            path: request.url ?? '',
            headers: request.headers,
            rawHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        });
      }),
    );
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  /** The calls made to one path, in order. */
  callsTo(path: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
