import { randomUUID } from 'node:crypto';
import { APP_ROLE, UserContext } from '../src/database/user-context';
import { Transaction } from '../src/modules/transactions/transaction.entity';
import { statementsSentBy } from './support/statements';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

describe('row-level security', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;
  let adaTransactionId: string;
  let adaCategoryId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
    bob = await registerUser(testApp, 'bob');
    const category = await testApp.http
      .post('/api/v1/categories')
      .set(ada.auth)
      .send({ name: 'Private', kind: 'expense' })
      .expect(201);
    adaCategoryId = category.body.id;
    const tx = await testApp.http
      .post('/api/v1/transactions')
      .set(ada.auth)
      .send({
        amountCents: 4_200,
        currency: 'EUR',
        description: 'secret',
        categoryId: adaCategoryId,
        occurredOn: '2026-11-01',
      })
      .expect(201);
    adaTransactionId = tx.body.id;
  });
  afterAll(() => testApp.close());

  it("hides another user's rows: lists, reads, writes and references all answer as if they did not exist", async () => {
    const list = await testApp.http.get('/api/v1/transactions').set(bob.auth).expect(200);
    expect(list.body.total).toBe(0);
    await testApp.http.get(`/api/v1/transactions/${adaTransactionId}`).set(bob.auth).expect(404);
    await testApp.http
      .patch(`/api/v1/transactions/${adaTransactionId}`)
      .set(bob.auth)
      .send({ amountCents: 1 })
      .expect(404);
    await testApp.http.delete(`/api/v1/transactions/${adaTransactionId}`).set(bob.auth).expect(404);
    await testApp.http.get(`/api/v1/categories/${adaCategoryId}`).set(bob.auth).expect(404);
    await testApp.http
      .post('/api/v1/transactions')
      .set(bob.auth)
      .send({
        amountCents: 1,
        currency: 'EUR',
        description: 'x',
        categoryId: adaCategoryId,
        occurredOn: '2026-11-01',
      })
      .expect(404);
    await testApp.http
      .post('/api/v1/budgets')
      .set(bob.auth)
      .send({
        categoryId: adaCategoryId,
        period: 'monthly',
        limitCents: 100,
        currency: 'EUR',
        startDate: '2026-01-01',
      })
      .expect(404);
    const mine = await testApp.http
      .get(`/api/v1/transactions/${adaTransactionId}`)
      .set(ada.auth)
      .expect(200);
    expect(mine.body.amountCents).toBe(4_200);
  });

  it("filters in the database: a query without any user filter returns only the caller's rows", async () => {
    const userContext = testApp.app.get(UserContext);
    const asBob = await userContext.runAs(bob.id, (manager) =>
      manager.query('SELECT id FROM transactions'),
    );
    const asAda = await userContext.runAs(ada.id, (manager) =>
      manager.query('SELECT id FROM transactions'),
    );
    expect(asBob).toEqual([]);
    expect(asAda).toEqual([{ id: adaTransactionId }]);
  });

  it('switches to the application role in the same statement that sets the user', async () => {
    const userContext = testApp.app.get(UserContext);
    let inside: unknown;
    const statements = await statementsSentBy(async () => {
      [inside] = await userContext.runAs(bob.id, (manager) =>
        manager.query(
          `SELECT current_user AS role, current_setting('app.current_user_id') AS user_id,
                  (SELECT count(*)::int FROM transactions WHERE id = $1) AS adas_visible`,
          [adaTransactionId],
        ),
      );
    });
    expect(inside).toEqual({ role: APP_ROLE, user_id: bob.id, adas_visible: 0 });
    // BEGIN, the context with the role, the work, COMMIT.
    expect(statements).toHaveLength(4);
    expect(statements.filter(({ sql }) => /SET LOCAL ROLE/i.test(sql))).toEqual([]);
  });

  it('returns zero rows under the application role without a user context', async () => {
    const rows = await testApp.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
      return manager.query(
        'SELECT id FROM transactions UNION ALL SELECT id FROM categories UNION ALL SELECT id FROM budgets UNION ALL SELECT id FROM accounts',
      );
    });
    expect(rows).toEqual([]);
  });

  it('refuses to write a row owned by someone else, and forbids hard deletes and reading users', async () => {
    const userContext = testApp.app.get(UserContext);
    await expect(
      userContext.runAs(bob.id, (manager) =>
        manager.insert(Transaction, {
          userId: ada.id,
          type: 'expense',
          amountCents: 1,
          currency: 'EUR',
          description: 'forged',
          occurredOn: '2026-11-01',
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      userContext.runAs(ada.id, (manager) =>
        manager.query('DELETE FROM transactions WHERE id = $1', [adaTransactionId]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      userContext.runAs(ada.id, (manager) => manager.query('SELECT * FROM users')),
    ).rejects.toThrow(/permission denied/);
  });

  it('never leaks the user context to the next request on a pooled connection', async () => {
    const users = [
      ada,
      bob,
      await registerUser(testApp, 'carol'),
      await registerUser(testApp, 'dan'),
    ];
    for (const user of users.slice(2)) {
      await testApp.http
        .post('/api/v1/transactions')
        .set(user.auth)
        .send({
          amountCents: 1,
          currency: 'EUR',
          description: `mine:${user.id}`,
          type: 'expense',
          occurredOn: '2026-11-01',
        })
        .expect(201);
    }
    const requests = Array.from({ length: 80 }, (_, i) => users[i % users.length]).map(
      async (user) => {
        const response = await testApp.http.get('/api/v1/transactions').set(user.auth).expect(200);
        return {
          user,
          ids: response.body.items.map((t: { id: string }) => t.id) as string[],
          descriptions: response.body.items.map(
            (t: { description: string }) => t.description,
          ) as string[],
        };
      },
    );
    for (const { user, ids, descriptions } of await Promise.all(requests)) {
      if (user === ada) expect(ids).toEqual([adaTransactionId]);
      else if (user === bob) expect(ids).toEqual([]);
      else expect(descriptions).toEqual([`mine:${user.id}`]);
    }
    // Accounts too: each user's list, asked for alone, is what each concurrent list answers.
    const accountIdsOf = async (user: SignedInUser) =>
      (
        (await testApp.http.get('/api/v1/accounts').set(user.auth).expect(200)).body.items as {
          id: string;
        }[]
      ).map(({ id }) => id);
    const alone = new Map<SignedInUser, string[]>();
    for (const user of users) alone.set(user, await accountIdsOf(user));
    expect(alone.get(bob)).toEqual([]);
    const together = await Promise.all(
      Array.from({ length: 40 }, (_, i) => users[i % users.length] as SignedInUser).map(
        async (user) => ({ user, ids: await accountIdsOf(user) }),
      ),
    );
    for (const { user, ids } of together) expect(ids).toEqual(alone.get(user));
    // And after all that, the pool's connections carry no user and run as the owner again.
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

  it('loads transactions with their categories in a constant number of queries (no N+1)', async () => {
    const user = await registerUser(testApp, 'many');
    const countQueries = async () =>
      (
        await statementsSentBy(() =>
          testApp.http.get('/api/v1/transactions?limit=100').set(user.auth).expect(200),
        )
      ).length;
    const addTransactions = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const category = await testApp.http
          .post('/api/v1/categories')
          .set(user.auth)
          .send({ name: `c-${randomUUID()}`, kind: 'expense' })
          .expect(201);
        await testApp.http
          .post('/api/v1/transactions')
          .set(user.auth)
          .send({
            amountCents: 1 + i,
            currency: 'EUR',
            description: 't',
            categoryId: category.body.id,
            occurredOn: '2026-11-01',
          })
          .expect(201);
      }
    };
    await addTransactions(2);
    const withTwo = await countQueries();
    await addTransactions(10);
    const withTwelve = await countQueries();
    expect(withTwelve).toBe(withTwo);
    // BEGIN, context with role, page (categories joined; not full, so no count), COMMIT;
    // revocations are in memory.
    expect(withTwo).toBe(4);
  });
});
