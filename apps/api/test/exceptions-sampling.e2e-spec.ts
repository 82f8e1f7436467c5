import { randomUUID } from 'node:crypto';
import { AppRedactor } from '../src/common/redaction/app-redactor';
import { ExceptionCapture } from '../src/modules/exceptions/capture/exception-capture';
import { occurrenceOf } from '../src/modules/exceptions/capture/occurrence';
import { ExceptionOccurrenceWriter } from '../src/modules/exceptions/storage/exception-occurrence.writer';
import { eventually } from './support/eventually';
import { EXCEPTIONS, groupsTitled, groupWithCount } from './support/exception-groups';
import { ADMIN_ENV, createTestApp, signInAdmin, SignedInUser, TestApp } from './support/test-app';

const BATCH = '/api/v1/logging/logs/batch';
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The start of the minute `minutesAgo` minutes before now. */
function minuteStart(minutesAgo: number): number {
  return Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - minutesAgo * MINUTE_MS;
}

describe('flood sampling (EXCEPTION_SAMPLE_PER_MINUTE=3)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp({
      ...ADMIN_ENV,
      EXCEPTION_SAMPLE_PER_MINUTE: '3',
      LOG_INGEST_RATE_LIMIT: '1000',
    });
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  const storedPerMinute = async (groupId: string) =>
    testApp.dataSource.query(
      `SELECT date_trunc('minute', occurred_at) AS minute, count(*)::int AS stored
       FROM app_exceptions WHERE group_id = $1 GROUP BY 1 ORDER BY 1`,
      [groupId],
    );

  it('keeps the exact count of a browser flood but stores only 3 occurrences per minute', async () => {
    const firstMinute = minuteStart(10);
    const secondMinute = minuteStart(9);
    const entry = (time: number) => ({
      clientId: randomUUID(),
      timestamp: new Date(time).toISOString(),
      level: 'error',
      message: `Flood ${randomUUID()} of the chart widget`,
    });
    // 20 in one batch, then 40 more in four batches sent at once, in the next minute.
    await testApp.http
      .post(BATCH)
      .send({ entries: Array.from({ length: 20 }, (_, i) => entry(firstMinute + i * 1000)) })
      .expect(200);
    await Promise.all(
      Array.from({ length: 4 }, (_, batch) =>
        testApp.http
          .post(BATCH)
          .send({
            entries: Array.from({ length: 10 }, (_, i) =>
              entry(secondMinute + (batch * 10 + i) * 500),
            ),
          })
          .expect(200),
      ),
    );
    const [group] = await groupsTitled(testApp, admin, 'of the chart widget');
    await groupWithCount(testApp, admin, group.id, 60);
    expect(await storedPerMinute(group.id)).toEqual([
      { minute: new Date(firstMinute), stored: 3 },
      { minute: new Date(secondMinute), stored: 3 },
    ]);
    const counts = await testApp.dataSource.query(
      `SELECT bucket_start AS "bucketStart", count::int FROM exception_counts
       WHERE group_id = $1 ORDER BY 1`,
      [group.id],
    );
    expect(counts).toEqual([
      { bucketStart: new Date(firstMinute), count: 20 },
      { bucketStart: new Date(secondMinute), count: 40 },
    ]);
    const detail = await testApp.http
      .get(`${EXCEPTIONS}/${group.id}`)
      .query({ from: new Date(firstMinute - HOUR_MS).toISOString() })
      .set(admin.auth)
      .expect(200);
    expect(detail.body.storedOccurrences).toBe(6);
    expect(detail.body.hourly.total).toBe(60);
  });

  it('stays exact when writers race for one group and minute (as several instances would)', async () => {
    const writer = testApp.app.get(ExceptionOccurrenceWriter);
    const minute = minuteStart(3);
    const occurrence = (i: number) =>
      occurrenceOf(
        { error: new Error(`Ledger sync ${i} lost its lock`), origin: 'test' },
        { redactor: testApp.app.get(AppRedactor), now: new Date(minute + i * 100) },
      );
    // Five writers at once, five occurrences each, none of them knowing the group yet.
    const outcomes = (
      await Promise.all(
        Array.from({ length: 5 }, (_, w) =>
          writer.write(Array.from({ length: 5 }, (_, i) => occurrence(w * 5 + i))),
        ),
      )
    ).flat();
    expect(outcomes.filter((outcome) => outcome.inserted)).toHaveLength(1);
    expect(Math.max(...outcomes.map((outcome) => outcome.count))).toBe(25);
    const [group] = await groupsTitled(testApp, admin, 'lost its lock');
    expect(group.count).toBe(25);
    expect(await storedPerMinute(group.id)).toEqual([{ minute: new Date(minute), stored: 3 }]);
  });
});

describe('exception patterns', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  /** The window: six whole hours ending at the last full hour. */
  const to = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const from = to - 6 * HOUR_MS;

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    admin = await signInAdmin(testApp);
    const capture = testApp.app.get(ExceptionCapture);
    const at = (time: number, error: Error) =>
      capture.capture({ error, origin: 'test', occurredAt: new Date(time) });
    // alpha: 2 in the previous window, 2 + 2 in this one; beta: 3 in this one only;
    // gamma: 5 in the previous window only.
    for (let i = 0; i < 2; i++) at(from - HOUR_MS + i, new TypeError(`alpha ${i} failed`));
    for (let i = 0; i < 2; i++)
      at(from + 10 * MINUTE_MS + 30_000 + i, new TypeError(`alpha ${i} failed`));
    for (let i = 0; i < 2; i++) at(from + 2 * HOUR_MS + i, new TypeError(`alpha ${i} failed`));
    for (let i = 0; i < 3; i++)
      at(from + 12 * MINUTE_MS + i, new RangeError(`beta ${i} out of range`));
    for (let i = 0; i < 5; i++) at(from - 2 * HOUR_MS + i, new TypeError(`gamma ${i} is gone`));
    await eventually(async () => {
      const [{ total }] = await testApp.dataSource.query(
        `SELECT sum(count)::int AS total FROM exception_groups`,
      );
      expect(total).toBe(14);
    });
  });
  afterAll(() => testApp.close());

  it('counts by bucket, by type and by group, against the previous window', async () => {
    const response = await testApp.http
      .get(`${EXCEPTIONS}/patterns`)
      .query({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })
      .set(admin.auth)
      .expect(200);
    const patterns = response.body;
    expect(patterns).toMatchObject({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      bucketSeconds: 300,
      trend: { count: 7, previousCount: 7, changePercent: 0 },
      newGroups: 1,
    });
    expect(patterns.bucketStarts).toHaveLength(72);
    expect(patterns.bucketStarts[0]).toBe(new Date(from).toISOString());
    const expected = Array(72).fill(0);
    expected[2] = 5; // 2 alpha + 3 beta, 10–15 minutes in
    expected[24] = 2; // 2 alpha, two hours in
    expect(patterns.buckets).toEqual(expected);
    expect(patterns.byType).toEqual([
      {
        type: 'TypeError',
        count: 4,
        previousCount: 7,
        changePercent: -42.9,
        buckets: expected.map((count, index) => (index === 2 ? 2 : count)),
      },
      {
        type: 'RangeError',
        count: 3,
        previousCount: 0,
        changePercent: null,
        buckets: expected.map((_, index) => (index === 2 ? 3 : 0)),
      },
    ]);
    expect(patterns.topGroups).toEqual([
      expect.objectContaining({
        title: 'TypeError: alpha <num> failed',
        type: 'TypeError',
        source: 'backend',
        status: 'unresolved',
        count: 4,
        previousCount: 2,
        changePercent: 100,
        buckets: expected.map((count, index) => (index === 2 ? 2 : count)),
      }),
      expect.objectContaining({
        title: 'RangeError: beta <num> out of range',
        count: 3,
        previousCount: 0,
        changePercent: null,
      }),
    ]);
  });

  it('defaults to the last 24 hours and refuses a range the wrong way round or too long', async () => {
    const recent = await testApp.http.get(`${EXCEPTIONS}/patterns`).set(admin.auth).expect(200);
    expect(recent.body.bucketSeconds).toBe(900);
    expect(new Date(recent.body.to).getTime() - new Date(recent.body.from).getTime()).toBe(
      86_400_000,
    );
    const backwards = await testApp.http
      .get(`${EXCEPTIONS}/patterns`)
      .query({ from: new Date(to).toISOString(), to: new Date(from).toISOString() })
      .set(admin.auth)
      .expect(400);
    expect(backwards.body.details).toEqual({ from: ['from must be before to'] });
    await testApp.http
      .get(`${EXCEPTIONS}/patterns`)
      .query({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
      .set(admin.auth)
      .expect(400);
  });
});
