import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { eventually } from './support/eventually';
import { claimsOf, forgedToken } from './support/tokens';
import { createTestApp, registerUser, TestApp } from './support/test-app';

describe('access tokens across instances (revocations without Redis)', () => {
  let first: TestApp;
  let second: INestApplication;
  const me = (app: INestApplication, token: string) =>
    request(app.getHttpServer()).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    first = await createTestApp();
    second = await createApp({ config: first.config, databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('a token revoked on one instance is refused by the other', async () => {
    const user = await registerUser(first, 'two-instances');
    await me(second, user.token).expect(200);
    await first.http.post('/api/v1/auth/logout').set(user.auth).expect(204);
    await eventually(async () => {
      const response = await me(second, user.token).expect(401);
      expect(response.body.message).toBe('Access token has been revoked');
    });
  });

  it('an instance started after a revocation refuses the token from the start', async () => {
    const user = await registerUser(first, 'revoked-before-start');
    await first.http.post('/api/v1/auth/logout').set(user.auth).expect(204);
    const late = await createApp({ config: first.config, databaseUrl: first.databaseUrl });
    try {
      await me(late, user.token).expect(401);
    } finally {
      await late.close();
    }
  });

  it('still refuses revoked tokens while its listening connection is lost, and catches up', async () => {
    const before = await registerUser(first, 'listener-lost-before');
    await first.http.post('/api/v1/auth/logout').set(before.auth).expect(204);
    await eventually(() => me(second, before.token).expect(401));
    // Cut every instance's listening connection; a revocation made meanwhile must still count.
    await first.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'ledgerlens-revocations' AND datname = current_database()`,
    );
    const during = await registerUser(first, 'listener-lost-during');
    await first.http.post('/api/v1/auth/logout').set(during.auth).expect(204);
    await me(second, during.token).expect(401);
    await me(second, before.token).expect(401);
    await eventually(async () => {
      const [{ listeners }] = await first.dataSource.query(
        `SELECT count(*)::int AS listeners FROM pg_stat_activity
         WHERE application_name = 'ledgerlens-revocations' AND datname = current_database()`,
      );
      expect(listeners).toBe(2);
    }, 5000);
    const after = await registerUser(first, 'listener-back');
    await first.http.post('/api/v1/auth/logout').set(after.auth).expect(204);
    await eventually(() => me(second, after.token).expect(401));
  });

  it('names the problem: missing, malformed, expired, or signed with another secret', async () => {
    const user = await registerUser(first, 'token-problems');
    const claims = claimsOf(user.token);
    const secret = first.config.JWT_SECRET as string;
    const cases: [string | undefined, string][] = [
      [undefined, 'Missing or invalid access token'],
      ['not-a-token', 'Missing or invalid access token'],
      [
        forgedToken({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, secret),
        'Access token expired',
      ],
      [forgedToken(claims, `${secret}-other`), 'Missing or invalid access token'],
    ];
    for (const [token, message] of cases) {
      const call = request(second.getHttpServer()).get('/api/v1/auth/me');
      const response = await (token ? call.set('Authorization', `Bearer ${token}`) : call).expect(
        401,
      );
      expect(response.body.message).toBe(message);
    }
    await me(second, forgedToken(claims, secret)).expect(200);
  });
});
