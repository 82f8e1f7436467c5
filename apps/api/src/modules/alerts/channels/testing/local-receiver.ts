import { createServer, IncomingHttpHeaders, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = (request: ReceivedRequest, response: ServerResponse) => void;

/**
 * A real HTTP server on 127.0.0.1 that records each request whole (body included) and answers
 * as the test chooses; `answerWith` changes the answer for the requests that follow.
 */
export async function startLocalReceiver(initial: Answer = (_request, response) => response.end()) {
  let answer = initial;
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(recorded);
      answer(recorded, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    last: (): ReceivedRequest => {
      const request = received.at(-1);
      if (!request) throw new Error('The receiver got no request');
      return request;
    },
    answerWith: (next: Answer) => {
      answer = next;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type LocalReceiver = Awaited<ReturnType<typeof startLocalReceiver>>;

/** An answer with this status, headers and body. */
export function answer(status: number, headers: Record<string, string> = {}, body = ''): Answer {
  return (_request, response) => response.writeHead(status, headers).end(body);
}
