import { statementsSentBy } from './support/statements';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/** Each budget's result per past period (issue 20), in the user's time zone and week. */
describe('GET /budgets/:id/periods', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());
  afterEach(() => jest.restoreAllMocks());

  /** The API's clock (`Date.now`) at a fixed instant; the database runs as always. */
  const setClock = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));

  async function userIn(timeZone: string, firstDayOfWeek = 1): Promise<SignedInUser> {
    const user = await registerUser(testApp, timeZone.replace(/\W/g, '-').toLowerCase());
    await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(user.auth)
      .send({ timeZone, firstDayOfWeek })
      .expect(200);
    return user;
  }

  const post = async (user: SignedInUser, path: string, body: object): Promise<{ id: string }> =>
    (await testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body).expect(201)).body;

  const budget = (user: SignedInUser, body: object) =>
    post(user, 'budgets', {
      limitCents: 10_000,
      currency: 'EUR',
      startDate: '2020-01-01',
      ...body,
    });

  const spend = (user: SignedInUser, occurredOn: string, amountCents: number, more = {}) =>
    post(user, 'transactions', {
      type: 'expense',
      amountCents,
      currency: 'EUR',
      description: 'x',
      occurredOn,
      ...more,
    });

  const periodsOf = (user: SignedInUser, id: string, query = {}) =>
    testApp.http.get(`/api/v1/budgets/${id}/periods`).set(user.auth).query(query);

  it('answers the latest periods in the user’s zone, the current first, each with its spending', async () => {
    // 30 Nov 2026 12:00 UTC is already 1 December in Auckland.
    setClock('2026-11-30T12:00:00Z');
    const user = await userIn('Pacific/Auckland');
    const food = await post(user, 'categories', { name: 'Food', kind: 'expense' });
    const monthly = await budget(user, { period: 'monthly' });
    const ofFood = await budget(user, { period: 'monthly', categoryId: food.id });
    await spend(user, '2026-10-01', 4_000, { categoryId: food.id });
    await spend(user, '2026-10-31', 7_000);
    await spend(user, '2026-11-30', 2_500, { categoryId: food.id });
    await spend(user, '2026-12-01', 500);
    // Neither another currency nor income counts.
    await spend(user, '2026-11-02', 90_000, { currency: 'USD' });
    await post(user, 'transactions', {
      type: 'income',
      amountCents: 50_000,
      currency: 'EUR',
      description: 'pay',
      occurredOn: '2026-11-03',
    });

    const { body } = await periodsOf(user, monthly.id, { count: 4 }).expect(200);
    expect(body).toEqual({
      budgetId: monthly.id,
      period: 'monthly',
      currency: 'EUR',
      limitCents: 10_000,
      periods: [
        {
          periodStart: '2026-12-01',
          periodEnd: '2026-12-31',
          current: true,
          spentCents: '500',
          remainingCents: '9500',
          percentUsed: 5,
          over: false,
        },
        {
          periodStart: '2026-11-01',
          periodEnd: '2026-11-30',
          current: false,
          spentCents: '2500',
          remainingCents: '7500',
          percentUsed: 25,
          over: false,
        },
        {
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
          current: false,
          spentCents: '11000',
          remainingCents: '-1000',
          percentUsed: 110,
          over: true,
        },
        {
          periodStart: '2026-09-01',
          periodEnd: '2026-09-30',
          current: false,
          spentCents: '0',
          remainingCents: '10000',
          percentUsed: 0,
          over: false,
        },
      ],
    });
    const foodPeriods = (await periodsOf(user, ofFood.id, { count: 3 }).expect(200)).body;
    expect(foodPeriods.periods.map((p: { spentCents: string }) => p.spentCents)).toEqual([
      '0',
      '2500',
      '4000',
    ]);
    // Six by default.
    expect((await periodsOf(user, monthly.id).expect(200)).body.periods).toHaveLength(6);
  });

  it('starts no period before the budget’s start date, and the first on it', async () => {
    setClock('2026-11-30T12:00:00Z');
    const user = await userIn('America/Los_Angeles');
    const late = await budget(user, { period: 'monthly', startDate: '2026-10-15' });
    await spend(user, '2026-10-10', 1_000);
    await spend(user, '2026-10-20', 2_000);
    const { body } = await periodsOf(user, late.id, { count: 24 }).expect(200);
    expect(
      body.periods.map((p: { periodStart: string; periodEnd: string; spentCents: string }) => [
        p.periodStart,
        p.periodEnd,
        p.spentCents,
      ]),
    ).toEqual([
      ['2026-11-01', '2026-11-30', '0'],
      ['2026-10-15', '2026-10-31', '2000'],
    ]);
    // A budget starting later is measured over its first period only.
    const future = await budget(user, { period: 'yearly', startDate: '2027-03-01' });
    const { body: ahead } = await periodsOf(user, future.id).expect(200);
    expect(ahead.periods).toEqual([
      expect.objectContaining({
        periodStart: '2027-03-01',
        periodEnd: '2027-12-31',
        current: true,
      }),
    ]);
  });

  it('follows the user’s first day of the week', async () => {
    setClock('2026-12-02T12:00:00Z'); // a Wednesday
    const user = await userIn('UTC', 7);
    const weekly = await budget(user, { period: 'weekly' });
    await spend(user, '2026-11-28', 300); // a Saturday: the week before
    await spend(user, '2026-11-29', 700); // a Sunday: this week
    const { body } = await periodsOf(user, weekly.id, { count: 2 }).expect(200);
    expect(
      body.periods.map((p: { periodStart: string; periodEnd: string; spentCents: string }) => [
        p.periodStart,
        p.periodEnd,
        p.spentCents,
      ]),
    ).toEqual([
      ['2026-11-29', '2026-12-05', '700'],
      ['2026-11-22', '2026-11-28', '300'],
    ]);
  });

  it('reads the periods and their spending in two statements, whatever the count', async () => {
    const user = await registerUser(testApp, 'statements');
    const monthly = await budget(user, { period: 'monthly' });
    const statements = await statementsSentBy(() =>
      periodsOf(user, monthly.id, { count: 24 }).expect(200),
    );
    // BEGIN, the user context, the periods, their spending, COMMIT.
    expect(statements).toHaveLength(5);
    expect(statements.filter(({ sql }) => /FROM transactions t/.test(sql))).toHaveLength(1);
  });

  it('refuses a bad count with a message on the field', async () => {
    const user = await registerUser(testApp, 'counts');
    const monthly = await budget(user, { period: 'monthly' });
    for (const count of ['0', '25', 'six', '1.5']) {
      const { body } = await periodsOf(user, monthly.id, { count }).expect(400);
      expect(Object.keys(body.details)).toEqual(['count']);
    }
    await testApp.http.get('/api/v1/budgets/not-a-uuid/periods').set(user.auth).expect(400);
  });

  it('answers 404 for another user’s or a deleted budget, and 401 without a user', async () => {
    const [ada, bob] = [await registerUser(testApp, 'ada'), await registerUser(testApp, 'bob')];
    const adas = await budget(ada, { period: 'monthly' });
    await periodsOf(bob, adas.id).expect(404);
    await testApp.http.get(`/api/v1/budgets/${adas.id}/periods`).expect(401);
    await testApp.http.delete(`/api/v1/budgets/${adas.id}`).set(ada.auth).expect(204);
    await periodsOf(ada, adas.id).expect(404);
  });
});
