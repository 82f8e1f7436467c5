import { randomUUID } from 'node:crypto';
import { eventually } from './support/eventually';
import { createTestApp, registerUser, TestApp } from './support/test-app';

const BATCH = '/api/v1/logging/logs/batch';

function entry(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    timestamp: new Date().toISOString(),
    level: 'error',
    message: 'Failed to load transactions',
    module: 'TransactionsPage',
    sessionId: 'session-1',
    url: 'http://localhost:3000/transactions',
    ...overrides,
  };
}

describe('browser log ingest (POST /logging/logs/batch)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ LOG_INGEST_RATE_LIMIT: '1000' });
  });
  afterAll(() => testApp.close());

  const storedByClientIds = (ids: string[]) =>
    testApp.dataSource.query(
      `SELECT client_id AS "clientId", source, level, severity_number AS "severityNumber",
         message, module, user_id AS "userId", trace_id AS "traceId", extra_data AS extra
       FROM app_logs WHERE client_id = ANY($1::uuid[]) ORDER BY logged_at`,
      [ids],
    );

  it('stores an anonymous batch as frontend lines tagged anonymous', async () => {
    const entries = [entry(), entry({ level: 'warn', message: 'Slow page', traceId: 'abc123' })];
    const response = await testApp.http.post(BATCH).send({ entries }).expect(200);
    expect(response.body).toEqual({ received: 2, stored: 2, duplicates: 0 });
    const stored = await storedByClientIds(entries.map((item) => item.clientId));
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      source: 'frontend',
      level: 'error',
      severityNumber: 17,
      module: 'TransactionsPage',
      userId: null,
      extra: { anonymous: true, sessionId: 'session-1' },
    });
    expect(stored[1]).toMatchObject({ level: 'warn', traceId: 'abc123' });
  });

  it('stores a retried batch once', async () => {
    const entries = [entry(), entry(), entry()];
    await testApp.http.post(BATCH).send({ entries }).expect(200);
    const retry = await testApp.http
      .post(BATCH)
      .send({ entries: [...entries, entry()] })
      .expect(200);
    expect(retry.body).toEqual({ received: 4, stored: 1, duplicates: 3 });
    const stored = await storedByClientIds(entries.map((item) => item.clientId));
    expect(stored).toHaveLength(3);
  });

  it('tags a signed-in caller’s lines with the user, and treats a bad token as anonymous', async () => {
    const user = await registerUser(testApp, 'browser');
    const signedIn = entry();
    await testApp.http
      .post(BATCH)
      .set(user.auth)
      .send({ entries: [signedIn] })
      .expect(200);
    const badToken = entry();
    await testApp.http
      .post(BATCH)
      .set('Authorization', 'Bearer not-a-token')
      .send({ entries: [badToken] })
      .expect(200);
    const [mine, anonymous] = await Promise.all([
      storedByClientIds([signedIn.clientId]),
      storedByClientIds([badToken.clientId]),
    ]);
    expect(mine[0].userId).toBe(user.id);
    expect(mine[0].extra.anonymous).toBeUndefined();
    expect(anonymous[0]).toMatchObject({ userId: null, extra: { anonymous: true } });
  });

  it('redacts secrets again on arrival', async () => {
    const secret = entry({
      message: 'login failed password=hunter2 card 4111 1111 1111 1111',
      context: { accessToken: 'abc.def.ghi', nested: { apiKey: 'sk_live_1', safe: 'kept' } },
      url: 'https://bob:s3cret@example.com/page?token=xyz',
    });
    await testApp.http
      .post(BATCH)
      .send({ entries: [secret] })
      .expect(200);
    const [stored] = await storedByClientIds([secret.clientId]);
    const text = JSON.stringify(stored);
    for (const leaked of ['hunter2', '4111 1111', 'abc.def.ghi', 'sk_live_1', 's3cret', 'xyz']) {
      expect(text).not.toContain(leaked);
    }
    expect(stored.extra.nested.safe).toBe('kept');
  });

  it('refuses NUL characters (PostgreSQL text cannot hold them), naming the field; a written-out \\u0000 is text', async () => {
    const nul = entry({ message: 'before\u0000after' });
    const response = await testApp.http
      .post(BATCH)
      .send({ entries: [nul] })
      .expect(400);
    expect(response.body.details).toEqual({
      'entries.0.message': [expect.stringMatching(/NUL character/)],
    });
    expect(await storedByClientIds([nul.clientId])).toEqual([]);

    const written = entry({ context: { path: 'C:\\u0000dir' } });
    await testApp.http
      .post(BATCH)
      .send({ entries: [written] })
      .expect(200);
    const [stored] = await storedByClientIds([written.clientId]);
    expect(stored.extra.path).toBe('C:\\u0000dir');
  });

  it('refuses a whole batch with one bad entry, naming the field, and stores none of it', async () => {
    const good = entry();
    const response = await testApp.http
      .post(BATCH)
      .send({ entries: [good, entry({ level: 'loud', clientId: 'x' })] })
      .expect(400);
    expect(response.body.details).toEqual({
      'entries.1.clientId': [expect.stringMatching(/clientId must be a UUID/)],
      'entries.1.level': [expect.stringMatching(/level must be one of/)],
    });
    expect(await storedByClientIds([good.clientId])).toHaveLength(0);
  });

  it('names every bad field: unknown, missing, mistyped, out of range, too long', async () => {
    const { message: _message, ...withoutMessage } = entry();
    const response = await testApp.http
      .post(BATCH)
      .send({
        entries: [
          { ...entry(), colour: 'red', statusCode: 42, module: 'm'.repeat(129) },
          withoutMessage,
          { ...entry(), durationMs: 'slow', traceId: 'not a trace', timestamp: 'yesterday' },
        ],
        extra: true,
      })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, message: 'Validation failed' });
    expect(response.body.details).toEqual({
      extra: ['property extra should not exist'],
      'entries.0.colour': ['property colour should not exist'],
      'entries.0.statusCode': ['statusCode must not be less than 100'],
      'entries.0.module': ['module must be shorter than or equal to 128 characters'],
      'entries.1.message': ['message is required'],
      'entries.2.durationMs': ['durationMs must be an integer'],
      'entries.2.traceId': [expect.stringMatching(/^traceId must match/)],
      'entries.2.timestamp': ['timestamp must be an ISO 8601 date-time with a time zone'],
    });
    const notABatch = await testApp.http.post(BATCH).send({ entries: 'all of them' }).expect(400);
    expect(notABatch.body.details).toEqual({ entries: ['entries must be an array'] });
  });

  it('enforces 100 entries a batch, 64 KB a message, and 1 MB a request', async () => {
    const tooMany = await testApp.http
      .post(BATCH)
      .send({ entries: Array.from({ length: 101 }, () => entry()) })
      .expect(400);
    expect(tooMany.body.details.entries).toEqual([
      'entries must contain no more than 100 elements',
    ]);

    const longMessage = await testApp.http
      .post(BATCH)
      .send({ entries: [entry({ message: 'é'.repeat(40 * 1024) })] }) // 80 KB in UTF-8
      .expect(400);
    expect(longMessage.body.details['entries.0.message']).toEqual([
      'message must be at most 65536 bytes (UTF-8)',
    ]);

    const huge = await testApp.http
      .post(BATCH)
      .send({ entries: Array.from({ length: 20 }, () => entry({ message: 'x'.repeat(60_000) })) })
      .expect(413);
    expect(huge.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      traceId: expect.any(String),
    });
  });

  it('refuses entries timestamped far in the future or past, and empty batches', async () => {
    const future = await testApp.http
      .post(BATCH)
      .send({ entries: [entry({ timestamp: new Date(Date.now() + 86_400_000).toISOString() })] })
      .expect(400);
    expect(future.body.details['entries.0.timestamp']).toEqual([
      'timestamp is more than 60 minutes in the future (check the device clock)',
    ]);
    // Each day of logs is a partition: a browser cannot make them for any day it likes.
    const old = await testApp.http
      .post(BATCH)
      .send({
        entries: [entry({ timestamp: new Date(Date.now() - 8 * 86_400_000).toISOString() })],
      })
      .expect(400);
    expect(old.body.details['entries.0.timestamp']).toEqual(['timestamp is more than 7 days old']);
    const lastWeek = entry({ timestamp: new Date(Date.now() - 6 * 86_400_000).toISOString() });
    await testApp.http
      .post(BATCH)
      .send({ entries: [lastWeek] })
      .expect(200);
    expect(await storedByClientIds([lastWeek.clientId])).toHaveLength(1);
    await testApp.http.post(BATCH).send({ entries: [] }).expect(400);
  });

  it('does not record log batches in the action log', async () => {
    await testApp.http
      .post(BATCH)
      .send({ entries: [entry()] })
      .expect(200);
    // (A 413 is refused by the body parser before routing, so it is recorded like any other.)
    // The action log is written in order: once a later event is there, an earlier one would be.
    const later = await registerUser(testApp, 'later');
    await eventually(async () => {
      const rows = await testApp.dataSource.query(
        `SELECT 1 FROM audit_events WHERE actor_id = $1 AND action = 'auth.register'`,
        [later.id],
      );
      expect(rows).toHaveLength(1);
    });
    const events = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE metadata->>'path' LIKE '%/logging/logs/batch%' AND (metadata->>'statusCode')::int <> 413`,
    );
    expect(events[0].n).toBe(0);
  });
});

describe('browser log ingest rate limit', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ LOG_INGEST_RATE_LIMIT: '3' });
  });
  afterAll(() => testApp.close());

  it('answers 429 beyond the limit, without touching the sign-in limit', async () => {
    for (let i = 0; i < 3; i++) {
      await testApp.http
        .post(BATCH)
        .send({ entries: [entry()] })
        .expect(200);
    }
    const refused = await testApp.http
      .post(BATCH)
      .send({ entries: [entry()] })
      .expect(429);
    expect(refused.body.statusCode).toBe(429);
    await registerUser(testApp, 'still-allowed');
  });
});
