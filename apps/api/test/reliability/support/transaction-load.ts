import { Agent, request } from 'node:http';

/** One answer the load got. */
export interface LoadAnswer {
  status: number;
  /** When the answer arrived (ms since the epoch). */
  at: number;
  /** The `X-Trace-Id` header. */
  traceId: string;
  /** The created transaction's ID (201), or the error body's trace ID (errors). */
  id?: string;
  bodyTraceId?: string;
}

/** What one run of the load saw, by outcome. */
export interface LoadResult {
  answers: LoadAnswer[];
  /** IDs of the transactions answered 201. */
  created: string[];
  /** Trace IDs of the answers 201. */
  createdTraceIds: string[];
  /** Answers by status code. */
  statuses: Record<number, number>;
  /** Requests that got no answer, by error code (ECONNREFUSED, ECONNRESET…). */
  failures: Record<string, number>;
  /** Answers that asked to close the connection (`Connection: close`). */
  closingAnswers: number;
}

export interface LoadOptions {
  baseUrl: string;
  token: string;
  /** Keep-alive connections, each posting one transaction after another. */
  connections: number;
  /** Each connection stops once this says so (checked before every request). */
  done(): boolean;
  /** Each connection also stops at its first request that gets no answer while this says so. */
  stopOnFailure?(): boolean;
  /** Pause between a connection's requests (0: none). */
  pauseMs?: number;
}

interface Answer {
  status: number;
  body: string;
  traceId: string;
  closing: boolean;
}

function post(agent: Agent, url: URL, token: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
        timeout: 30_000,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text,
            traceId: String(response.headers['x-trace-id'] ?? ''),
            closing: response.headers.connection === 'close',
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function parsed(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Posts transactions over `connections` keep-alive connections until `done`. */
export async function postTransactions(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL('/api/v1/transactions', options.baseUrl);
  const result: LoadResult = {
    answers: [],
    created: [],
    createdTraceIds: [],
    statuses: {},
    failures: {},
    closingAnswers: 0,
  };
  let sequence = 0;
  const connection = async () => {
    while (!options.done()) {
      sequence += 1;
      const body = JSON.stringify({
        amountCents: 100 + (sequence % 1000),
        currency: 'EUR',
        description: `load ${sequence}`,
        type: 'expense',
        occurredOn: '2026-11-03',
      });
      try {
        const answer = await post(agent, url, options.token, body);
        result.statuses[answer.status] = (result.statuses[answer.status] ?? 0) + 1;
        if (answer.closing) result.closingAnswers += 1;
        const answerBody = parsed(answer.body);
        const seen: LoadAnswer = { status: answer.status, at: Date.now(), traceId: answer.traceId };
        if (answer.status === 201) {
          seen.id = String(answerBody['id']);
          result.created.push(seen.id);
          result.createdTraceIds.push(answer.traceId);
        } else if (typeof answerBody['traceId'] === 'string') {
          seen.bodyTraceId = answerBody['traceId'];
        }
        result.answers.push(seen);
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        const kind = code ?? message ?? 'unknown';
        result.failures[kind] = (result.failures[kind] ?? 0) + 1;
        if (options.stopOnFailure?.()) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, connection));
  } finally {
    agent.destroy();
  }
  return result;
}
