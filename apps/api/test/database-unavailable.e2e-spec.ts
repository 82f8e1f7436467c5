import request from 'supertest';
import { withClient } from '../harness';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/**
 * A database that refuses connections is an outage (defect 7 of issue 15): every request that
 * needs it gets a 503 with the error body and trace ID, never a 500, and the API recovers by
 * itself once the database takes connections again. The refusals here are PostgreSQL's own.
 */
describe('a database refusing connections', () => {
  let testApp: TestApp;
  let user: SignedInUser;
  let database: string;
  const serverUrl = () => {
    const url = new URL(testApp.databaseUrl);
    url.pathname = '/postgres';
    return url.toString();
  };
  const onServer = (text: string) => withClient(serverUrl(), (client) => client.query(text));
  /** Ends the sessions of the app's pool, so its next query needs a new connection. */
  const endPoolSessions = () =>
    onServer(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
    );

  beforeAll(async () => {
    testApp = await createTestApp();
    database = new URL(testApp.databaseUrl).pathname.slice(1);
    user = await registerUser(testApp, 'refused');
  });
  afterAll(async () => {
    await onServer(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    await testApp.close();
  });

  const listTransactions = (traceId: string) =>
    // Plain supertest: the contract check of `testApp.http` is not what this test is about.
    request(testApp.app.getHttpServer())
      .get('/api/v1/transactions')
      .set(user.auth)
      .set('X-Trace-Id', traceId);

  it('answers 503 with the trace ID while the database is not accepting connections, then recovers', async () => {
    await listTransactions('before-refusal').expect(200);
    // PostgreSQL then ends each new session at once with FATAL 55000 "database … is not
    // currently accepting connections".
    await onServer(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await endPoolSessions();

    const refused = await listTransactions('refused-1');
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'A dependency is unavailable; try again shortly',
        traceId: 'refused-1',
      },
    });
    expect(refused.headers['x-trace-id']).toBe('refused-1');

    await onServer(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    await listTransactions('after-refusal').expect(200);
  });
});
