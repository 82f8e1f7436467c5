import { APP_ROLE, UserContext } from '../src/database/user-context';
import { RecurringBookingsJob } from '../src/modules/recurring/recurring-bookings.job';
import { addDays, todayOf } from '../src/modules/recurring/recurrence';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

describe('recurring rules (API)', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;
  let job: RecurringBookingsJob;
  const today = todayOf(new Date());
  /** Noon of the day `days` from today: what the job sees as "now" when run then. */
  const daysLater = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY_MS);

  const rent = {
    name: 'Rent',
    type: 'expense',
    amountCents: 95_000,
    currency: 'EUR',
    frequency: 'monthly',
    dayOfMonth: 1,
    startDate: '2026-01-01',
  };

  const createRule = async (user: SignedInUser, body: object) =>
    (await testApp.http.post('/api/v1/recurring').set(user.auth).send(body).expect(201)).body as {
      id: string;
      nextDueOn: string | null;
    };

  const transactionsOf = async (user: SignedInUser) =>
    (
      await testApp.http
        .get('/api/v1/transactions?limit=100&sort=occurredOn&order=asc')
        .set(user.auth)
        .expect(200)
    ).body.items as { description: string; amountCents: number; occurredOn: string }[];

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
    bob = await registerUser(testApp, 'bob');
    job = testApp.app.get(RecurringBookingsJob);
  });
  afterAll(() => testApp.close());

  it('creates, reads, lists, changes and deletes a rule', async () => {
    const created = await testApp.http
      .post('/api/v1/recurring')
      .set(ada.auth)
      .send({ ...rent, description: ' Flat rent ' })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Rent',
      description: 'Flat rent',
      type: 'expense',
      frequency: 'monthly',
      interval: 1,
      dayOfMonth: 1,
      lastDayOfMonth: false,
      paused: false,
      endDate: null,
      occurrenceCount: null,
    });
    // Created today: occurrences before today are not booked; the next is the coming 1st.
    const nextFirst = today.endsWith('-01')
      ? today
      : `${addDays(today.slice(0, 8) + '28', 4).slice(0, 8)}01`;
    expect(created.body.nextDueOn).toBe(nextFirst);

    const { id } = created.body;
    await testApp.http.get(`/api/v1/recurring/${id}`).set(ada.auth).expect(200);
    const list = await testApp.http.get('/api/v1/recurring').set(ada.auth).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(id);

    const changed = await testApp.http
      .patch(`/api/v1/recurring/${id}`)
      .set(ada.auth)
      .send({ lastDayOfMonth: true, amountCents: 99_000 })
      .expect(200);
    expect(changed.body).toMatchObject({
      dayOfMonth: null,
      lastDayOfMonth: true,
      amountCents: 99_000,
    });

    await testApp.http.delete(`/api/v1/recurring/${id}`).set(ada.auth).expect(204);
    await testApp.http.get(`/api/v1/recurring/${id}`).set(ada.auth).expect(404);
    // The owner reads the rule's history, also once it is deleted, field by field.
    const history = await testApp.http.get(`/api/v1/recurring/${id}/history`).set(ada.auth);
    expect(history.status).toBe(200);
    const items = history.body.items as {
      action: string;
      deleted: boolean;
      userId: string;
      changes: { field: string; from: unknown; to: unknown }[];
    }[];
    expect(items.map((item) => [item.action, item.deleted])).toEqual([
      ['INSERT', false],
      ['UPDATE', false],
      ['UPDATE', true],
    ]);
    expect(items.every((item) => item.userId === ada.id)).toBe(true);
    expect(items[1].changes).toEqual(
      expect.arrayContaining([{ field: 'amountCents', from: 95_000, to: 99_000 }]),
    );
    await testApp.http.get(`/api/v1/recurring/${id}/history`).set(bob.auth).expect(404);
  });

  it('refuses bad input with a plain message per field', async () => {
    const empty = await testApp.http.post('/api/v1/recurring').set(ada.auth).send({}).expect(400);
    expect(Object.keys(empty.body.details)).toEqual(
      expect.arrayContaining(['name', 'amountCents', 'currency', 'frequency', 'startDate']),
    );
    expect(empty.body.details.frequency).toEqual([
      'frequency must be daily, weekly, monthly or yearly',
    ]);

    const noDay = await testApp.http
      .post('/api/v1/recurring')
      .set(ada.auth)
      .send({ ...rent, dayOfMonth: undefined })
      .expect(400);
    expect(noDay.body.details).toEqual({
      dayOfMonth: ['a monthly rule needs dayOfMonth (1 to 28) or lastDayOfMonth'],
    });

    const day31 = await testApp.http
      .post('/api/v1/recurring')
      .set(ada.auth)
      .send({ ...rent, dayOfMonth: 31 })
      .expect(400);
    expect(day31.body.details.dayOfMonth).toEqual([
      'dayOfMonth must be a whole number from 1 to 28',
    ]);

    const ends = await testApp.http
      .post('/api/v1/recurring')
      .set(ada.auth)
      .send({ ...rent, endDate: '2025-12-31', occurrenceCount: 3 })
      .expect(400);
    expect(ends.body.details).toEqual({
      endDate: ['endDate must not be before startDate'],
      occurrenceCount: ['give either endDate or occurrenceCount, not both'],
    });

    const noType = await testApp.http
      .post('/api/v1/recurring')
      .set(ada.auth)
      .send({ ...rent, type: undefined })
      .expect(400);
    expect(noType.body.details).toEqual({
      type: ['type is required when categoryId is not given'],
    });

    const category = await testApp.http
      .post('/api/v1/categories')
      .set(ada.auth)
      .send({ name: 'Salary', kind: 'income' })
      .expect(201);
    const wrongKind = await testApp.http
      .post('/api/v1/recurring')
      .set(ada.auth)
      .send({ ...rent, categoryId: category.body.id })
      .expect(422);
    expect(wrongKind.body.details.type).toEqual(["type must be income for category 'Salary'"]);

    await testApp.http.get('/api/v1/recurring/upcoming?days=0').set(ada.auth).expect(400);
    await testApp.http.get('/api/v1/recurring/upcoming?days=367').set(ada.auth).expect(400);
    await testApp.http.get('/api/v1/recurring/not-a-uuid').set(ada.auth).expect(400);
  });

  it('lists the next 30 days, skips one occurrence, and books the others', async () => {
    const user = await registerUser(testApp, 'upcoming');
    const daily = await createRule(user, {
      name: 'Coffee',
      type: 'expense',
      amountCents: 300,
      currency: 'EUR',
      frequency: 'weekly',
      startDate: today,
    });
    const upcoming = await testApp.http
      .get('/api/v1/recurring/upcoming')
      .set(user.auth)
      .expect(200);
    expect(upcoming.body.items.map((o: { occursOn: string }) => o.occursOn)).toEqual([
      today,
      addDays(today, 7),
      addDays(today, 14),
      addDays(today, 21),
      addDays(today, 28),
    ]);

    const skipped = await testApp.http
      .post(`/api/v1/recurring/${daily.id}/skip`)
      .set(user.auth)
      .send({ occursOn: addDays(today, 7) })
      .expect(200);
    expect(skipped.body).toEqual({ ruleId: daily.id, occursOn: addDays(today, 7) });
    const again = await testApp.http
      .post(`/api/v1/recurring/${daily.id}/skip`)
      .set(user.auth)
      .send({ occursOn: addDays(today, 7) })
      .expect(409);
    expect(again.body.details).toEqual({ occursOn: ['this occurrence is already skipped'] });
    const notADay = await testApp.http
      .post(`/api/v1/recurring/${daily.id}/skip`)
      .set(user.auth)
      .send({ occursOn: addDays(today, 8) })
      .expect(422);
    expect(notADay.body.details).toEqual({
      occursOn: ['occursOn must be a day this rule falls on'],
    });

    const marked = await testApp.http
      .get('/api/v1/recurring/upcoming?days=15')
      .set(user.auth)
      .expect(200);
    expect(
      marked.body.items.map((o: { occursOn: string; skipped: boolean }) => [o.occursOn, o.skipped]),
    ).toEqual([
      [today, false],
      [addDays(today, 7), true],
      [addDays(today, 14), false],
    ]);

    expect(await job.bookDue(daysLater(14))).toBe(2);
    expect((await transactionsOf(user)).map((t) => t.occurredOn)).toEqual([
      today,
      addDays(today, 14),
    ]);
    // Booked ones leave the upcoming list; booked days cannot be skipped any more.
    const after = await testApp.http
      .get('/api/v1/recurring/upcoming?days=1')
      .set(user.auth)
      .expect(200);
    expect(after.body.items).toEqual([]);
    await testApp.http
      .post(`/api/v1/recurring/${daily.id}/skip`)
      .set(user.auth)
      .send({ occursOn: today })
      .expect(422);
  });

  it('books nothing while paused and goes on from today once resumed', async () => {
    const user = await registerUser(testApp, 'pause');
    const rule = await createRule(user, {
      name: 'Gym',
      type: 'expense',
      amountCents: 2_500,
      currency: 'EUR',
      frequency: 'daily',
      startDate: today,
    });
    const paused = await testApp.http
      .post(`/api/v1/recurring/${rule.id}/pause`)
      .set(user.auth)
      .expect(200);
    expect(paused.body.paused).toBe(true);
    expect(await job.bookDue(daysLater(3))).toBe(0);
    const upcoming = await testApp.http
      .get('/api/v1/recurring/upcoming')
      .set(user.auth)
      .expect(200);
    expect(upcoming.body.items).toEqual([]);
    const resumed = await testApp.http
      .post(`/api/v1/recurring/${rule.id}/resume`)
      .set(user.auth)
      .expect(200);
    expect(resumed.body).toMatchObject({ paused: false, nextDueOn: today });
    expect(await job.bookDue(daysLater(1))).toBe(2);
    // Gone, so the job's runs in later tests do not book it.
    await testApp.http.delete(`/api/v1/recurring/${rule.id}`).set(user.auth).expect(204);
    expect(await job.bookDue(daysLater(5))).toBe(0);
  });

  it('applies an edit to future occurrences only: booked transactions stay as they were', async () => {
    const user = await registerUser(testApp, 'edit');
    const rule = await createRule(user, {
      name: 'Lunch',
      type: 'expense',
      amountCents: 1_000,
      currency: 'EUR',
      frequency: 'daily',
      startDate: today,
    });
    expect(await job.bookDue(daysLater(2))).toBe(3);
    await testApp.http
      .patch(`/api/v1/recurring/${rule.id}`)
      .set(user.auth)
      .send({ amountCents: 1_200, description: 'Canteen' })
      .expect(200);
    expect(await job.bookDue(daysLater(4))).toBe(2);
    expect(
      (await transactionsOf(user)).map((t) => [t.occurredOn, t.amountCents, t.description]),
    ).toEqual([
      [today, 1_000, 'Lunch'],
      [addDays(today, 1), 1_000, 'Lunch'],
      [addDays(today, 2), 1_000, 'Lunch'],
      [addDays(today, 3), 1_200, 'Canteen'],
      [addDays(today, 4), 1_200, 'Canteen'],
    ]);
  });

  it("hides another user's rules: reads, changes, pauses, skips and lists answer as if they did not exist", async () => {
    const rule = await createRule(ada, {
      ...rent,
      name: 'Ada rent',
      frequency: 'daily',
      dayOfMonth: undefined,
      startDate: today,
    });
    const base = `/api/v1/recurring/${rule.id}`;
    await testApp.http.get(base).set(bob.auth).expect(404);
    await testApp.http.patch(base).set(bob.auth).send({ amountCents: 1 }).expect(404);
    await testApp.http.post(`${base}/pause`).set(bob.auth).expect(404);
    await testApp.http.post(`${base}/resume`).set(bob.auth).expect(404);
    await testApp.http.post(`${base}/skip`).set(bob.auth).send({ occursOn: today }).expect(404);
    await testApp.http.delete(base).set(bob.auth).expect(404);
    const list = await testApp.http.get('/api/v1/recurring').set(bob.auth).expect(200);
    expect(list.body.total).toBe(0);
    const upcoming = await testApp.http.get('/api/v1/recurring/upcoming').set(bob.auth).expect(200);
    expect(upcoming.body.items).toEqual([]);
    const mine = await testApp.http.get(base).set(ada.auth).expect(200);
    expect(mine.body.amountCents).toBe(95_000);
    expect(mine.body.paused).toBe(false);

    // In the database itself: the application role sees and writes only the caller's rows.
    const userContext = testApp.app.get(UserContext);
    expect(
      await userContext.runAs(bob.id, (manager) =>
        manager.query(
          'SELECT id FROM recurring_rules UNION ALL SELECT id FROM recurring_occurrences',
        ),
      ),
    ).toEqual([]);
    await expect(
      userContext.runAs(bob.id, (manager) =>
        manager.query(
          `INSERT INTO recurring_occurrences (user_id, rule_id, occurs_on, status) VALUES ($1, $2, $3, 'skipped')`,
          [ada.id, rule.id, today],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      userContext.runAs(ada.id, (manager) =>
        manager.query('DELETE FROM recurring_rules WHERE id = $1', [rule.id]),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('never leaks the user context to the next request on a pooled connection', async () => {
    const users = [
      await registerUser(testApp, 'p1'),
      await registerUser(testApp, 'p2'),
      await registerUser(testApp, 'p3'),
    ];
    for (const user of users) {
      await createRule(user, { ...rent, name: `mine:${user.id}` });
    }
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => users[i % users.length]).map(async (user) => {
        const response = await testApp.http.get('/api/v1/recurring').set(user.auth).expect(200);
        return {
          user,
          names: response.body.items.map((r: { name: string }) => r.name) as string[],
        };
      }),
    );
    for (const { user, names } of answers) expect(names).toEqual([`mine:${user.id}`]);
    const settings = await Promise.all(
      Array.from({ length: 10 }, () =>
        testApp.dataSource.query(
          `SELECT coalesce(current_setting('app.current_user_id', true), '') AS user_id, current_user AS role`,
        ),
      ),
    );
    for (const [setting] of settings) {
      expect(setting.user_id).toBe('');
      expect(setting.role).not.toBe(APP_ROLE);
    }
  });
});
