import { LOG_LEVELS, LOG_SOURCES } from '@ledgerlens/contracts';
import fc from 'fast-check';
import { AppLogRecord } from '../src/modules/logging/persistence/app-log-record';
import { LogEntryDto } from '../src/modules/logging/query/dto/log-entry.dto';
import { logRecord } from './support/log-records';
import { AppLogWriter } from '../src/modules/logging/persistence/app-log.writer';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const LOGS = '/api/v1/logging/logs';
const MODULES = ['http', 'SQL', 'AuditRecorder', 'TransactionsPage'];
const PATHS = ['/api/v1/transactions', '/api/v1/budgets', null];
const TRACES = ['trace-a', 'trace-b', 'trace-c', null];
const BASE_TIME = Date.parse('2026-11-20T12:00:00.000Z');

/** A line as the API answers it. */
type Stored = LogEntryDto;

function record(overrides: Partial<AppLogRecord>): AppLogRecord {
  return logRecord({ loggedAt: new Date(BASE_TIME).toISOString(), ...overrides });
}

describe('stored log queries (/logging/logs)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let alice: SignedInUser;
  let bob: SignedInUser;
  let all: Stored[];

  const list = async (query: Record<string, unknown>, user = admin) =>
    (await testApp.http.get(LOGS).query(query).set(user.auth).expect(200)).body as {
      items: Stored[];
      nextCursor: string | null;
    };

  /** Every page of a query, following the cursor. */
  const everyPage = async (query: Record<string, unknown>, user = admin) => {
    const items: Stored[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list({ ...query, ...(cursor ? { cursor } : {}) }, user);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return items;
  };

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    admin = await signInAdmin(testApp);
    alice = await registerUser(testApp, 'alice');
    bob = await registerUser(testApp, 'bob');
    // 400 lines over 4 hours with many equal times (ties are broken by ID).
    const lines = fc.sample(
      fc.record({
        minute: fc.integer({ min: 0, max: 240 }),
        level: fc.constantFrom(...LOG_LEVELS),
        source: fc.constantFrom(...LOG_SOURCES),
        module: fc.constantFrom(...MODULES),
        requestPath: fc.constantFrom(...PATHS),
        traceId: fc.constantFrom(...TRACES),
        user: fc.constantFrom('alice', 'bob', null),
        word: fc.constantFrom('Payment', 'payment', 'Budget', 'refund'),
        n: fc.integer({ min: 1, max: 99 }),
      }),
      { numRuns: 400, seed: 42 },
    );
    await testApp.app.get(AppLogWriter).write(
      lines.map((line) =>
        record({
          loggedAt: new Date(BASE_TIME + line.minute * 60_000).toISOString(),
          level: line.level,
          source: line.source,
          module: line.module,
          requestPath: line.requestPath,
          traceId: line.traceId,
          userId: line.user === 'alice' ? alice.id : line.user === 'bob' ? bob.id : null,
          message: `${line.word} ${line.n} processed`,
        }),
      ),
    );
    all = await everyPage({
      limit: 1000,
      from: '2026-11-20T00:00:00Z',
      to: '2026-11-21T00:00:00Z',
    });
  });
  afterAll(() => testApp.close());

  it('reads every line once, newest first, ties broken by ID', () => {
    expect(all).toHaveLength(400);
    for (let i = 1; i < all.length; i++) {
      const [newer, older] = [all[i - 1], all[i]];
      const order =
        newer.timestamp === older.timestamp
          ? BigInt(newer.id) > BigInt(older.id)
          : newer.timestamp > older.timestamp;
      expect(order).toBe(true);
    }
  });

  it('filters and pages exactly like the same filter applied to all lines (property 9)', async () => {
    const filters = fc.record(
      {
        source: fc.constantFrom(...LOG_SOURCES),
        level: fc.subarray([...LOG_LEVELS], { minLength: 1 }),
        minLevel: fc.constantFrom(...LOG_LEVELS),
        module: fc.constantFrom(...MODULES),
        requestPath: fc.constantFrom(...PATHS.filter(Boolean)),
        traceId: fc.constantFrom(...TRACES.filter(Boolean)),
        user: fc.constantFrom('alice', 'bob'),
        q: fc.constantFrom('payment', 'BUDGET', '7 proc'),
        fromMinute: fc.integer({ min: 0, max: 240 }),
        toMinute: fc.integer({ min: 0, max: 240 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filters, fc.integer({ min: 1, max: 60 }), async (filter, limit) => {
        const userId =
          filter.user === 'alice' ? alice.id : filter.user === 'bob' ? bob.id : undefined;
        const minute = (m: number) => new Date(BASE_TIME + m * 60_000).toISOString();
        const query = {
          ...(filter.source && { source: filter.source }),
          ...(filter.level && { level: filter.level.join(',') }),
          ...(filter.minLevel && { minLevel: filter.minLevel }),
          ...(filter.module && { module: filter.module }),
          ...(filter.requestPath && { requestPath: filter.requestPath }),
          ...(filter.traceId && { traceId: filter.traceId }),
          ...(userId && { userId }),
          ...(filter.q && { q: filter.q }),
          ...(filter.fromMinute !== undefined && { from: minute(filter.fromMinute) }),
          ...(filter.toMinute !== undefined && { to: minute(filter.toMinute) }),
          limit,
        };
        const expected = all.filter(
          (line) =>
            (!filter.source || line.source === filter.source) &&
            (!filter.level || filter.level.includes(line.level)) &&
            (!filter.minLevel ||
              LOG_LEVELS.indexOf(line.level) >= LOG_LEVELS.indexOf(filter.minLevel)) &&
            (!filter.module || line.module === filter.module) &&
            (!filter.requestPath || line.requestPath === filter.requestPath) &&
            (!filter.traceId || line.traceId === filter.traceId) &&
            (!userId || line.userId === userId) &&
            (!filter.q || line.message.toLowerCase().includes(filter.q.toLowerCase())) &&
            (filter.fromMinute === undefined ||
              line.timestamp >= minute(filter.fromMinute).replace('Z', '000Z')) &&
            (filter.toMinute === undefined ||
              line.timestamp < minute(filter.toMinute).replace('Z', '000Z')),
        );
        const got = await everyPage(query);
        expect(got.map((line) => line.id)).toEqual(expected.map((line) => line.id));
      }),
      { numRuns: 40 },
    );
  });

  it('shows other users only their own lines, and refuses to show them someone else’s', async () => {
    const mine = await everyPage({ limit: 1000 }, alice);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((line) => line.userId === alice.id)).toBe(true);
    expect(mine).toHaveLength(all.filter((line) => line.userId === alice.id).length);
    const refused = await testApp.http
      .get(LOGS)
      .query({ userId: bob.id })
      .set(alice.auth)
      .expect(403);
    expect(refused.body.details).toEqual({ userId: ['userId must be your own user ID'] });
    const bobsLine = all.find((line) => line.userId === bob.id) as Stored;
    await testApp.http.get(`${LOGS}/${bobsLine.id}`).set(alice.auth).expect(404);
    await testApp.http.get(LOGS).expect(401);
  });

  it('answers bad filters with field-level messages', async () => {
    const response = await testApp.http
      .get(LOGS)
      .query({ level: 'loud', limit: 5000, cursor: 'nope', from: 'yesterday' })
      .set(admin.auth)
      .expect(400);
    expect(Object.keys(response.body.details).sort()).toEqual(['cursor', 'from', 'level', 'limit']);
    await testApp.http.get(`${LOGS}/abc`).set(admin.auth).expect(404);
    await testApp.http.get(`${LOGS}/99999999999`).set(admin.auth).expect(404);
  });

  it('finds the lines of an error reference: the first 8 hex digits of its trace ID, any case', async () => {
    const day = '2026-11-19T08:00:00.000Z';
    const traces = [
      '4bf92f3577b34da6a3ce929d0e0e4736',
      '4bf92f35ffffffffffffffffffffffff',
      '4bf92f3600000000000000000000000a',
    ];
    await testApp.app
      .get(AppLogWriter)
      .write(
        traces.map((traceId) => record({ loggedAt: day, traceId, message: `line of ${traceId}` })),
      );
    const traceIdsFor = async (traceId: string) =>
      (await list({ traceId, from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' })).items
        .map((line) => line.traceId)
        .sort();

    expect(await traceIdsFor('4BF92F35')).toEqual(traces.slice(0, 2));
    expect(await traceIdsFor(traces[2])).toEqual([traces[2]]);
    // Not a reference: a whole value, matched as it is.
    expect(await traceIdsFor('4bf92f3')).toEqual([]);
  });

  it('shows a line with the lines around it and every line of its trace', async () => {
    const middle = all[200];
    const withTrace = all.find((line) => line.traceId === 'trace-b') as Stored;
    const one = await testApp.http.get(`${LOGS}/${middle.id}`).set(admin.auth).expect(200);
    expect(one.body).toEqual(middle);

    const context = await testApp.http
      .get(`${LOGS}/${middle.id}/context`)
      .query({ before: 5, after: 3 })
      .set(admin.auth)
      .expect(200);
    // `all` is newest first: the 5 older lines are the next ones, the 3 newer the previous.
    expect(context.body.before.map((line: Stored) => line.id)).toEqual(
      all
        .slice(201, 206)
        .reverse()
        .map((line) => line.id),
    );
    expect(context.body.after.map((line: Stored) => line.id)).toEqual(
      all
        .slice(197, 200)
        .reverse()
        .map((line) => line.id),
    );

    const traced = await testApp.http
      .get(`${LOGS}/${withTrace.id}/context`)
      .set(admin.auth)
      .expect(200);
    const traceIds = all.filter((line) => line.traceId === 'trace-b').map((line) => line.id);
    expect(traced.body.trace.map((line: Stored) => line.id).sort()).toEqual(traceIds.sort());
    expect(traced.body.before).toHaveLength(20);
  });

  it('counts by level and source, over time, and groups error messages with numbers stripped', async () => {
    const from = '2026-11-20T12:00:00.000Z';
    const to = '2026-11-20T16:01:00.000Z';
    const stats = (
      await testApp.http.get(`${LOGS}/statistics`).query({ from, to }).set(admin.auth).expect(200)
    ).body;
    expect(stats.total).toBe(400);
    for (const level of LOG_LEVELS) {
      expect(stats.byLevel[level]).toBe(all.filter((line) => line.level === level).length);
    }
    for (const source of LOG_SOURCES) {
      expect(stats.bySource[source]).toBe(all.filter((line) => line.source === source).length);
    }
    expect(stats.bucketSeconds).toBe(300);
    const volume = stats.volume.reduce(
      (sum: number, bucket: { counts: Record<string, number> }) =>
        sum + Object.values(bucket.counts).reduce((a, b) => a + b, 0),
      0,
    );
    expect(volume).toBe(400);
    const errors = all.filter((line) => line.level === 'error' || line.level === 'fatal');
    const paymentErrors = errors.filter((line) => line.message.startsWith('Payment ')).length;
    expect(stats.topErrors).toContainEqual(
      expect.objectContaining({ pattern: 'Payment <num> processed', count: paymentErrors }),
    );

    const bad = await testApp.http
      .get(`${LOGS}/statistics`)
      .query({ from: to, to: from })
      .set(admin.auth)
      .expect(400);
    expect(bad.body.details.from).toEqual(['from must be before to']);
  });

  it('answers long ranges from the hourly rollups, counting the partial hours at either end from the lines', async () => {
    // Three days from half past the first hour of the lines: hourly buckets, rollups inside.
    const from = new Date(BASE_TIME + 30 * 60_000 + 17_000);
    const to = new Date(from.getTime() + 3 * 86_400_000);
    const hour = (time: string) => Math.floor(Date.parse(time) / 3_600_000) * 3_600_000;
    for (const source of [undefined, 'frontend'] as const) {
      const stats = (
        await testApp.http
          .get(`${LOGS}/statistics`)
          .query({ from: from.toISOString(), to: to.toISOString(), ...(source ? { source } : {}) })
          .set(admin.auth)
          .expect(200)
      ).body;
      const inRange = all.filter(
        (line) =>
          Date.parse(line.timestamp) >= from.getTime() && (!source || line.source === source),
      );
      expect(stats.bucketSeconds).toBe(3600);
      expect(stats.total).toBe(inRange.length);
      for (const level of LOG_LEVELS) {
        expect(stats.byLevel[level]).toBe(inRange.filter((line) => line.level === level).length);
      }
      // Buckets start on the hour; the first one counts only what is logged from `from` on.
      expect(stats.volume[0].start).toBe(new Date(hour(from.toISOString())).toISOString());
      expect(stats.volume).toHaveLength(73);
      for (const bucket of stats.volume as { start: string; counts: Record<string, number> }[]) {
        const expected = inRange.filter(
          (line) => hour(line.timestamp) === Date.parse(bucket.start),
        );
        for (const level of LOG_LEVELS) {
          expect(bucket.counts[level]).toBe(expected.filter((line) => line.level === level).length);
        }
      }
      const errors = inRange.filter((line) => line.level === 'error' || line.level === 'fatal');
      const patterns = new Map<string, number>();
      for (const line of errors) {
        const pattern = line.message.replace(/\d+/, '<num>');
        patterns.set(pattern, (patterns.get(pattern) ?? 0) + 1);
      }
      expect(
        Object.fromEntries(
          (stats.topErrors as { pattern: string; count: number }[]).map((top) => [
            top.pattern,
            top.count,
          ]),
        ),
      ).toEqual(Object.fromEntries(patterns));
    }
  });
});
