import type { BrowserLogEntry } from '@ledgerlens/contracts';
import { createBatchPoster } from './transport';

const NOW = Date.UTC(2030, 0, 1);

const entry = (message: string): BrowserLogEntry => ({
  clientId: '00000000-0000-4000-8000-000000000001',
  timestamp: new Date(NOW).toISOString(),
  level: 'info',
  message,
});

function posterAnswering(answer: () => Response | Promise<Response>) {
  const fetch = jest.fn<Promise<Response>, Parameters<typeof globalThis.fetch>>(async () =>
    answer(),
  );
  const post = createBatchPoster({
    fetch,
    endpoint: '/api/v1/logging/logs/batch',
    headers: () => ({ Authorization: 'Bearer abc.def.ghi' }),
    now: () => NOW,
  });
  return { fetch, post };
}

const apiError = (status: number, details?: Record<string, string[]>, headers?: HeadersInit) =>
  Response.json(
    { statusCode: status, error: 'Error', message: 'Validation failed', details, traceId: 't' },
    { status, headers },
  );

describe('createBatchPoster', () => {
  it('posts the entries as JSON with the injected headers', async () => {
    const { fetch, post } = posterAnswering(() =>
      Response.json({ received: 1, stored: 1, duplicates: 0 }),
    );
    await expect(post([entry('hello')])).resolves.toEqual({ kind: 'stored' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/logging/logs/batch');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ entries: [entry('hello')] });
    const headers = new Headers(init?.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('authorization')).toBe('Bearer abc.def.ghi');
  });

  it('takes a network error as retryable', async () => {
    const { post } = posterAnswering(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(post([entry('x')])).resolves.toEqual({ kind: 'retryable' });
  });

  it.each([408, 500, 503])('takes %i as retryable', async (status) => {
    const { post } = posterAnswering(() => apiError(status));
    await expect(post([entry('x')])).resolves.toEqual({ kind: 'retryable' });
  });

  it('passes on Retry-After of a 429', async () => {
    const { post } = posterAnswering(() => apiError(429, undefined, { 'Retry-After': '7' }));
    await expect(post([entry('x')])).resolves.toEqual({ kind: 'retryable', retryAfterMs: 7_000 });
  });

  it('names the entries a 400 blames', async () => {
    const { post } = posterAnswering(() =>
      apiError(400, {
        'entries.0.timestamp': ['timestamp is more than 7 days old'],
        'entries.2': ['property color should not exist'],
      }),
    );
    await expect(post([entry('a'), entry('b'), entry('c')])).resolves.toEqual({
      kind: 'refused',
      status: 400,
      refusedIndexes: new Set([0, 2]),
    });
  });

  it('blames the whole batch when the details name anything but entries', async () => {
    const { post } = posterAnswering(() =>
      apiError(400, { 'entries.1.level': ['bad'], entries: ['too many'] }),
    );
    await expect(post([entry('a')])).resolves.toEqual({ kind: 'refused', status: 400 });
  });

  it('blames the whole batch for a 4xx without a JSON body', async () => {
    const { post } = posterAnswering(() => new Response('<html>Forbidden</html>', { status: 403 }));
    await expect(post([entry('a')])).resolves.toEqual({ kind: 'refused', status: 403 });
  });
});
