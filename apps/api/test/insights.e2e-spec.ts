import { APP_ROLE, UserContext } from '../src/database/user-context';
import { statementsSentBy } from './support/statements';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/** The dashboard over time (issue 20): months and categories, per currency, in the user's zone. */
describe('GET /insights', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;
  let groceriesId: string;
  let travelId: string;

  const post = async (user: SignedInUser, path: string, body: object): Promise<{ id: string }> =>
    (await testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body).expect(201)).body;

  const get = (user: SignedInUser, route: 'months' | 'categories', query = {}) =>
    testApp.http.get(`/api/v1/insights/${route}`).set(user.auth).query(query);

  const money = (
    type: 'expense' | 'income',
    amountCents: number,
    occurredOn: string,
    more = {},
  ) => ({
    type,
    amountCents,
    occurredOn,
    currency: 'EUR',
    description: `${type} ${occurredOn}`,
    ...more,
  });

  /** The API's clock (`Date.now`) at a fixed instant; the database runs as always. */
  const setClock = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));

  async function userIn(timeZone: string): Promise<SignedInUser> {
    const user = await registerUser(testApp, timeZone.replace(/\W/g, '-').toLowerCase());
    await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(user.auth)
      .send({ timeZone })
      .expect(200);
    return user;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    [ada, bob] = await Promise.all([registerUser(testApp, 'ada'), registerUser(testApp, 'bob')]);
    groceriesId = (
      await post(ada, 'categories', { name: 'Groceries', kind: 'expense', color: '#22c55e' })
    ).id;
    travelId = (
      await post(ada, 'categories', { name: 'Travel', kind: 'expense', color: '#0ea5e9' })
    ).id;
    const transactions = [
      money('income', 250_000, '2026-09-25'),
      money('expense', 4_550, '2026-09-02', { categoryId: groceriesId }),
      money('expense', 1_225, '2026-09-30', { categoryId: groceriesId }),
      money('expense', 9_900, '2026-09-12', { categoryId: travelId }),
      money('expense', 800, '2026-11-10'),
      money('expense', 12_000, '2026-11-13', { currency: 'USD', categoryId: travelId }),
      money('income', 3_000, '2026-11-14', { currency: 'USD' }),
      money('expense', 100, '2026-11-30', { categoryId: groceriesId }),
      // Outside the range asked for below, on both sides.
      money('expense', 7, '2026-08-31', { categoryId: groceriesId }),
      money('expense', 7, '2026-12-01', { categoryId: groceriesId }),
    ];
    for (const transaction of transactions) await post(ada, 'transactions', transaction);
    const deleted = await post(ada, 'transactions', money('expense', 5_000, '2026-09-05'));
    await testApp.http.delete(`/api/v1/transactions/${deleted.id}`).set(ada.auth).expect(204);
    await testApp.http.delete(`/api/v1/categories/${travelId}`).set(ada.auth).expect(204);
    await post(bob, 'transactions', money('expense', 70_000, '2026-09-02'));
  });
  afterAll(() => testApp.close());
  afterEach(() => jest.restoreAllMocks());

  const range = { from: '2026-09', to: '2026-11' };

  describe('months', () => {
    it('sums income and spending per currency and month, never across currencies; empty months are zero', async () => {
      const { body } = await get(ada, 'months', range).expect(200);
      const zero = {
        incomeCents: '0',
        spendingCents: '0',
        netCents: '0',
        incomeCount: 0,
        expenseCount: 0,
      };
      expect(body).toEqual({
        from: '2026-09',
        to: '2026-11',
        currencies: [
          {
            currency: 'EUR',
            months: [
              {
                month: '2026-09',
                incomeCents: '250000',
                spendingCents: String(4_550 + 1_225 + 9_900),
                netCents: String(250_000 - 15_675),
                incomeCount: 1,
                expenseCount: 3,
              },
              { month: '2026-10', ...zero },
              {
                month: '2026-11',
                incomeCents: '0',
                spendingCents: '900',
                netCents: '-900',
                incomeCount: 0,
                expenseCount: 2,
              },
            ],
          },
          {
            currency: 'USD',
            months: [
              { month: '2026-09', ...zero },
              { month: '2026-10', ...zero },
              {
                month: '2026-11',
                incomeCents: '3000',
                spendingCents: '12000',
                netCents: '-9000',
                incomeCount: 1,
                expenseCount: 1,
              },
            ],
          },
        ],
      });
    });

    it('answers no currency at all for a range without transactions', async () => {
      const { body } = await get(ada, 'months', { from: '2020-01', to: '2020-03' }).expect(200);
      expect(body).toEqual({ from: '2020-01', to: '2020-03', currencies: [] });
    });

    it('counts transfers between accounts as neither income nor spending', async () => {
      const user = await registerUser(testApp, 'transfers');
      await post(user, 'transactions', money('expense', 1_000, '2026-10-03'));
      const account = (name: string) =>
        post(user, 'accounts', { name, kind: 'checking', currency: 'EUR' });
      const [checking, savings] = [await account('Checking'), await account('Savings')];
      await post(user, 'transfers', {
        fromAccountId: checking.id,
        toAccountId: savings.id,
        amountCents: 50_000,
        occurredOn: '2026-10-04',
      });
      const months = await get(user, 'months', { from: '2026-10', to: '2026-10' }).expect(200);
      expect(months.body.currencies).toEqual([
        {
          currency: 'EUR',
          months: [
            {
              month: '2026-10',
              incomeCents: '0',
              spendingCents: '1000',
              netCents: '-1000',
              incomeCount: 0,
              expenseCount: 1,
            },
          ],
        },
      ]);
      const categories = await get(user, 'categories', { from: '2026-10', to: '2026-10' });
      expect(categories.body.currencies[0].categories).toEqual([
        expect.objectContaining({ categoryId: null, totalCents: '1000' }),
      ]);
    });

    it('answers the twelve months up to this month in the user’s time zone by default', async () => {
      // 30 Nov 2026 12:00 UTC: already 1 Dec in Auckland (UTC+13), still 30 Nov in L.A. (UTC−8).
      setClock('2026-11-30T12:00:00Z');
      const auckland = await userIn('Pacific/Auckland');
      const losAngeles = await userIn('America/Los_Angeles');
      for (const user of [auckland, losAngeles]) {
        await post(user, 'transactions', money('expense', 300, '2026-11-30'));
        await post(user, 'transactions', money('expense', 500, '2026-12-01'));
      }
      const inAuckland = (await get(auckland, 'months').expect(200)).body;
      expect(inAuckland).toMatchObject({ from: '2026-01', to: '2026-12' });
      expect(inAuckland.currencies[0].months).toHaveLength(12);
      expect(inAuckland.currencies[0].months.slice(-2)).toEqual([
        expect.objectContaining({ month: '2026-11', spendingCents: '300' }),
        expect.objectContaining({ month: '2026-12', spendingCents: '500' }),
      ]);
      const inLosAngeles = (await get(losAngeles, 'months').expect(200)).body;
      expect(inLosAngeles).toMatchObject({ from: '2025-12', to: '2026-11' });
      expect(inLosAngeles.currencies[0].months.at(-1)).toMatchObject({
        month: '2026-11',
        spendingCents: '300',
      });
      // Only `from` or only `to`: the other end follows.
      expect((await get(auckland, 'months', { from: '2026-10' }).expect(200)).body).toMatchObject({
        from: '2026-10',
        to: '2026-12',
      });
      expect((await get(auckland, 'months', { to: '2026-03' }).expect(200)).body).toMatchObject({
        from: '2025-04',
        to: '2026-03',
      });
    });
  });

  describe('categories', () => {
    it('sums spending per currency, category and month, deleted categories keeping their name', async () => {
      const { body } = await get(ada, 'categories', range).expect(200);
      const months = (cents: [string, string, string]) =>
        ['2026-09', '2026-10', '2026-11'].map((month, i) => ({
          month,
          cents: cents[i],
          count: cents[i] === '0' ? 0 : cents[i] === '5775' ? 2 : 1,
        }));
      expect(body).toEqual({
        from: '2026-09',
        to: '2026-11',
        currencies: [
          {
            currency: 'EUR',
            categories: [
              {
                categoryId: travelId,
                categoryName: 'Travel',
                color: '#0ea5e9',
                totalCents: '9900',
                months: months(['9900', '0', '0']),
              },
              {
                categoryId: groceriesId,
                categoryName: 'Groceries',
                color: '#22c55e',
                totalCents: '5875',
                months: months(['5775', '0', '100']),
              },
              {
                categoryId: null,
                categoryName: null,
                color: null,
                totalCents: '800',
                months: months(['0', '0', '800']),
              },
            ],
          },
          {
            currency: 'USD',
            categories: [
              {
                categoryId: travelId,
                categoryName: 'Travel',
                color: '#0ea5e9',
                totalCents: '12000',
                months: months(['0', '0', '12000']),
              },
            ],
          },
        ],
      });
    });
  });

  describe('input', () => {
    it.each([
      [{ from: '2026-13' }, 'from', 'from must be a month written YYYY-MM, such as 2026-11'],
      [{ to: '2026-1' }, 'to', 'to must be a month written YYYY-MM, such as 2026-11'],
      [{ from: '2026-11-01' }, 'from', 'from must be a month written YYYY-MM, such as 2026-11'],
      [{ from: '2026-11', to: '2026-10' }, 'from', 'from must not be after to'],
      [{ from: '2021-11', to: '2026-11' }, 'from', 'from must be at most 59 months before to'],
      [{ from: '9999-12' }, 'from', 'from must not be after the current month'],
      [{ month: '2026-11' }, 'month', 'property month should not exist'],
    ])('refuses %j with a message on the field', async (query, field, message) => {
      for (const route of ['months', 'categories'] as const) {
        const { body } = await get(ada, route, query).expect(400);
        expect(body.details[field]).toEqual([message]);
      }
    });

    it('accepts sixty months', async () => {
      const { body } = await get(ada, 'months', { from: '2021-12', to: '2026-11' }).expect(200);
      expect(body.currencies[0].months).toHaveLength(60);
    });

    it('needs a signed-in user', async () => {
      await testApp.http.get('/api/v1/insights/months').expect(401);
      await testApp.http.get('/api/v1/insights/categories').expect(401);
    });
  });

  describe('isolation and cost', () => {
    it('sees only the caller’s transactions, on pooled connections too', async () => {
      const users = await Promise.all(
        ['p1', 'p2', 'p3'].map((name) => registerUser(testApp, name)),
      );
      for (const [i, user] of users.entries()) {
        await post(user, 'transactions', money('expense', 100 * (i + 1), '2026-10-10'));
      }
      // Both routes, interleaved, over the pool's connections.
      const answers = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const user = users[i % users.length];
          const october = { from: '2026-10', to: '2026-10' };
          if (i % 2 === 0) {
            const { body } = await get(user, 'months', october).expect(200);
            return {
              user,
              currencies: body.currencies.length,
              spent: body.currencies[0].months[0].spendingCents,
            };
          }
          const { body } = await get(user, 'categories', october).expect(200);
          return {
            user,
            currencies: body.currencies.length,
            spent: body.currencies[0].categories[0].totalCents,
          };
        }),
      );
      for (const { user, currencies, spent } of answers) {
        expect(currencies).toBe(1);
        expect(spent).toBe(String(100 * (users.indexOf(user) + 1)));
      }
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
      // Bob's 700 € in September never show in Ada's sums (checked above), nor hers in his.
      const { body } = await get(bob, 'months', range).expect(200);
      expect(body.currencies).toEqual([
        expect.objectContaining({
          currency: 'EUR',
          months: [
            expect.objectContaining({ month: '2026-09', spendingCents: '70000' }),
            expect.objectContaining({ spendingCents: '0' }),
            expect.objectContaining({ spendingCents: '0' }),
          ],
        }),
      ]);
    });

    it('reads the months in one statement, the categories in two', async () => {
      const statementsOf = async (route: 'months' | 'categories') =>
        (await statementsSentBy(() => get(ada, route, range).expect(200))).map(({ sql }) =>
          sql.replace(/\s+/g, ' ').trim(),
        );
      // BEGIN, the user context, the sums, COMMIT; the categories' names on top.
      const months = await statementsOf('months');
      expect(months).toHaveLength(4);
      expect(months.filter((sql) => /FROM transactions t/.test(sql))).toHaveLength(1);
      const categories = await statementsOf('categories');
      expect(categories).toHaveLength(5);
      expect(categories.filter((sql) => /FROM transactions t/.test(sql))).toHaveLength(1);
    });
  });

  describe('plans', () => {
    /**
     * Many other users' history, so that the planner weighs the indexes as on a real database:
     * 100 users × 60 days, copied from Ada's rows whatever the table's columns (triggers and
     * foreign keys off for this session only). Last in the file: it stays.
     */
    beforeAll(async () => {
      await testApp.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL session_replication_role = replica`);
        await manager.query(
          `INSERT INTO transactions
           SELECT (jsonb_populate_record(null::transactions, to_jsonb(t) || jsonb_build_object(
                     'id', gen_random_uuid(), 'user_id', u.id,
                     'occurred_on', date '2026-11-30' - d)) ).*
           FROM (SELECT * FROM transactions
                 WHERE user_id = $1 AND deleted_at IS NULL AND type = 'expense' LIMIT 1) t,
                (SELECT gen_random_uuid() AS id FROM generate_series(1, 100)) u,
                generate_series(0, 59) d`,
          [ada.id],
        );
      });
      await testApp.dataSource.query(`ANALYZE transactions`);
    }, 60_000);

    it.each([['months'], ['categories']] as const)(
      'reads the %s from an index on the user’s days, the range in the index condition',
      async (route) => {
        const [sums] = (await statementsSentBy(() => get(ada, route, range).expect(200))).filter(
          ({ sql }) => /FROM transactions t/.test(sql),
        );
        const plan: { 'QUERY PLAN': string }[] = await testApp.app
          .get(UserContext)
          .runAs(ada.id, (manager) => manager.query(`EXPLAIN ${sums.sql}`, sums.params));
        // The user and the range's days are both conditions on the index, not filters after it.
        expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toMatch(
          /using (ix_transactions_user_occurred_on|ix_transactions_expense_spending) on transactions t.*\n\s*Index Cond: .*user_id.*occurred_on >= .*occurred_on </,
        );
      },
    );
  });
});
