import fc from 'fast-check';
import { RecurringBookingsJob } from '../src/modules/recurring/recurring-bookings.job';
import {
  addDays,
  occurrencesBetween,
  Schedule,
  todayOf,
} from '../src/modules/recurring/recurrence';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** What the database holds for a rule: its occurrence records and the transactions they booked. */
interface Booked {
  occursOn: string;
  status: string;
  occurredOn: string | null;
}

describe('recurring bookings (the job, on PostgreSQL)', () => {
  let testApp: TestApp;
  let user: SignedInUser;
  let job: RecurringBookingsJob;
  const today = todayOf(new Date());
  /** A moment on the day `days` from today, `hour` hours into it. */
  const daysLater = (days: number, hour = 12) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS + hour * 3_600_000);

  const createRule = async (body: object): Promise<Schedule & { id: string }> =>
    (await testApp.http.post('/api/v1/recurring').set(user.auth).send(body).expect(201)).body;

  const bookedFor = async (ruleId: string): Promise<Booked[]> =>
    testApp.dataSource.query(
      `SELECT to_char(o.occurs_on, 'YYYY-MM-DD') AS "occursOn", o.status,
              to_char(t.occurred_on, 'YYYY-MM-DD') AS "occurredOn"
       FROM recurring_occurrences o LEFT JOIN transactions t ON t.id = o.transaction_id
       WHERE o.rule_id = $1 ORDER BY o.occurs_on`,
      [ruleId],
    );

  const removeRule = (id: string) =>
    testApp.http.delete(`/api/v1/recurring/${id}`).set(user.auth).expect(204);

  beforeAll(async () => {
    testApp = await createTestApp();
    user = await registerUser(testApp, 'bookings');
    job = testApp.app.get(RecurringBookingsJob);
  });
  afterAll(() => testApp.close());

  const daily = {
    name: 'Daily',
    type: 'expense',
    amountCents: 100,
    currency: 'EUR',
    frequency: 'daily',
  };

  it('books each occurrence once when run twice, and every missed one after a gap', async () => {
    const rule = await createRule({ ...daily, startDate: today });
    expect(await job.bookDue(daysLater(0))).toBe(1);
    expect(await job.bookDue(daysLater(0, 20))).toBe(0);
    // Ten days without a run: the next run books the ten missed occurrences, each once.
    expect(await job.bookDue(daysLater(10))).toBe(10);
    expect(await job.bookDue(daysLater(10))).toBe(0);
    const booked = await bookedFor(rule.id);
    const days = Array.from({ length: 11 }, (_, i) => addDays(today, i));
    expect(booked).toEqual(
      days.map((day) => ({ occursOn: day, status: 'created', occurredOn: day })),
    );
    // And the database itself refuses a second record of a day, whoever writes it.
    await expect(
      testApp.dataSource.query(
        `INSERT INTO recurring_occurrences (user_id, rule_id, occurs_on, status)
         VALUES ($1, $2, $3, 'skipped')`,
        [user.id, rule.id, today],
      ),
    ).rejects.toThrow(/uq_recurring_occurrences_rule_day/);
    await removeRule(rule.id);
  });

  it('books each occurrence once when runs overlap, with or without the cluster lock', async () => {
    const rules = await Promise.all(
      ['A', 'B', 'C'].map((name) => createRule({ ...daily, name, startDate: today })),
    );
    // Past the cluster lock: runs race on the rules themselves.
    const counts = await Promise.all(Array.from({ length: 4 }, () => job.bookDue(daysLater(5))));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(3 * 6);
    // Through @ClusterCron: two instances' calls at once; each occurrence still once.
    const outcomes = await Promise.all([job.bookHourly(), job.bookHourly()]);
    expect(outcomes).toContain('succeeded');
    for (const rule of rules) {
      const booked = await bookedFor(rule.id);
      expect(booked.map((b) => b.occursOn)).toEqual(
        Array.from({ length: 6 }, (_, i) => addDays(today, i)),
      );
      expect(booked.every((b) => b.occurredOn === b.occursOn)).toBe(true);
      await removeRule(rule.id);
    }
  });

  it("checks a booked expense against the owner's budgets, as a typed-in one", async () => {
    const owner = await registerUser(testApp, 'budgeted');
    await testApp.http
      .post('/api/v1/budgets')
      .set(owner.auth)
      .send({ period: 'monthly', limitCents: 1_000, currency: 'EUR', startDate: '2026-01-01' })
      .expect(201);
    const rule = await testApp.http
      .post('/api/v1/recurring')
      .set(owner.auth)
      .send({ ...daily, amountCents: 1_000, startDate: today })
      .expect(201);
    expect(await job.bookDue(daysLater(0))).toBe(1);
    const alerts = await testApp.http.get('/api/v1/budgets/alerts').set(owner.auth).expect(200);
    expect(alerts.body.items.map((a: { thresholdPercent: number }) => a.thresholdPercent)).toEqual([
      100, 80,
    ]);
    await testApp.http.delete(`/api/v1/recurring/${rule.body.id}`).set(owner.auth).expect(204);
  });

  it('for random rules and random job run times, every occurrence in the range exists exactly once (property)', async () => {
    const rules = fc.record({
      frequency: fc.constantFrom('daily', 'weekly', 'monthly', 'yearly'),
      interval: fc.integer({ min: 1, max: 3 }),
      startIn: fc.integer({ min: 0, max: 40 }),
      monthDay: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant('last' as const)),
      count: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    });
    // Runs: days from today (ascending), some at the same time as another run.
    const runs = fc.array(
      fc.record({ gap: fc.integer({ min: 0, max: 90 }), alongside: fc.boolean() }),
      { minLength: 1, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(rules, runs, async (drawn, drawnRuns) => {
        const monthly = drawn.frequency === 'monthly';
        const rule = await createRule({
          ...daily,
          frequency: drawn.frequency,
          interval: drawn.interval,
          startDate: addDays(today, drawn.startIn),
          occurrenceCount: drawn.count,
          ...(monthly && drawn.monthDay === 'last' ? { lastDayOfMonth: true } : {}),
          ...(monthly && drawn.monthDay !== 'last' ? { dayOfMonth: drawn.monthDay } : {}),
        });
        let day = 0;
        for (const { gap, alongside } of drawnRuns) {
          day += gap;
          const hour = (day * 7) % 24;
          await Promise.all(
            (alongside ? [0, 1] : [0]).map(() => job.bookDue(daysLater(day, hour))),
          );
        }
        const expected = occurrencesBetween(rule, today, addDays(today, day));
        const booked = await bookedFor(rule.id);
        expect(booked.map((b) => b.occursOn)).toEqual(expected);
        expect(booked.every((b) => b.status === 'created' && b.occurredOn === b.occursOn)).toBe(
          true,
        );
        await removeRule(rule.id);
      }),
      { numRuns: 25 },
    );
  });
});
