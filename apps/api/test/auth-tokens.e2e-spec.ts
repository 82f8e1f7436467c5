import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { eventually } from './support/eventually';
import { forgedToken, claimsOf } from './support/tokens';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/**
 * Regression tests of issue 15, defect 6: what an access token must carry, and the events that
 * must end it before it expires (refresh-token reuse, logout, the account's deletion).
 */
describe('access tokens end with their sign-in and their account', () => {
  let testApp: TestApp;
  const me = (token: string) =>
    testApp.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const refresh = (refreshToken: string) =>
    testApp.http.post('/api/v1/auth/refresh').send({ refreshToken });

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('refuses a token without exp, or without the claims it is read for', async () => {
    const user = await registerUser(testApp, 'claims');
    const secret = testApp.config.JWT_SECRET as string;
    const { exp, ...withoutExp } = claimsOf(user.token);
    expect(exp).toEqual(expect.any(Number));
    const { sub, ...withoutSub } = claimsOf(user.token);
    expect(sub).toBe(user.id);
    const { fam, ...withoutFamily } = claimsOf(user.token);
    expect(fam).toEqual(expect.any(String));
    const inTheFuture = { ...claimsOf(user.token), iat: Math.floor(Date.now() / 1000) + 3600 };
    for (const claims of [withoutExp, withoutSub, withoutFamily, inTheFuture]) {
      const response = await me(forgedToken(claims, secret)).expect(401);
      expect(response.body).toMatchObject({
        statusCode: 401,
        message: 'Missing or invalid access token',
      });
    }
    await me(forgedToken(claimsOf(user.token), secret)).expect(200);
  });

  it('a reused refresh token also ends every access token of that sign-in', async () => {
    const user = await registerUser(testApp, 'reuse');
    const rotated = await refresh(user.refreshToken).expect(200);
    await me(user.token).expect(200);
    await me(rotated.body.accessToken).expect(200);

    await refresh(user.refreshToken).expect(401);
    for (const token of [user.token, rotated.body.accessToken]) {
      const response = await me(token).expect(401);
      expect(response.body.message).toBe('Access token has been revoked');
    }
  });

  it('logout ends the earlier access tokens of its sign-in too, not other sign-ins', async () => {
    const user = await registerUser(testApp, 'logout-family');
    const rotated = await refresh(user.refreshToken).expect(200);
    const elsewhere = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'correct horse battery' })
      .expect(200);
    await testApp.http
      .post('/api/v1/auth/logout')
      .set(bearer(rotated.body.accessToken))
      .expect(204);
    await me(user.token).expect(401);
    await me(rotated.body.accessToken).expect(401);
    await me(elsewhere.body.accessToken).expect(200);
  });

  describe('a soft-deleted account', () => {
    let user: SignedInUser;
    let other: SignedInUser;

    beforeAll(async () => {
      user = await registerUser(testApp, 'deleted');
      other = await registerUser(testApp, 'kept');
      await me(user.token).expect(200);
      // As an operator or a later "delete my account" would: the app is told nothing directly.
      await testApp.dataSource.query('UPDATE users SET deleted_at = now() WHERE id = $1', [
        user.id,
      ]);
    });

    it('loses its access tokens, on every route', async () => {
      await eventually(async () => {
        const response = await me(user.token).expect(401);
        expect(response.body.message).toBe('This account no longer exists');
      });
      await testApp.http.get('/api/v1/categories').set(user.auth).expect(401);
      await me(other.token).expect(200);
    });

    it('can neither refresh nor sign in again', async () => {
      await refresh(user.refreshToken).expect(401);
      await testApp.http
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: 'correct horse battery' })
        .expect(401);
    });

    it('is refused by an instance started after the deletion', async () => {
      const late = await createApp({ config: testApp.config, databaseUrl: testApp.databaseUrl });
      try {
        await request(late.getHttpServer()).get('/api/v1/categories').set(user.auth).expect(401);
      } finally {
        await late.close();
      }
    });
  });

  it('answers every token response with Cache-Control: no-store and Pragma: no-cache', async () => {
    const registered = await testApp.http
      .post('/api/v1/auth/register')
      .send({ email: 'cache@example.com', password: 'correct horse battery', displayName: 'C' })
      .expect(201);
    const loggedIn = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: 'cache@example.com', password: 'correct horse battery' })
      .expect(200);
    const refreshed = await refresh(loggedIn.body.refreshToken).expect(200);
    for (const response of [registered, loggedIn, refreshed]) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['pragma']).toBe('no-cache');
    }
  });
});

function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
