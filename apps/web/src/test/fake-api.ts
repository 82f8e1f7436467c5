/**
 * A stand-in for the API at the network edge: tests answer `METHOD /path` requests with real
 * Response objects, so the SPA's own client, error mapping and auth retry all run.
 */
export type FakeRoute = (request: Request, url: URL) => Response | Promise<Response>;

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** The JSON body a request sent, typed as the test expects it (`unknown` unless it says). */
export async function bodyOf<Body = unknown>(request: Request): Promise<Body> {
  return (await request.clone().json()) as Body;
}

/** An error answer in the API's one error shape. */
export function apiError(
  status: number,
  message: string,
  details?: Record<string, string[]>,
): Response {
  return json(
    { statusCode: status, error: 'Error', message, details, traceId: 'f'.repeat(32) },
    status,
  );
}

/** A request that never answers, for loading states. */
export const pending: FakeRoute = () => new Promise<Response>(() => undefined);

export interface FakeApi {
  /** Every request the SPA sent, in order. */
  requests: Request[];
  /** Requests to one route (`'POST /api/v1/transactions'`). */
  requestsTo(route: string): Request[];
  /** Adds or replaces a route's answer. */
  on(route: string, answer: FakeRoute | Response): void;
}

/**
 * Installs a fake `fetch`. Routes are `'GET /api/v1/transactions'` (the query string is ignored
 * when matching; read it from `url`). Unknown routes answer 404, so a missing route fails loudly.
 */
export function fakeApi(routes: Record<string, FakeRoute | Response> = {}): FakeApi {
  const table = new Map(Object.entries(routes));
  const requests: Request[] = [];
  const keyOf = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;
  globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(
      input instanceof Request ? input : new URL(String(input), window.location.origin),
      init,
    );
    requests.push(request);
    const answer = table.get(keyOf(request));
    if (!answer) return apiError(404, `No fake route for ${keyOf(request)}`);
    return answer instanceof Response ? answer.clone() : answer(request, new URL(request.url));
  }) as typeof fetch;
  return {
    requests,
    requestsTo: (route) => requests.filter((request) => keyOf(request) === route),
    on: (route, answer) => table.set(route, answer),
  };
}
