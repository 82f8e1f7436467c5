import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

describe('GET /transactions/summary', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;
  let groceriesId: string;
  let salaryId: string;
  let travelId: string;

  const post = async (user: SignedInUser, path: string, body: object): Promise<{ id: string }> =>
    (await testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body).expect(201)).body;

  const summary = (user: SignedInUser, query: Record<string, string>) =>
    testApp.http.get('/api/v1/transactions/summary').set(user.auth).query(query);

  const expense = (description: string, amountCents: number, occurredOn: string, more = {}) => ({
    description,
    amountCents,
    occurredOn,
    currency: 'EUR',
    type: 'expense',
    ...more,
  });

  beforeAll(async () => {
    testApp = await createTestApp();
    [ada, bob] = await Promise.all([registerUser(testApp, 'ada'), registerUser(testApp, 'bob')]);
    groceriesId = (
      await post(ada, 'categories', { name: 'Groceries', kind: 'expense', color: '#22c55e' })
    ).id;
    salaryId = (await post(ada, 'categories', { name: 'Salary', kind: 'income' })).id;
    travelId = (await post(ada, 'categories', { name: 'Travel', kind: 'expense' })).id;

    const transactions = [
      expense('Market', 4_550, '2026-11-02', { categoryId: groceriesId }),
      expense('Bakery', 1_225, '2026-11-30', { categoryId: groceriesId }),
      expense('Parking', 800, '2026-11-10'),
      expense('Train', 9_900, '2026-11-12', { categoryId: travelId }),
      expense('Hotel', 12_000, '2026-11-13', { currency: 'USD' }),
      { ...expense('Salary', 250_000, '2026-11-25'), type: 'income', categoryId: salaryId },
      // Outside the range, on both sides.
      expense('October', 100, '2026-10-31', { categoryId: groceriesId }),
      expense('December', 100, '2026-12-01', { categoryId: groceriesId }),
    ];
    for (const transaction of transactions) await post(ada, 'transactions', transaction);
    // A deleted transaction counts for nothing; a deleted category keeps its name on old ones.
    const deleted = await post(ada, 'transactions', expense('Refunded', 5_000, '2026-11-05'));
    await testApp.http.delete(`/api/v1/transactions/${deleted.id}`).set(ada.auth).expect(204);
    await testApp.http.delete(`/api/v1/categories/${travelId}`).set(ada.auth).expect(204);
    // Another user's money in the same days never shows.
    await post(bob, 'transactions', expense('Bob', 7_000, '2026-11-02'));
  });
  afterAll(() => testApp.close());

  it('adds up one month per currency and per category, the largest first', async () => {
    const { body } = await summary(ada, { from: '2026-11-01', to: '2026-11-30' }).expect(200);
    expect(body.from).toBe('2026-11-01');
    expect(body.to).toBe('2026-11-30');
    expect(body.currencies).toEqual([
      {
        currency: 'EUR',
        incomeCents: '250000',
        spendingCents: String(4_550 + 1_225 + 800 + 9_900),
        netCents: String(250_000 - 16_475),
        count: 5,
        expenseCount: 4,
      },
      {
        currency: 'USD',
        incomeCents: '0',
        spendingCents: '12000',
        netCents: '-12000',
        count: 1,
        expenseCount: 1,
      },
    ]);
    expect(body.categories).toEqual([
      {
        type: 'income',
        currency: 'EUR',
        categoryId: salaryId,
        categoryName: 'Salary',
        color: '#64748b',
        cents: '250000',
        count: 1,
      },
      {
        type: 'expense',
        currency: 'USD',
        categoryId: null,
        categoryName: null,
        color: null,
        cents: '12000',
        count: 1,
      },
      {
        type: 'expense',
        currency: 'EUR',
        categoryId: travelId,
        categoryName: 'Travel',
        color: '#64748b',
        cents: '9900',
        count: 1,
      },
      {
        type: 'expense',
        currency: 'EUR',
        categoryId: groceriesId,
        categoryName: 'Groceries',
        color: '#22c55e',
        cents: '5775',
        count: 2,
      },
      {
        type: 'expense',
        currency: 'EUR',
        categoryId: null,
        categoryName: null,
        color: null,
        cents: '800',
        count: 1,
      },
    ]);
  });

  it('agrees with the transactions list over the same days', async () => {
    const range = { from: '2026-10-31', to: '2026-11-12' };
    const [{ body: totals }, { body: page }] = await Promise.all([
      summary(ada, range).expect(200),
      testApp.http
        .get('/api/v1/transactions')
        .set(ada.auth)
        .query({ ...range, limit: 100 })
        .expect(200),
    ]);
    const listed = page.items as { amountCents: number; currency: string; type: string }[];
    for (const currency of totals.currencies) {
      const own = listed.filter((item) => item.currency === currency.currency);
      const sum = (type: string) =>
        own
          .filter((item) => item.type === type)
          .reduce((total, item) => total + item.amountCents, 0);
      expect(currency).toMatchObject({
        count: own.length,
        incomeCents: String(sum('income')),
        spendingCents: String(sum('expense')),
      });
    }
    expect(totals.currencies.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(
      page.total,
    );
  });

  it('is empty for a user with nothing in the range', async () => {
    const { body } = await summary(bob, { from: '2026-12-01', to: '2026-12-31' }).expect(200);
    expect(body).toEqual({ from: '2026-12-01', to: '2026-12-31', currencies: [], categories: [] });
  });

  it('refuses missing, impossible and reversed dates with field messages', async () => {
    const missing = await summary(ada, {}).expect(400);
    expect(missing.body.details).toEqual({
      from: ['from must be a date written YYYY-MM-DD'],
      to: ['to must be a date written YYYY-MM-DD'],
    });
    const impossible = await summary(ada, { from: '2026-02-30', to: '2026-03-01' }).expect(400);
    expect(impossible.body.details).toEqual({ from: ['from must be a date written YYYY-MM-DD'] });
    const reversed = await summary(ada, { from: '2026-11-30', to: '2026-11-01' }).expect(400);
    expect(reversed.body.details).toEqual({ from: ['from must not be after to'] });
  });

  describe('past 2^53', () => {
    const LARGEST = 100_000_000_000_000;

    it('adds up exactly, as decimal strings, and ranks the sums exactly', async () => {
      const cleo = await registerUser(testApp, 'cleo');
      const big = await post(cleo, 'categories', { name: 'Big', kind: 'expense' });
      const spend = (amountCents: number, more = {}) =>
        post(cleo, 'transactions', expense('Spent', amountCents, '2026-11-03', more));
      // 91 × 10^14 + 1 in EUR, and 91 × 10^14 in USD: as JS numbers both sums are 9.1e15.
      for (let i = 0; i < 91; i += 1) await spend(LARGEST, { categoryId: big.id });
      await spend(1, { categoryId: big.id });
      for (let i = 0; i < 91; i += 1) await spend(LARGEST, { currency: 'USD' });

      const { body } = await summary(cleo, { from: '2026-11-01', to: '2026-11-30' }).expect(200);
      expect(body.currencies).toEqual([
        {
          currency: 'EUR',
          incomeCents: '0',
          spendingCents: '9100000000000001',
          netCents: '-9100000000000001',
          count: 92,
          expenseCount: 92,
        },
        {
          currency: 'USD',
          incomeCents: '0',
          spendingCents: '9100000000000000',
          netCents: '-9100000000000000',
          count: 91,
          expenseCount: 91,
        },
      ]);
      expect(body.categories).toEqual([
        expect.objectContaining({
          currency: 'EUR',
          categoryName: 'Big',
          cents: '9100000000000001',
        }),
        expect.objectContaining({ currency: 'USD', categoryName: null, cents: '9100000000000000' }),
      ]);
    });
  });

  it('needs a signed-in user', async () => {
    await testApp.http
      .get('/api/v1/transactions/summary')
      .query({ from: '2026-11-01', to: '2026-11-30' })
      .expect(401);
  });
});
