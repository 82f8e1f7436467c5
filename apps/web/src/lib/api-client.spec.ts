import { apiError, fakeApi, json } from '../test/fake-api';
import { aUser } from '../test/factories/session';
import { api, unwrap } from './api-client';
import { ApiError, errorMessageOf, traceIdOf } from './api-error';
import { appLogger } from './logger';
import { provideSessionAccess, type SessionAccess } from './session-access';
import { defined } from '../test/defined';

const user = aUser();

/**
 * A session as the client is given it (the session feature's own is tested with the client in
 * features/session/session-access.spec.ts): `token`, which a refresh replaces with `fresh`.
 */
function givenSession({
  token,
  canRefresh = true,
  refreshAccepted = true,
  expiresAt = null,
}: {
  token: string;
  canRefresh?: boolean;
  refreshAccepted?: boolean;
  expiresAt?: number | null;
}) {
  let accessToken = token;
  const refresh = jest.fn(async () => {
    if (refreshAccepted) accessToken = 'fresh';
    return refreshAccepted;
  });
  const access: SessionAccess = {
    accessToken: () => accessToken,
    expiresAt: () => expiresAt,
    canRefresh: () => canRefresh,
    refresh,
  };
  provideSessionAccess(access);
  return { refresh };
}

/** The API answering GET /auth/me only to the refreshed token. */
const meForFreshTokenOnly = () =>
  fakeApi({
    'GET /api/v1/auth/me': (request) =>
      request.headers.get('Authorization') === 'Bearer fresh'
        ? json(user)
        : apiError(401, 'Access token expired'),
  });

describe('api client', () => {
  it('sends the access token and a fresh traceparent on every request', async () => {
    givenSession({ token: 'access-1' });
    const network = fakeApi({ 'GET /api/v1/auth/me': json(user) });
    await unwrap(api.GET('/api/v1/auth/me'));
    await unwrap(api.GET('/api/v1/auth/me'));
    const first = defined(network.requests[0]);
    const second = defined(network.requests[1]);
    expect(first.headers.get('Authorization')).toBe('Bearer access-1');
    expect(first.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(second.headers.get('traceparent')).not.toBe(first.headers.get('traceparent'));
  });

  it('sends no Authorization header when no one is signed in', async () => {
    provideSessionAccess({
      accessToken: () => null,
      expiresAt: () => null,
      canRefresh: () => false,
      refresh: async () => false,
    });
    const network = fakeApi({ 'GET /api/v1/auth/me': apiError(401, 'Sign in first') });
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 401 });
    expect(defined(network.requests[0]).headers.has('Authorization')).toBe(false);
  });

  it('answers a 401 with one refresh and a retry carrying the new token', async () => {
    const { refresh } = givenSession({ token: 'expired' });
    const network = meForFreshTokenOnly();
    await expect(unwrap(api.GET('/api/v1/auth/me'))).resolves.toMatchObject({ id: user.id });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(network.requests.map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer expired',
      'Bearer fresh',
    ]);
  });

  it('refreshes before the request when the access token is about to expire', async () => {
    const { refresh } = givenSession({ token: 'expiring', expiresAt: Date.now() + 10_000 });
    const network = meForFreshTokenOnly();
    await expect(unwrap(api.GET('/api/v1/auth/me'))).resolves.toMatchObject({ id: user.id });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(network.requests.map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer fresh',
    ]);
  });

  it('gives back the 401 when the refresh is refused, without a retry', async () => {
    const { refresh } = givenSession({ token: 'expired', refreshAccepted: false });
    const network = meForFreshTokenOnly();
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 401 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(network.requests).toHaveLength(1);
  });

  it('does not try a refresh when there is nothing to refresh with', async () => {
    const { refresh } = givenSession({ token: 'expired', canRefresh: false });
    meForFreshTokenOnly();
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 401 });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('does not refresh on a failed sign-in, and keeps the field messages', async () => {
    const { refresh } = givenSession({ token: 'access-1' });
    fakeApi({
      'POST /api/v1/auth/login': apiError(400, 'Validation failed', {
        email: ['email must be an email'],
      }),
    });
    const error = await unwrap(
      api.POST('/api/v1/auth/login', { body: { email: 'nope', password: 'x' } }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldMessage('email')).toBe('email must be an email');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('logs a server failure under the trace ID the request carried', async () => {
    const withTrace = jest.spyOn(appLogger(), 'withTrace');
    const network = fakeApi({ 'GET /api/v1/auth/me': apiError(503, 'Database unavailable') });
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 503 });
    const sentTraceId = defined(network.requests[0]).headers.get('traceparent')?.split('-')[1];
    expect(withTrace).toHaveBeenCalledWith(sentTraceId);
    withTrace.mockRestore();
  });
  it('keeps the trace ID of an error whose body is not JSON, from the X-Trace-Id header', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: {
            'Content-Type': 'text/html',
            'X-Trace-Id': '4bf92f3577b34da6a3ce929d0e0e4736',
          },
        }),
    });
    const error = await unwrap(api.GET('/api/v1/auth/me')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(traceIdOf(error)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('gives a request that never reached the server the trace ID it was logged under', async () => {
    const withTrace = jest.spyOn(appLogger(), 'withTrace');
    const network = fakeApi();
    (globalThis.fetch as jest.Mock).mockImplementation(async (request: Request) => {
      network.requests.push(request);
      throw new TypeError('Failed to fetch');
    });
    const error = await unwrap(api.GET('/api/v1/auth/me')).catch((caught: unknown) => caught);
    const sentTraceId = defined(network.requests[0]).headers.get('traceparent')?.split('-')[1];
    expect(traceIdOf(error)).toBe(sentTraceId);
    expect(withTrace).toHaveBeenCalledWith(sentTraceId);
    expect(errorMessageOf(error)).toBe('The server could not be reached. Check your connection.');
    withTrace.mockRestore();
  });
});
