import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/** What the transactions page's filters need besides the list: its categories and its totals. */
describe('transaction filter aids', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;

  const post = async (user: SignedInUser, path: string, body: object): Promise<{ id: string }> =>
    (await testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body).expect(201)).body;
  const remove = (user: SignedInUser, path: string) =>
    testApp.http.delete(`/api/v1/${path}`).set(user.auth).expect(204);

  const spend = (description: string, amountCents: number, more: object = {}) => ({
    description,
    amountCents,
    currency: 'EUR',
    occurredOn: '2026-11-10',
    type: 'expense',
    ...more,
  });

  beforeAll(async () => {
    testApp = await createTestApp();
    [ada, bob] = await Promise.all([registerUser(testApp, 'ada'), registerUser(testApp, 'bob')]);
  });
  afterAll(() => testApp.close());

  describe('GET /transactions/categories', () => {
    const inUse = (user: SignedInUser) =>
      testApp.http.get('/api/v1/transactions/categories').set(user.auth).expect(200);

    it('lists the categories transactions use, deleted ones included and marked', async () => {
      const travel = await post(ada, 'categories', { name: 'Travel', kind: 'expense' });
      const food = await post(ada, 'categories', { name: 'Food', kind: 'expense' });
      const unused = await post(ada, 'categories', { name: 'Unused', kind: 'expense' });
      const gone = await post(ada, 'categories', { name: 'Gone', kind: 'expense' });
      const salary = await post(ada, 'categories', { name: 'Salary', kind: 'income' });
      await post(ada, 'transactions', spend('Train', 9_900, { categoryId: travel.id }));
      await post(ada, 'transactions', spend('Bread', 300, { categoryId: food.id }));
      await post(
        ada,
        'transactions',
        spend('Pay', 100_000, { categoryId: salary.id, type: 'income' }),
      );
      // Used only by a deleted transaction: nothing uses it any more.
      const refunded = await post(
        ada,
        'transactions',
        spend('Refund', 500, { categoryId: gone.id }),
      );
      await remove(ada, `transactions/${refunded.id}`);
      for (const category of [travel, unused, gone]) await remove(ada, `categories/${category.id}`);

      const { body } = await inUse(ada);
      expect(
        body.items.map(({ name, kind, deletedAt }: Record<string, string | null>) => ({
          name,
          kind,
          deleted: deletedAt !== null,
        })),
      ).toEqual([
        { name: 'Food', kind: 'expense', deleted: false },
        { name: 'Travel', kind: 'expense', deleted: true },
        { name: 'Salary', kind: 'income', deleted: false },
      ]);
      const travelInUse = body.items.find((item: { id: string }) => item.id === travel.id);
      expect(new Date(travelInUse.deletedAt).getTime()).not.toBeNaN();

      // The deleted category still filters the list.
      const { body: page } = await testApp.http
        .get('/api/v1/transactions')
        .set(ada.auth)
        .query({ categoryId: travel.id })
        .expect(200);
      expect(page.items.map((item: { description: string }) => item.description)).toEqual([
        'Train',
      ]);
    });

    it('shows each user only their own', async () => {
      const bobs = await post(bob, 'categories', { name: 'Bob’s', kind: 'expense' });
      await post(bob, 'transactions', spend('Bob', 100, { categoryId: bobs.id }));
      await remove(bob, `categories/${bobs.id}`);
      const { body } = await inUse(ada);
      expect(body.items.map((item: { name: string }) => item.name)).not.toContain('Bob’s');
      expect((await inUse(bob)).body.items.map((item: { name: string }) => item.name)).toEqual([
        'Bob’s',
      ]);
    });
  });

  describe('GET /transactions/totals', () => {
    let carol: SignedInUser;
    const totals = (query: Record<string, string | number>) =>
      testApp.http.get('/api/v1/transactions/totals').set(carol.auth).query(query);

    beforeAll(async () => {
      carol = await registerUser(testApp, 'carol');
      const rent = await post(carol, 'categories', { name: 'Rent', kind: 'expense' });
      await post(carol, 'transactions', spend('Rent November', 90_000, { categoryId: rent.id }));
      await post(carol, 'transactions', spend('Coffee beans', 1_250));
      await post(carol, 'transactions', spend('Coffee shop', 350, { occurredOn: '2026-10-01' }));
      await post(carol, 'transactions', spend('Coffee in New York', 500, { currency: 'USD' }));
      await post(carol, 'transactions', {
        ...spend('Coffee refund', 200),
        type: 'income',
      });
      const deleted = await post(carol, 'transactions', spend('Coffee deleted', 9_999));
      await remove(carol, `transactions/${deleted.id}`);
      await post(bob, 'transactions', spend('Coffee of Bob', 4_000));
    });

    it('adds up every matching transaction per currency, never across currencies', async () => {
      const { body } = await totals({ q: 'coffee' }).expect(200);
      expect(body.currencies).toEqual([
        {
          currency: 'EUR',
          incomeCents: '200',
          spendingCents: '1600',
          netCents: '-1400',
          count: 3,
          expenseCount: 2,
        },
        {
          currency: 'USD',
          incomeCents: '0',
          spendingCents: '500',
          netCents: '-500',
          count: 1,
          expenseCount: 1,
        },
      ]);
    });

    it('takes the same filters as the list and agrees with it', async () => {
      const filters = { q: 'coffee', from: '2026-11-01', type: 'expense', minAmountCents: 400 };
      const [{ body: sums }, { body: page }] = await Promise.all([
        totals(filters).expect(200),
        testApp.http.get('/api/v1/transactions').set(carol.auth).query(filters).expect(200),
      ]);
      expect(page.items.map((item: { description: string }) => item.description).sort()).toEqual([
        'Coffee beans',
        'Coffee in New York',
      ]);
      expect(
        sums.currencies.map(({ currency, spendingCents }: Record<string, string>) => [
          currency,
          spendingCents,
        ]),
      ).toEqual([
        ['EUR', '1250'],
        ['USD', '500'],
      ]);
      expect((await totals({ q: 'nothing like it' }).expect(200)).body).toEqual({
        currencies: [],
      });
    });

    it('refuses what the list refuses', async () => {
      const { body } = await totals({ minAmountCents: 500, maxAmountCents: 100 }).expect(422);
      expect(body.details).toHaveProperty('minAmountCents');
      await totals({ type: 'refund' }).expect(400);
    });
  });
});
