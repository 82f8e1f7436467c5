import { Agent, IncomingHttpHeaders, request } from 'node:http';

/**
 * Raw HTTP for the fuzzer: node:http rather than fetch, so a request can go without a
 * Content-Type, with invalid UTF-8 bytes or with a path fetch would normalise.
 */

export interface WireRequest {
  method: string;
  /** Path and query, percent-encoded as they go on the wire. */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface WireResponse {
  /** 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Why no (complete) answer came. */
  error?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const TIMEOUT_MS = 30_000;

export function send(baseUrl: string, wire: WireRequest): Promise<WireResponse> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (response: WireResponse) => {
      if (settled) return;
      settled = true;
      resolve(response);
    };
    const outgoing = request(
      `${baseUrl}${wire.url}`,
      {
        method: wire.method,
        // Node's client sends a DELETE body without a length unless told: the server would read
        // the body as the next request.
        headers:
          wire.body === undefined
            ? wire.headers
            : { ...wire.headers, 'content-length': String(Buffer.byteLength(wire.body)) },
        agent,
        timeout: TIMEOUT_MS,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          settle({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        // Headers came but the body broke off (e.g. an export that failed half-way).
        incoming.on('error', (error) =>
          settle({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            error: `response broke off: ${error.message}`,
          }),
        );
        incoming.on('aborted', () =>
          settle({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            error: 'response broke off: aborted',
          }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    // A server may answer (413) and close before the whole body is written: keep that answer.
    outgoing.on('error', (error) =>
      setTimeout(() => settle({ status: 0, headers: {}, text: '', error: error.message }), 200),
    );
    outgoing.end(wire.body);
  });
}

/** Closes the kept-alive connections, so the test process can end. */
export function closeConnections(): void {
  agent.destroy();
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * A JavaScript expression making `text`, long runs written as `.repeat()` so a 1 MB or 10 000
 * levels deep body prints in one line.
 */
function compactExpression(text: string): string {
  const parts: string[] = [];
  let rest = text;
  const run = /([\s\S]{1,5}?)\1{31,}/;
  for (let match = run.exec(rest); match; match = run.exec(rest)) {
    if (match.index > 0) parts.push(JSON.stringify(rest.slice(0, match.index)));
    parts.push(`${JSON.stringify(match[1])}.repeat(${match[0].length / match[1].length})`);
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest || parts.length === 0) parts.push(JSON.stringify(rest));
  return parts.join('+');
}

/** A shell line reproducing the request (`$TOKEN` stands for the identity's access token). */
export function curlLine(baseUrl: string, wire: WireRequest): string {
  const headers = Object.entries(wire.headers)
    .map(([name, value]) =>
      /^Bearer ey[\w-]+\.[\w-]+\.[\w-]+$/.test(value)
        ? `-H "${name}: Bearer $TOKEN"`
        : `-H ${shellQuote(`${name}: ${value}`)}`,
    )
    .join(' ');
  const curl = `curl -sS -i -X ${wire.method} ${headers} ${shellQuote(`${baseUrl}${wire.url}`)}`;
  if (wire.body === undefined) return curl;
  const bytes = Buffer.isBuffer(wire.body)
    ? `Buffer.from(${JSON.stringify(wire.body.toString('hex'))},"hex")`
    : compactExpression(wire.body);
  return `node -e ${shellQuote(`process.stdout.write(${bytes})`)} | ${curl} --data-binary @-`;
}
