import {
  Agent,
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  request,
} from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** The response header naming the upstream that answered (as nginx's `$upstream_addr` would). */
export const UPSTREAM_HEADER = 'x-upstream';

/**
 * A reverse proxy on loopback in front of several API instances, as nginx would be: each request
 * and each websocket upgrade goes to the next upstream in turn, with `X-Forwarded-For`,
 * `X-Forwarded-Proto` and `X-Forwarded-Host` added.
 */
export interface RoundRobinProxy {
  url: string;
  /** Requests and upgrades sent to each upstream so far, in the order of the upstreams. */
  readonly served: number[];
  /** Requests of one method and path (without the query) sent to each upstream so far. */
  servedFor(method: string, path: string): number[];
  /** The upstream index each websocket upgrade went to, in order. */
  readonly upgrades: number[];
  /** Requests the proxy answered 502 itself, with why (`GET /path: ECONNRESET`). */
  readonly failures: string[];
  close(): Promise<void>;
}

/** Headers of one hop, never passed on (RFC 9110 §7.6.1); an upgrade keeps its own two. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

function forwarded(request: IncomingMessage, keep: string[] = []): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && (!HOP_BY_HOP.includes(name) || keep.includes(name))) {
      headers[name] = value;
    }
  }
  const client = request.socket.remoteAddress ?? '';
  const before = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = before ? `${String(before)}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = request.headers.host ?? '';
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));
}

/** The raw request head of an upgrade, as the upstream is to receive it. */
function upgradeHead(request: IncomingMessage): string {
  const headers = forwarded(request, ['connection', 'upgrade']);
  const lines = Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((one) => `${name}: ${String(one)}`),
  );
  return `${request.method} ${request.url} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** Starts the proxy on a free loopback port in front of `upstreams` (base URLs). */
export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((upstream) => new URL(upstream));
  const served = targets.map(() => 0);
  const upgrades: number[] = [];
  const byRoute = new Map<string, number[]>();
  const failures: string[] = [];
  const tunnels = new Set<Duplex>();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let turn = 0;
  const next = () => {
    const index = turn++ % targets.length;
    served[index] += 1;
    return index;
  };

  const server = createServer((incoming, outgoing) => {
    const index = next();
    const route = `${incoming.method} ${(incoming.url ?? '').split('?')[0]}`;
    const counts = byRoute.get(route) ?? targets.map(() => 0);
    counts[index] += 1;
    byRoute.set(route, counts);
    const target = targets[index];
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: forwarded(incoming),
        agent,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, {
          ...withoutHopByHop(answer.headers),
          [UPSTREAM_HEADER]: upstreams[index],
        });
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      failures.push(`${route}: ${error.message}`);
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    // A client that goes away takes its upstream request with it.
    outgoing.on('close', () => {
      if (!outgoing.writableFinished) upstream.destroy();
    });
    incoming.pipe(upstream);
  });

  server.on('upgrade', (incoming: IncomingMessage, client: Duplex, head: Buffer) => {
    const index = next();
    upgrades.push(index);
    const target = targets[index];
    const upstream: Socket = connect(Number(target.port), target.hostname, () => {
      upstream.write(upgradeHead(incoming));
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      tunnels.delete(client);
      tunnels.delete(upstream);
    };
    upstream.on('error', end).on('close', end);
    client.on('error', end).on('close', end);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    upgrades,
    failures,
    servedFor: (method, path) => [...(byRoute.get(`${method} ${path}`) ?? targets.map(() => 0))],
    close: async () => {
      for (const tunnel of tunnels) tunnel.destroy();
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
