import { useSession, REFRESH_TOKEN_KEY } from '../features/session/session-store';
import { apiError, fakeApi, json } from '../test/fake-api';
import { aSession, aUser } from '../test/factories/session';
import { api, unwrap } from './api-client';
import { ApiError, errorMessageOf, traceIdOf } from './api-error';
import { appLogger } from './logger';

const user = aUser();
const session = (accessToken: string, refreshToken: string) =>
  aSession({ accessToken, refreshToken, user });

describe('api client', () => {
  it('sends the access token and a fresh traceparent on every request', async () => {
    useSession.getState().signedIn(session('access-1', 'refresh-1'));
    const network = fakeApi({ 'GET /api/v1/auth/me': json(user) });
    await unwrap(api.GET('/api/v1/auth/me'));
    await unwrap(api.GET('/api/v1/auth/me'));
    const [first, second] = network.requests;
    expect(first.headers.get('Authorization')).toBe('Bearer access-1');
    expect(first.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(second.headers.get('traceparent')).not.toBe(first.headers.get('traceparent'));
  });

  it('answers a 401 with one refresh and a retry carrying the new token', async () => {
    useSession.getState().signedIn(session('expired', 'refresh-1'));
    const network = fakeApi({
      'GET /api/v1/auth/me': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? json(user)
          : apiError(401, 'Access token expired'),
      'POST /api/v1/auth/refresh': json(session('fresh', 'refresh-2')),
    });
    await expect(unwrap(api.GET('/api/v1/auth/me'))).resolves.toMatchObject({ id: user.id });
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(await network.requestsTo('POST /api/v1/auth/refresh')[0].json()).toEqual({
      refreshToken: 'refresh-1',
    });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('shares one refresh between concurrent 401s (refresh tokens are single-use)', async () => {
    useSession.getState().signedIn(session('expired', 'refresh-1'));
    const network = fakeApi({
      'GET /api/v1/auth/me': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? json(user)
          : apiError(401, 'Access token expired'),
      'POST /api/v1/auth/refresh': json(session('fresh', 'refresh-2')),
    });
    await Promise.all([1, 2, 3].map(() => unwrap(api.GET('/api/v1/auth/me'))));
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused', async () => {
    useSession.getState().signedIn(session('expired', 'stolen'));
    fakeApi({
      'GET /api/v1/auth/me': apiError(401, 'Access token expired'),
      'POST /api/v1/auth/refresh': apiError(401, 'Refresh token reused'),
    });
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 401 });
    expect(useSession.getState().user).toBeNull();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('does not refresh on a failed sign-in, and keeps the field messages', async () => {
    useSession.getState().signedIn(session('access-1', 'refresh-1'));
    const network = fakeApi({
      'POST /api/v1/auth/login': apiError(400, 'Validation failed', {
        email: ['email must be an email'],
      }),
    });
    const error = await unwrap(
      api.POST('/api/v1/auth/login', { body: { email: 'nope', password: 'x' } }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldMessage('email')).toBe('email must be an email');
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(0);
  });

  it('logs a server failure under the trace ID the request carried', async () => {
    const withTrace = jest.spyOn(appLogger(), 'withTrace');
    const network = fakeApi({ 'GET /api/v1/auth/me': apiError(503, 'Database unavailable') });
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 503 });
    const sentTraceId = network.requests[0].headers.get('traceparent')?.split('-')[1];
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
    const sentTraceId = network.requests[0].headers.get('traceparent')?.split('-')[1];
    expect(traceIdOf(error)).toBe(sentTraceId);
    expect(withTrace).toHaveBeenCalledWith(sentTraceId);
    expect(errorMessageOf(error)).toBe('The server could not be reached. Check your connection.');
    withTrace.mockRestore();
  });
});
