import { ADMIN_ENV, createTestApp, registerUser, TestApp } from './support/test-app';

describe('auth', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
  });
  afterAll(() => testApp.close());

  it('registers, answers tokens and the user, and never the password hash', async () => {
    const response = await testApp.http
      .post('/api/v1/auth/register')
      .send({ email: 'Ada@Example.com', password: 'analytical-engine', displayName: 'Ada' })
      .expect(201);
    expect(response.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { email: 'Ada@Example.com', displayName: 'Ada', role: 'user' },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('refuses a second account with the same email in another case (409 naming the field)', async () => {
    await testApp.http
      .post('/api/v1/auth/register')
      .send({ email: 'grace@example.com', password: 'compilers-rule', displayName: 'Grace' })
      .expect(201);
    const response = await testApp.http
      .post('/api/v1/auth/register')
      .send({ email: 'GRACE@example.com', password: 'compilers-rule', displayName: 'Grace' })
      .expect(409);
    expect(response.body.details).toEqual({ email: ['email is already registered'] });
  });

  it('explains bad input field by field, and refuses unknown fields', async () => {
    const response = await testApp.http
      .post('/api/v1/auth/register')
      .send({ email: 'not-an-email', password: 'short', role: 'admin' })
      .expect(400);
    expect(response.body.message).toBe('Validation failed');
    expect(Object.keys(response.body.details).sort()).toEqual([
      'displayName',
      'email',
      'password',
      'role',
    ]);
    expect(response.body.details.password).toContain('password must be at least 8 characters long');
    expect(response.body.details.role).toEqual(['property role should not exist']);
  });

  it('logs in case-insensitively and refuses a wrong password without saying which part was wrong', async () => {
    const ok = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: 'ADA@example.com', password: 'analytical-engine' })
      .expect(200);
    expect(ok.body.user.email).toBe('Ada@Example.com');
    const wrong = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: 'ada@example.com', password: 'nope-nope-nope' })
      .expect(401);
    expect(wrong.body.message).toBe('Invalid email or password');
    const unknown = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.com', password: 'nope-nope-nope' })
      .expect(401);
    expect(unknown.body.message).toBe('Invalid email or password');
  });

  it('answers /me for a valid token only', async () => {
    const user = await registerUser(testApp, 'me');
    const me = await testApp.http.get('/api/v1/auth/me').set(user.auth).expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email, role: 'user' });
    await testApp.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${user.token}x`)
      .expect(401);
    await testApp.http.get('/api/v1/auth/me').expect(401);
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const user = await registerUser(testApp, 'rotate');
    const first = await testApp.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    await testApp.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${first.body.accessToken}`)
      .expect(200);

    const reuse = await testApp.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    // The newest token of that family is revoked too: the thief and the owner must sign in again.
    const afterReuse = await testApp.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(401);
    expect(afterReuse.body.message).toBe('Refresh token has been revoked');
  });

  it('logout stops the access token at once and ends its refresh tokens', async () => {
    const user = await registerUser(testApp, 'logout');
    await testApp.http.get('/api/v1/auth/me').set(user.auth).expect(200);
    await testApp.http.post('/api/v1/auth/logout').set(user.auth).expect(204);
    const after = await testApp.http.get('/api/v1/auth/me').set(user.auth).expect(401);
    expect(after.body.message).toBe('Access token has been revoked');
    await testApp.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(401);
  });

  it('ensures the configured admin exists, and only admins reach admin routes', async () => {
    const response = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: 'root@example.com', password: 'admin-password-1' })
      .expect(200);
    expect(response.body.user.role).toBe('admin');
    const users = await testApp.http
      .get('/api/v1/users')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(200);
    expect(users.body.items.map((u: { email: string }) => u.email)).toContain('root@example.com');

    const user = await registerUser(testApp, 'not-admin');
    const forbidden = await testApp.http.get('/api/v1/users').set(user.auth).expect(403);
    expect(forbidden.body).toMatchObject({
      statusCode: 403,
      message: 'This requires the admin role',
    });
    await testApp.http.get('/api/v1/users').expect(401);
  });
});

describe('auth rate limiting', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
  });
  afterAll(() => testApp.close());

  it('answers 429 after the configured number of login attempts', async () => {
    const attempt = () =>
      testApp.http
        .post('/api/v1/auth/login')
        .send({ email: 'x@example.com', password: 'whatever-123' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // The standard header, which browsers' clients honour, besides the throttler's named one.
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});
