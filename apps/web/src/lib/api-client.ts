import type { paths } from '@ledgerlens/contracts';
import createClient from 'openapi-fetch';
import { ApiError, NetworkError } from './api-error';
import { appLogger } from './logger';
import { sessionAccess } from './session-access';
import { newTraceparent } from './trace';

/** Refresh this long before the access token expires rather than wait for a 401. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * One attempt of a request, with the session's token and a fresh trace ID. A failure on the
 * server's side (5xx) or on the way (network) is logged under that trace ID, so the browser's
 * entry and the API's lines of the same request are found together.
 */
async function attempt(request: Request): Promise<Response> {
  const authorized = new Request(request);
  const accessToken = sessionAccess().accessToken();
  if (accessToken) authorized.headers.set('Authorization', `Bearer ${accessToken}`);
  const { traceId, traceparent } = newTraceparent();
  authorized.headers.set('traceparent', traceparent);
  const startedAt = performance.now();
  const failure = (statusCode?: number) =>
    appLogger()
      .withTrace(traceId)
      .child({
        module: 'api-client',
        requestMethod: request.method,
        requestPath: new URL(request.url).pathname,
        statusCode,
        durationMs: Math.round(performance.now() - startedAt),
      });
  try {
    const response = await fetch(authorized);
    if (response.status >= 500) failure(response.status).error('API request failed');
    return response;
  } catch (error) {
    failure().warn('API request did not reach the server', { error: String(error) });
    // fetch fails with a TypeError; anything else (an abort) goes on as it is.
    throw error instanceof TypeError ? new NetworkError(traceId, error) : error;
  }
}

/** Routes whose 401 means bad credentials, not an expired session. */
const SESSION_ROUTES = /\/auth\/(login|register|refresh)$/;

/**
 * Sends a request with the session's access token and a fresh trace ID. An access token about to
 * expire is refreshed first; a 401 is answered by one refresh and one retry. When the refresh
 * is refused, the session ends (the router then asks to sign in, keeping the page).
 */
async function sendAuthorized(request: Request): Promise<Response> {
  const session = sessionAccess();
  const retry = request.clone();
  const expiresAt = session.expiresAt();
  if (expiresAt !== null && expiresAt - Date.now() < EXPIRY_MARGIN_MS && session.canRefresh()) {
    await session.refresh();
  }
  const response = await attempt(request);
  if (response.status !== 401 || !session.canRefresh() || SESSION_ROUTES.test(request.url)) {
    return response;
  }
  return (await session.refresh()) ? attempt(retry) : response;
}

/** The typed client of the API: paths and bodies come from its OpenAPI document. */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: sendAuthorized,
});

/** The data of a 2xx answer; anything else becomes an ApiError with the API's field messages. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      error as ConstructorParameters<typeof ApiError>[1],
      response.statusText,
      response.headers.get('X-Trace-Id'),
    );
  }
  return data as T;
}
