import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

/*
 * docs/api.md, kept true: every ```http request in it is sent, in order, to a real API on a fresh
 * database, and its answer is checked against the ```http answer shown after it — the status, the
 * headers shown, and the body: the same fields at every level, the same values except those that
 * differ from run to run (IDs, tokens, times) and strings shown ending in `…`, which only have to
 * start that way. `{{name}}` in a request stands for the latest value of that field in an answer.
 */

const GUIDE = readFileSync(resolve(__dirname, '../../../docs/api.md'), 'utf8');
const REQUEST_LINE = /^(GET|POST|PATCH|PUT|DELETE) (\S+)$/;
const STATUS_LINE = /^HTTP\/1\.1 (\d{3}) /;
/** Fields whose values change from run to run; only their presence is checked. */
const VARYING = /^(id|accessToken|refreshToken|traceId|createdAt|updatedAt)$/;

interface Message {
  firstLine: string;
  headers: [string, string][];
  body: string;
}

interface Exchange {
  request: Message & { method: string; path: string };
  response: Message & { status: number };
}

function messageOf(block: string): Message {
  const [head = '', ...rest] = block.split(/\n\n/);
  const [firstLine = '', ...headerLines] = head.split('\n');
  const headers = headerLines
    .filter((line) => line.trim() !== '')
    .map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
  return { firstLine, headers, body: rest.join('\n\n').trim() };
}

/** The guide's ```http blocks: each request with the answer shown right after it. */
function exchangesOf(markdown: string): { exchanges: Exchange[]; answersAlone: Message[] } {
  const blocks = [...markdown.matchAll(/^```http\n([\s\S]*?)^```$/gm)].map(([, block]) =>
    messageOf(block ?? ''),
  );
  const exchanges: Exchange[] = [];
  const answersAlone: Message[] = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] as Message;
    const requestLine = REQUEST_LINE.exec(block.firstLine);
    if (!requestLine) {
      answersAlone.push(block);
      continue;
    }
    const answer = blocks[i + 1];
    const status = answer && STATUS_LINE.exec(answer.firstLine);
    if (!answer || !status) throw new Error(`No answer shown after ${block.firstLine}`);
    exchanges.push({
      request: { ...block, method: requestLine[1] as string, path: requestLine[2] as string },
      response: { ...answer, status: Number(status[1]) },
    });
    i += 1;
  }
  return { exchanges, answersAlone };
}

/** Where `actual` differs from what the guide shows, as `path: why` lines. */
function differences(shown: unknown, actual: unknown, path = 'body'): string[] {
  if (typeof shown === 'string' && shown.endsWith('…')) {
    return typeof actual === 'string' && actual.startsWith(shown.slice(0, -1))
      ? []
      : [`${path}: ${JSON.stringify(actual)} does not start with ${shown.slice(0, -1)}`];
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${path}: not an array`];
    if (shown.length !== actual.length) return [`${path}: ${actual.length} items`];
    return shown.flatMap((item, index) => differences(item, actual[index], `${path}[${index}]`));
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: not an object`];
    const shownKeys = Object.keys(shown).sort();
    const actualKeys = Object.keys(actual).sort();
    if (shownKeys.join() !== actualKeys.join()) {
      return [`${path}: fields ${actualKeys.join(', ')}, shown ${shownKeys.join(', ')}`];
    }
    return shownKeys.flatMap((key) =>
      VARYING.test(key)
        ? []
        : differences(
            (shown as Record<string, unknown>)[key],
            (actual as Record<string, unknown>)[key],
            `${path}.${key}`,
          ),
    );
  }
  return shown === actual
    ? []
    : [`${path}: ${JSON.stringify(actual)}, shown ${JSON.stringify(shown)}`];
}

const substituted = (text: string, values: Map<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`No earlier answer gave {{${name}}}`);
    return value;
  });

describe('docs/api.md', () => {
  const { exchanges, answersAlone } = exchangesOf(GUIDE);
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ AUTH_RATE_LIMIT: '10' });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('has the examples this test runs', () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(15);
    expect(answersAlone.map((answer) => answer.firstLine)).toEqual([
      'HTTP/1.1 429 Too Many Requests',
    ]);
  });

  it('answers every example request as the guide shows, in order', async () => {
    const values = new Map<string, string>();
    const problems: string[] = [];
    for (const { request: shown, response: answer } of exchanges) {
      const name = `${shown.method} ${shown.path}`;
      let call = request(testApp.app.getHttpServer())
        [shown.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](
          substituted(shown.path, values),
        )
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
        });
      for (const [header, value] of shown.headers)
        call = call.set(header, substituted(value, values));
      if (shown.body) call = call.send(substituted(shown.body, values));
      const response = await call;
      const text = response.body as string;

      if (response.status !== answer.status) {
        problems.push(`${name}: ${response.status}, shown ${answer.status}: ${text}`);
        continue;
      }
      for (const [header, value] of answer.headers) {
        const got = response.get(header) ?? '';
        const ok = value.endsWith('…') ? got.startsWith(value.slice(0, -1)) : got === value;
        if (!ok) problems.push(`${name}: ${header} ${JSON.stringify(got)}, shown ${value}`);
      }
      // The trace ID of every answer: the caller's when a traceparent came, else a fresh one.
      const traceparent = shown.headers.find(([header]) => header === 'traceparent')?.[1];
      const traceId = response.get('X-Trace-Id') ?? '';
      // The OpenAPI document is served by Swagger, outside the API's routes and their headers.
      const expected =
        shown.path === '/api/docs-json'
          ? ''
          : traceparent
            ? traceparent.split('-')[1]
            : /^[0-9a-f]{32}$/;
      if (typeof expected === 'string' ? traceId !== expected : !expected.test(traceId)) {
        problems.push(`${name}: X-Trace-Id ${JSON.stringify(traceId)}`);
      }

      if (!answer.body || !response.get('Content-Type')?.startsWith('application/json')) continue;
      const shownBody = JSON.parse(answer.body) as unknown;
      const body = JSON.parse(text) as Record<string, unknown>;
      if (body.traceId !== undefined && body.traceId !== traceId) {
        problems.push(`${name}: traceId ${String(body.traceId)} is not X-Trace-Id ${traceId}`);
      }
      if (shown.path === '/api/docs-json') {
        // The OpenAPI document is far larger than shown: its version and top-level fields.
        const document = shownBody as Record<string, unknown>;
        const missing = Object.keys(document).filter((key) => body[key] === undefined);
        if (missing.length > 0) problems.push(`${name}: no ${missing.join(', ')}`);
        if (body.openapi !== document.openapi)
          problems.push(`${name}: openapi ${String(body.openapi)}`);
        continue;
      }
      problems.push(...differences(shownBody, body).map((problem) => `${name}: ${problem}`));
      for (const key of ['accessToken', 'refreshToken'] as const) {
        if (typeof body[key] === 'string') values.set(key, body[key]);
      }
    }
    expect(problems).toEqual([]);
  });

  it('limits signing in as the guide shows', async () => {
    const [shown] = answersAlone;
    const limited = messageOf(GUIDE.split('```http\nHTTP/1.1 429')[1]?.split('```')[0] ?? '');
    expect(shown).toBeDefined();
    let response: request.Response | undefined;
    for (let attempt = 0; attempt < 12 && response?.status !== 429; attempt += 1) {
      response = await request(testApp.app.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@example.com', password: 'not-the-password' });
    }
    expect(response?.status).toBe(429);
    expect(Number(response?.get('Retry-After'))).toBeGreaterThan(0);
    const body = response?.body as Record<string, unknown>;
    const shownBody = JSON.parse(limited.body) as Record<string, unknown>;
    expect({ ...body, traceId: undefined }).toEqual({ ...shownBody, traceId: undefined });
  });
});
