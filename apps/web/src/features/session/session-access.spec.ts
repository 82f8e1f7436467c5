import { api, unwrap } from '../../lib/api-client';
import { appLogger } from '../../lib/logger';
import { apiError, fakeApi, json } from '../../test/fake-api';
import { aSession, aUser } from '../../test/factories/session';
import { REFRESH_TOKEN_KEY, useSession } from './session-store';
import { defined } from '../../test/defined';

/*
 * The API client and the logger with the session they are given at start-up (main.tsx; for tests,
 * test-setup.ts): its token goes out, and its refresh answers a 401.
 */
const user = aUser();
const session = (accessToken: string, refreshToken: string) =>
  aSession({ accessToken, refreshToken, user });

describe('the session, as the API client and the logger use it', () => {
  it('sends the signed-in access token with API requests', async () => {
    useSession.getState().signedIn(session('access-1', 'refresh-1'));
    const network = fakeApi({ 'GET /api/v1/auth/me': json(user) });
    await unwrap(api.GET('/api/v1/auth/me'));
    expect(defined(network.requests[0]).headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('sends the signed-in access token with log batches', async () => {
    useSession.getState().signedIn(session('access-1', 'refresh-1'));
    const network = fakeApi({ 'POST /api/v1/logging/logs/batch': json({ accepted: 1 }, 202) });
    appLogger().warn('Slow chart');
    await appLogger().flush();
    const batch = defined(network.requestsTo('POST /api/v1/logging/logs/batch')[0]);
    expect(batch.headers.get('Authorization')).toBe('Bearer access-1');
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
    expect(await defined(network.requestsTo('POST /api/v1/auth/refresh')[0]).json()).toEqual({
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
});
