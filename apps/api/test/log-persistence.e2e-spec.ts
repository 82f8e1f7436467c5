import { DataSource } from 'typeorm';
import { eventually } from './support/eventually';
import { createTestApp, registerUser, TestApp } from './support/test-app';

/** A W3C traceparent with a fresh trace ID. */
function traceparent(): { header: string; traceId: string } {
  const traceId = Array.from({ length: 32 }, () =>
    Math.floor(Math.random() * 16).toString(16),
  ).join('');
  return { header: `00-${traceId}-00f067aa0ba902b7-01`, traceId };
}

async function storedLines(dataSource: DataSource, traceId: string) {
  return dataSource.query(
    `SELECT level, severity_number AS "severityNumber", source, module, message,
       user_id AS "userId", request_method AS "requestMethod", request_path AS "requestPath",
       status_code AS "statusCode", duration_ms AS "durationMs", extra_data AS extra
     FROM app_logs WHERE trace_id = $1 ORDER BY logged_at, id`,
    [traceId],
  );
}

describe('stored backend logs and trace IDs', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({
      LOG_PERSIST_LEVEL: 'debug',
      LOG_PERSIST_FLUSH_INTERVAL_MS: '50',
      SLOW_QUERY_MS: '150',
    });
  });
  afterAll(() => testApp.close());

  it('finds one traceparent in the log lines, SQL lines, action log and row history of the request', async () => {
    const { header, traceId } = traceparent();
    const password = 'Tr4ce-me-but-never-store-me';
    const response = await testApp.http
      .post('/api/v1/auth/register')
      .set('traceparent', header)
      .send({ email: `trace-${Date.now()}@example.com`, password, displayName: 'Trace' })
      .expect(201);
    expect(response.headers['x-trace-id']).toBe(traceId);
    const userId: string = response.body.user.id;

    const lines = await eventually(async () => {
      const found = await storedLines(testApp.dataSource, traceId);
      expect(found.some((line: { module: string }) => line.module === 'http')).toBe(true);
      return found;
    });
    expect(lines.find((line: { module: string }) => line.module === 'http')).toMatchObject({
      level: 'info',
      severityNumber: 9,
      source: 'backend',
      message: 'request completed',
      userId: null,
      requestMethod: 'POST',
      requestPath: '/api/v1/auth/register',
      statusCode: 201,
      durationMs: expect.any(Number),
    });
    const sql = lines.filter((line: { module: string }) => line.module === 'SQL');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql[0]).toMatchObject({ level: 'debug', severityNumber: 5, message: 'query' });
    expect(
      sql.some((line: { extra: { sql: string } }) => /INSERT INTO "users"/.test(line.extra.sql)),
    ).toBe(true);

    const everything = JSON.stringify(await testApp.dataSource.query(`SELECT * FROM app_logs`));
    expect(everything).not.toContain(password);
    expect(everything).not.toMatch(/\$2[aby]\$\d\d\$/); // no password hash either

    const [event] = await eventually(async () => {
      const rows = await testApp.dataSource.query(
        `SELECT action FROM audit_events WHERE trace_id = $1`,
        [traceId],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(event.action).toBe('auth.register');
    const changes = await testApp.dataSource.query(
      `SELECT table_name AS "table", row_id AS "rowId" FROM audit_changes WHERE trace_id = $1`,
      [traceId],
    );
    expect(changes).toContainEqual({ table: 'users', rowId: userId });
  });

  it('puts the trace ID on the error body, the header and the stored warn line of a refused request', async () => {
    const { header, traceId } = traceparent();
    const response = await testApp.http
      .post('/api/v1/auth/login')
      .set('traceparent', header)
      .send({ email: 'nobody@example.com', password: 'wrong-password-123' })
      .expect(401);
    expect(response.body.traceId).toBe(traceId);
    expect(response.headers['x-trace-id']).toBe(traceId);
    const [line] = await eventually(async () => {
      const found = (await storedLines(testApp.dataSource, traceId)).filter(
        (stored: { module: string }) => stored.module === 'http',
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(line).toMatchObject({ level: 'warn', severityNumber: 13, statusCode: 401 });
    expect(JSON.stringify(line)).not.toContain('wrong-password-123');
  });

  it('stores the request line redacted: its trace ID binding and its path', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdG9yZWQifQ.c3RvcmVkLWxpbmUtc2lnbmF0dXJlLXZhbHVl';
    await testApp.http
      .get(`/api/v1/reset/token=st0red-secret?access_token=query-secret`)
      .set('X-Trace-Id', jwt)
      .expect(404);
    const [line] = await eventually(async () => {
      const found = (await storedLines(testApp.dataSource, '[REDACTED:jwt]')).filter(
        (stored: { requestPath: string }) =>
          stored.requestPath === '/api/v1/reset/token=[REDACTED]',
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(line).toMatchObject({ module: 'http', level: 'warn', statusCode: 404 });
    const everything = JSON.stringify(await testApp.dataSource.query(`SELECT * FROM app_logs`));
    for (const secret of [jwt, 'st0red-secret', 'query-secret']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('tags the lines of a signed-in request with the user', async () => {
    const user = await registerUser(testApp, 'tagged');
    const { header, traceId } = traceparent();
    await testApp.http.get('/api/v1/auth/me').set(user.auth).set('traceparent', header).expect(200);
    const [line] = await eventually(async () => {
      const found = (await storedLines(testApp.dataSource, traceId)).filter(
        (stored: { module: string }) => stored.module === 'http',
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(line.userId).toBe(user.id);
  });

  it('logs a slow query at warn with its duration and redacted parameters', async () => {
    const token =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    await testApp.dataSource.query(`SELECT pg_sleep(0.2), $1::text AS card`, [
      `card 4111 1111 1111 1111 and ${token}`,
    ]);
    const slow = await eventually(async () => {
      const rows = await testApp.dataSource.query(
        `SELECT message, level, extra_data AS extra FROM app_logs
         WHERE module = 'SQL' AND level = 'warn' AND extra_data->>'sql' LIKE '%pg_sleep%'`,
      );
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(slow.message).toMatch(/^slow query: \d+ ms$/);
    expect(slow.extra.durationMs).toBeGreaterThanOrEqual(150);
    const params = JSON.stringify(slow.extra.params);
    expect(params).toContain('[REDACTED:card]');
    expect(params).not.toContain('4111');
    expect(params).not.toContain(token);
  });
});
