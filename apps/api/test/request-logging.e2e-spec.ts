import { Writable } from 'node:stream';
import { createTestApp, registerUser, TestApp } from './support/test-app';

/** Collects the JSON log lines the app writes. */
class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      this.lines.push(JSON.parse(line));
    done();
  }
}

describe('request logging', () => {
  const logs = new LogCapture();
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ LOG_LEVEL: 'info' }, { logDestination: logs });
  });
  afterAll(() => testApp.close());

  it('writes one JSON line per request with trace ID, user ID, method, path, status and duration', async () => {
    const user = await registerUser(testApp, 'logged');
    await testApp.http
      .get('/api/v1/transactions?limit=5')
      .set(user.auth)
      .set('X-Trace-Id', 'log-trace-1')
      .expect(200);
    const line = logs.lines.find((entry) => entry['traceId'] === 'log-trace-1');
    expect(line).toMatchObject({
      msg: 'request completed',
      userId: user.id,
      req: { method: 'GET', path: '/api/v1/transactions' },
      res: { status: 200 },
      responseTime: expect.any(Number),
    });
  });

  it('redacts a secret in the path and writes neither the query string nor the headers', async () => {
    await testApp.http
      .get('/api/v1/transactions/token=path-secret-1?token=query-secret-1&page=2')
      .set('Authorization', 'Bearer header-secret-token-1')
      .set('Cookie', 'sid=cookie-secret-1')
      .set('X-Trace-Id', 'log-trace-2')
      .expect(401);
    const line = logs.lines.find((entry) => entry['traceId'] === 'log-trace-2');
    expect(line).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', path: '/api/v1/transactions/token=[REDACTED]' },
      res: { status: 401 },
    });
    const written = JSON.stringify(logs.lines);
    for (const secret of ['path-secret-1', 'query-secret-1', 'header-secret', 'cookie-secret-1']) {
      expect(written).not.toContain(secret);
    }
  });

  it('never writes passwords or tokens', async () => {
    const password = 'a-very-secret-password';
    const user = await registerUser(testApp, 'secret');
    await testApp.http.post('/api/v1/auth/login').send({ email: user.email, password }).expect(401);
    await testApp.http.get('/api/v1/auth/me').set(user.auth).expect(200);
    const written = JSON.stringify(logs.lines);
    expect(written).not.toContain(password);
    expect(written).not.toContain(user.token);
    expect(written).not.toContain(user.refreshToken);
  });
});
