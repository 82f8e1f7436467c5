import { randomUUID } from 'node:crypto';
import { ExclusiveJobs } from '../src/common/jobs/exclusive-jobs';
import { AuditRecorder } from '../src/modules/audit/audit-recorder';
import { ExceptionCapture } from '../src/modules/exceptions/capture/exception-capture';
import { ProcessErrorHandlers } from '../src/modules/exceptions/capture/process-error-handlers';
import { ExceptionRetentionService } from '../src/modules/exceptions/storage/exception-retention.service';
import {
  collectExceptionEvents,
  EXCEPTIONS,
  groupsTitled,
  groupWithCount,
  storedOccurrences,
} from './support/exception-groups';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const BATCH = '/api/v1/logging/logs/batch';

/** A Chrome stack of the built SPA: the build hash and the columns vary, the call site does not. */
function chromeStack(message: string, buildHash: string, column: number): string {
  return [
    `TypeError: ${message}`,
    `    at sumAmounts (http://localhost:4200/assets/TransactionsPage-${buildHash}.js:1:${column})`,
    `    at renderTotals (http://localhost:4200/assets/TransactionsPage-${buildHash}.js:1:${column + 977})`,
    `    at Mf (http://localhost:4200/assets/vendor-react-Q1w2E3r4.js:1:88123)`,
  ].join('\n');
}

function browserEntry(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    timestamp: new Date().toISOString(),
    level: 'error',
    message: "Cannot read properties of undefined (reading 'amountCents')",
    module: 'TransactionsPage',
    sessionId: 'session-7',
    url: 'http://localhost:4200/transactions?month=2026-11',
    release: 'web@1.4.2',
    stack: chromeStack(
      "Cannot read properties of undefined (reading 'amountCents')",
      'CjKl91Ab',
      4410,
    ),
    ...overrides,
  };
}

describe('exceptions from browsers (log ingest)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp({ ...ADMIN_ENV, LOG_INGEST_RATE_LIMIT: '1000' });
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('makes a frontend group of a batch’s errors, once even when the batch is sent again', async () => {
    const user = await registerUser(testApp, 'browser-user');
    const events = collectExceptionEvents(testApp);
    const entries = [
      browserEntry({ traceId: 'trace-a' }),
      browserEntry({ stack: chromeStack('x', 'Zx81mQpL', 5521), traceId: 'trace-b' }),
      browserEntry({ level: 'fatal', stack: chromeStack('x', 'a9Fk2LmQ', 17) }),
      browserEntry({ level: 'warn', message: 'Slow page' }),
      browserEntry({ level: 'info', message: 'Page shown' }),
    ];
    const first = await testApp.http.post(BATCH).set(user.auth).send({ entries }).expect(200);
    expect(first.body).toEqual({ received: 5, stored: 5, duplicates: 0 });
    const [group] = await groupsTitled(testApp, admin, 'Cannot read properties of undefined');
    await groupWithCount(testApp, admin, group.id, 3);

    // The browser logger retries a batch it did not see answered: the same entries, plus a new one.
    const retry = await testApp.http
      .post(BATCH)
      .set(user.auth)
      .send({ entries: [...entries, browserEntry()] })
      .expect(200);
    expect(retry.body).toEqual({ received: 6, stored: 1, duplicates: 5 });
    const grown = await groupWithCount(testApp, admin, group.id, 4);
    expect(grown).toMatchObject({
      source: 'frontend',
      type: 'TypeError',
      title: "TypeError: Cannot read properties of undefined (reading '<str>')",
      culprit: 'sumAmounts (assets/TransactionsPage.js)',
      level: 'fatal',
      affectedUsers: 1,
    });
    const stored = await storedOccurrences(testApp, group.id);
    expect(stored).toHaveLength(4);
    expect(stored.map((row) => row.traceId).sort()).toEqual([null, null, 'trace-a', 'trace-b']);
    expect(stored[0]).toMatchObject({
      source: 'frontend',
      level: 'error',
      userId: user.id,
      release: 'web@1.4.2',
      message: "Cannot read properties of undefined (reading 'amountCents')",
      context: {
        origin: 'browser',
        module: 'TransactionsPage',
        sessionId: 'session-7',
        url: 'http://localhost:4200/transactions?month=2026-11',
        clientId: entries[0].clientId,
      },
    });
    expect(stored[0].stack).toContain('sumAmounts');
    expect(events.new.filter((event) => event.groupId === group.id)).toHaveLength(1);
    // Warn and info entries are logs, not exceptions.
    const types = await testApp.dataSource.query(`SELECT title FROM exception_groups`);
    expect(types.map((row: { title: string }) => row.title).join()).not.toMatch(
      /Slow page|Page shown/,
    );
  });

  it('names the type from the message or context, and lets the browser choose the fingerprint', async () => {
    const entries = [
      browserEntry({ message: 'Uncaught RangeError: Invalid time value', stack: undefined }),
      browserEntry({
        message: 'Loading chunk 42 failed',
        stack: undefined,
        context: { errorType: 'ChunkLoadError' },
      }),
      browserEntry({
        message: 'Checkout failed: card declined',
        stack: undefined,
        context: { fingerprint: ['checkout', 'payment'] },
      }),
      browserEntry({
        message: 'Payment provider timed out',
        stack: undefined,
        context: { fingerprint: ['checkout', 'payment'] },
      }),
    ];
    await testApp.http.post(BATCH).send({ entries }).expect(200);
    const [range] = await groupsTitled(testApp, admin, 'Invalid time value');
    expect(range).toMatchObject({
      type: 'RangeError',
      title: 'RangeError: Invalid time value',
      affectedUsers: 0,
    });
    const [chunk] = await groupsTitled(testApp, admin, 'Loading chunk');
    expect(chunk).toMatchObject({
      type: 'ChunkLoadError',
      title: 'ChunkLoadError: Loading chunk <num> failed',
    });
    const [checkout] = await groupsTitled(testApp, admin, 'Checkout failed');
    await groupWithCount(testApp, admin, checkout.id, 2);
  });
});

describe('exceptions from the API’s own machinery', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let listenersBefore: { rejection: number; uncaught: number };

  beforeAll(async () => {
    listenersBefore = {
      rejection: process.listenerCount('unhandledRejection'),
      uncaught: process.listenerCount('uncaughtException'),
    };
    testApp = await createTestApp({ ...ADMIN_ENV, AUDIT_LOGGING_ASYNC: 'false' });
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('records a failing scheduled job', async () => {
    const jobs = testApp.app.get(ExclusiveJobs);
    const outcome = await jobs.run('nightly-import', async () => {
      throw new Error('Import of file 2026-11-20.csv failed at row 1532');
    });
    expect(outcome).toBe('failed');
    const [group] = await groupsTitled(testApp, admin, 'Import of file');
    expect(group).toMatchObject({
      type: 'Error',
      source: 'backend',
      title: 'Error: Import of file <date>.csv failed at row <num>',
    });
    const [occurrence] = await storedOccurrences(testApp, group.id);
    expect(occurrence.context).toMatchObject({ origin: 'job', job: 'nightly-import' });
  });

  it('records failures of the action log writer', async () => {
    await testApp.dataSource.query(`
      CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'test.poison' THEN RAISE EXCEPTION 'audit store refused %', NEW.action; END IF;
        RETURN NEW;
      END $$`);
    await testApp.dataSource.query(
      `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events
       FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`,
    );
    try {
      await testApp.app
        .get(AuditRecorder)
        .record({ action: 'test.poison', category: 'admin', message: 'Poisoned event' });
      const [group] = await groupsTitled(testApp, admin, 'audit store refused');
      expect(group.type).toBe('QueryFailedError');
      const [occurrence] = await storedOccurrences(testApp, group.id);
      expect(occurrence.context).toMatchObject({
        origin: 'audit',
        problem: 'Action log: writing test.poison failed',
      });
    } finally {
      await testApp.dataSource.query(`DROP TRIGGER test_refuse_audit ON audit_events`);
      await testApp.dataSource.query(`DROP FUNCTION test_refuse_audit()`);
    }
  });

  it('listens to unhandled rejections and uncaught exceptions while the app runs', async () => {
    expect(process.listenerCount('unhandledRejection')).toBe(listenersBefore.rejection + 1);
    expect(process.listenerCount('uncaughtException')).toBe(listenersBefore.uncaught + 1);
    const other = await createTestApp();
    expect(process.listenerCount('unhandledRejection')).toBe(listenersBefore.rejection + 2);
    await other.close();
    expect(process.listenerCount('unhandledRejection')).toBe(listenersBefore.rejection + 1);
    expect(process.listenerCount('uncaughtException')).toBe(listenersBefore.uncaught + 1);
  });

  it('records an unhandled rejection and goes on', async () => {
    testApp.app.get(ProcessErrorHandlers).handleRejection(new Error('Nobody awaited promise 7'));
    const [group] = await groupsTitled(testApp, admin, 'Nobody awaited promise');
    expect(group.level).toBe('error');
    const [occurrence] = await storedOccurrences(testApp, group.id);
    expect(occurrence.context).toMatchObject({ origin: 'process', event: 'unhandledRejection' });
  });

  it('records an uncaught exception as fatal, then ends the process as Node would (unless another listener decides)', async () => {
    const handlers = testApp.app.get(ProcessErrorHandlers);
    const exits: number[] = [];
    handlers.exit = (code) => exits.push(code);
    const another = () => undefined;
    process.on('uncaughtException', another);
    try {
      await handlers.handleUncaught(new Error('Uncaught 1 while someone else listens'));
    } finally {
      process.off('uncaughtException', another);
    }
    expect(exits).toEqual([]);
    const [first] = await groupsTitled(testApp, admin, 'while someone else listens');
    expect(first.level).toBe('fatal');

    // Alone (as in production), it waits for the occurrence to be stored, prints the stack, exits 1.
    const others = process.listeners('uncaughtException').slice(0, listenersBefore.uncaught);
    const written: string[] = [];
    const write = process.stderr.write;
    for (const listener of others) process.off('uncaughtException', listener);
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof write;
    try {
      await handlers.handleUncaught(new Error('Uncaught 2 alone'));
    } finally {
      process.stderr.write = write;
      for (const listener of others) process.on('uncaughtException', listener);
    }
    expect(exits).toEqual([1]);
    expect(written.join('')).toContain('Error: Uncaught 2 alone');
    // Stored before the exit: no waiting needed.
    const rows = await testApp.dataSource.query(
      `SELECT level, context FROM app_exceptions WHERE message = 'Uncaught 2 alone'`,
    );
    expect(rows).toEqual([
      { level: 'fatal', context: expect.objectContaining({ origin: 'process' }) },
    ]);
  });
});

describe('exception retention', () => {
  let testApp: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp({ ...ADMIN_ENV, EXCEPTION_RETENTION_DAYS: '30' });
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('deletes old occurrences daily, keeping groups and exact counts (old minutes merged into hours)', async () => {
    const capture = testApp.app.get(ExceptionCapture);
    const old = new Date(Date.now() - 40 * 86_400_000);
    old.setUTCHours(10, 17, 30, 0);
    const fortnight = new Date(Date.now() - 14 * 86_400_000);
    fortnight.setUTCHours(10, 42, 0, 0);
    capture.capture({ error: new Error('Retention sample 1'), origin: 'test', occurredAt: old });
    capture.capture({
      error: new Error('Retention sample 2'),
      origin: 'test',
      occurredAt: fortnight,
    });
    capture.capture({ error: new Error('Retention sample 3'), origin: 'test' });
    const [group] = await groupsTitled(testApp, admin, 'Retention sample');
    await groupWithCount(testApp, admin, group.id, 3);

    expect(await testApp.app.get(ExceptionRetentionService).applyDaily()).toBe('succeeded');

    const stored = await storedOccurrences(testApp, group.id);
    expect(stored.map((row) => row.message)).toEqual(['Retention sample 2', 'Retention sample 3']);
    const counts = await testApp.dataSource.query(
      `SELECT bucket_start AS "bucketStart", count::int FROM exception_counts
       WHERE group_id = $1 ORDER BY bucket_start`,
      [group.id],
    );
    const hour = (time: Date) => new Date(Math.floor(time.getTime() / 3_600_000) * 3_600_000);
    expect(counts).toEqual([
      { bucketStart: hour(old), count: 1 },
      { bucketStart: hour(fortnight), count: 1 },
      { bucketStart: expect.any(Date), count: 1 },
    ]);
    const response = await testApp.http
      .get(`${EXCEPTIONS}/${group.id}`)
      .set(admin.auth)
      .expect(200);
    expect(response.body.group.count).toBe(3);
    expect(response.body.storedOccurrences).toBe(2);
  });
});
