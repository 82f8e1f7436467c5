import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { RequestContext, RequestContextStore } from '../context/request-context';
import { FLAG_SAMPLED, TraceContext } from '../context/trace-context';
import {
  MAX_RESPONSE_BYTES,
  OutgoingHttpClient,
  OutgoingRequestError,
} from './outgoing-http-client';

const LOOPBACK = { allowLoopback: true, allowPrivate: false };

/** A real server on 127.0.0.1 whose answer each test chooses. */
async function startServer(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const received: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    received.push(request);
    request.resume();
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function failureOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(OutgoingRequestError);
  return (error as OutgoingRequestError).reason;
}

describe('OutgoingHttpClient', () => {
  const cls = new ClsService<RequestContextStore>(new AsyncLocalStorage());
  const client = new OutgoingHttpClient(new RequestContext(cls));
  let ok: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    ok = await startServer((_request, response) => response.end('fine'));
  });
  afterAll(() => ok.close());

  it('posts JSON and answers status, headers and body', async () => {
    const response = await client.postJson(
      `http://127.0.0.1:${ok.port}/hook`,
      { a: [1] },
      { destinations: LOOPBACK },
    );
    expect(response).toMatchObject({ status: 200, body: 'fine' });
    const [request] = ok.received.slice(-1);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hook');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['content-length']).toBe('9');
  });

  it("carries the request's trace: same trace ID, a new parent ID per call, flags and tracestate", async () => {
    const context: TraceContext = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentId: '00f067aa0ba902b7',
      spanId: '1111111111111111',
      flags: FLAG_SAMPLED,
      tracestate: [{ key: 'congo', value: 't61rcWkgMzE' }],
    };
    await cls.runWith({ traceContext: context }, async () => {
      await client.request(`http://127.0.0.1:${ok.port}/1`, { destinations: LOOPBACK });
      await client.request(`http://127.0.0.1:${ok.port}/2`, { destinations: LOOPBACK });
    });
    const [first, second] = ok.received.slice(-2).map((request) => request.headers);
    expect(first['traceparent']).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(second['traceparent']).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(first['traceparent']).not.toBe(second['traceparent']);
    expect(first['traceparent']).not.toContain(context.parentId);
    expect(first['tracestate']).toBe('congo=t61rcWkgMzE');
  });

  it('starts a trace of its own outside a request', async () => {
    await client.request(`http://127.0.0.1:${ok.port}/job`, { destinations: LOOPBACK });
    const [{ headers }] = ok.received.slice(-1);
    expect(headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-02$/);
    expect(headers['tracestate']).toBeUndefined();
  });

  it.each([
    ['the loopback address', (port: number) => `http://127.0.0.1:${port}/`],
    ['a name that resolves to loopback', (port: number) => `http://localhost:${port}/`],
    ['IPv6 loopback', (port: number) => `http://[::1]:${port}/`],
    ['IPv4-mapped loopback', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ['a private address', () => 'http://10.0.0.1/'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data'],
  ])('does not call %s by default', async (_case, url) => {
    const before = ok.received.length;
    expect(await failureOf(client.request(url(ok.port)))).toBe('destination not allowed');
    expect(ok.received.length).toBe(before);
  });

  it('allows a name that resolves to loopback when loopback is allowed', async () => {
    const response = await client.request(`http://localhost:${ok.port}/`, {
      destinations: LOOPBACK,
    });
    expect(response.status).toBe(200);
  });

  it.each(['ftp://127.0.0.1/', 'not a url', 'file:///etc/passwd'])(
    'refuses %s as an invalid url',
    async (url) => {
      expect(await failureOf(client.request(url, { destinations: LOOPBACK }))).toBe('invalid url');
    },
  );

  it('fails a call nobody answers as a connection failure', async () => {
    expect(await failureOf(client.request('http://127.0.0.1:1/', { destinations: LOOPBACK }))).toBe(
      'connection failed',
    );
  });

  it('does not follow redirects', async () => {
    const redirecting = await startServer((_request, response) =>
      response.writeHead(302, { Location: 'http://169.254.169.254/' }).end(),
    );
    try {
      const response = await client.request(`http://127.0.0.1:${redirecting.port}/`, {
        destinations: LOOPBACK,
      });
      expect(response.status).toBe(302);
      expect(redirecting.received).toHaveLength(1);
    } finally {
      await redirecting.close();
    }
  });

  it('gives up after its timeout', async () => {
    const silent = await startServer(() => undefined);
    try {
      const started = Date.now();
      const call = client.request(`http://127.0.0.1:${silent.port}/`, {
        destinations: LOOPBACK,
        timeoutMs: 200,
      });
      expect(await failureOf(call)).toBe('timed out');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await silent.close();
    }
  });

  it('cuts off an answer larger than its limit', async () => {
    const flooding = await startServer((_request, response) =>
      response.end(Buffer.alloc(MAX_RESPONSE_BYTES + 1, 'x')),
    );
    try {
      const call = client.request(`http://127.0.0.1:${flooding.port}/`, { destinations: LOOPBACK });
      expect(await failureOf(call)).toBe('response too large');
    } finally {
      await flooding.close();
    }
  });
});
