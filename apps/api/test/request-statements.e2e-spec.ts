import { statementsSentBy } from './support/statements';
import {
  createTestApp,
  openAccount,
  registerUser,
  SignedInUser,
  TestApp,
} from './support/test-app';

/**
 * The statements each request of the hot path sends to PostgreSQL, counted at the query runner
 * every statement passes through (issue 21, docs/adr/0022-request-path-round-trips.md).
 */
describe('statements per request', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  /** The statements `request` runs, each on one line. */
  const statementsOf = async (request: () => Promise<unknown>) =>
    (await statementsSentBy(request)).map(({ sql }) => sql.replace(/\s+/g, ' ').trim());

  const today = () => new Date().toISOString().slice(0, 10);

  /**
   * A user with an account in EUR, a food category and four monthly budgets, two of which count
   * food in EUR.
   */
  async function budgetedUser(): Promise<{ user: SignedInUser; food: string }> {
    const user = await registerUser(testApp, 'statements');
    await openAccount(testApp, user);
    const created = await testApp.http
      .post('/api/v1/categories')
      .set(user.auth)
      .send({ name: 'food', kind: 'expense' })
      .expect(201);
    const food = (created.body as { id: string }).id;
    for (const budget of [
      { currency: 'EUR' },
      { currency: 'EUR', categoryId: food },
      { currency: 'USD' },
      { currency: 'GBP' },
    ]) {
      await testApp.http
        .post('/api/v1/budgets')
        .set(user.auth)
        .send({ period: 'monthly', limitCents: 1_000_000_000, startDate: '2020-01-01', ...budget })
        .expect(201);
    }
    return { user, food };
  }

  const addExpense = (user: SignedInUser, categoryId: string) =>
    testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({
        amountCents: 250,
        currency: 'EUR',
        description: 'lunch',
        categoryId,
        occurredOn: today(),
      })
      .expect(201);

  it('POST /transactions with four budgets: 9 in one transaction, the budget check inside it', async () => {
    const { user, food } = await budgetedUser();
    let body: unknown;
    const statements = await statementsOf(async () => {
      body = (await addExpense(user, food)).body;
    });
    // BEGIN, context with role, the category, INSERT … RETURNING, then the check in a savepoint
    // (SAVEPOINT, the two budgets counting it, their spending, RELEASE), COMMIT.
    expect(statements).toHaveLength(9);
    expect(statements.filter((sql) => /^(START TRANSACTION|BEGIN)/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /^COMMIT/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /^INSERT INTO transactions/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /FROM transactions t/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /^SAVEPOINT/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /^RELEASE SAVEPOINT/.test(sql))).toHaveLength(1);
    expect(statements.at(-1)).toBe('COMMIT');
    // The answer from the insert is what reading the transaction answers.
    const { id } = body as { id: string };
    const read = await testApp.http.get(`/api/v1/transactions/${id}`).set(user.auth).expect(200);
    expect(body).toEqual(read.body);
  });

  it("POST /transactions, a user's first entry in a currency: its default account opened once", async () => {
    const user = await registerUser(testApp, 'first-entry');
    const book = () =>
      testApp.http
        .post('/api/v1/transactions')
        .set(user.auth)
        .send({
          type: 'expense',
          amountCents: 100,
          currency: 'EUR',
          description: 'tea',
          occurredOn: today(),
        })
        .expect(201);
    const first = await statementsOf(book);
    // The insert finds no account; the default one is looked for, opened and read; the insert again.
    expect(first.filter((sql) => /^INSERT INTO transactions/.test(sql))).toHaveLength(2);
    expect(first.filter((sql) => /^INSERT INTO accounts/.test(sql))).toHaveLength(1);
    const second = await statementsOf(book);
    expect(second.filter((sql) => /^INSERT INTO transactions/.test(sql))).toHaveLength(1);
    expect(
      second.filter((sql) => /accounts/.test(sql) && !/^INSERT INTO transactions/.test(sql)),
    ).toEqual([]);
    expect(second).toHaveLength(first.length - 4);
  });

  it('POST /transactions whose budget check fails: rolled back to its savepoint, the write commits', async () => {
    const { user, food } = await budgetedUser();
    await testApp.http
      .post('/api/v1/budgets')
      .set(user.auth)
      .send({ period: 'weekly', limitCents: 100, currency: 'EUR', startDate: '2020-01-01' })
      .expect(201);
    await testApp.dataSource.query(`
      CREATE FUNCTION test_refuse_alert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused alert'; END $$`);
    await testApp.dataSource.query(`
      CREATE TRIGGER test_refuse_alert BEFORE INSERT ON budget_alerts
      FOR EACH ROW EXECUTE FUNCTION test_refuse_alert()`);
    let statements: string[];
    let id = '';
    try {
      statements = await statementsOf(async () => {
        id = ((await addExpense(user, food)).body as { id: string }).id;
      });
    } finally {
      await testApp.dataSource.query(`DROP TRIGGER test_refuse_alert ON budget_alerts`);
      await testApp.dataSource.query(`DROP FUNCTION test_refuse_alert()`);
    }
    expect(statements.filter((sql) => /^ROLLBACK TO SAVEPOINT/.test(sql))).toHaveLength(1);
    expect(statements.at(-1)).toBe('COMMIT');
    await testApp.http.get(`/api/v1/transactions/${id}`).set(user.auth).expect(200);
    const [{ count }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM budget_alerts WHERE user_id = $1`,
      [user.id],
    );
    expect(count).toBe(0);
  });

  it('GET /transactions?limit=20: 4 when the page is not full, 5 (with the count) when it is', async () => {
    const { user, food } = await budgetedUser();
    const list = () => testApp.http.get('/api/v1/transactions?limit=20').set(user.auth).expect(200);
    for (let i = 0; i < 3; i++) await addExpense(user, food);
    // BEGIN, context with role, the page (categories joined), COMMIT.
    expect(await statementsOf(list)).toHaveLength(4);
    expect((await list()).body).toMatchObject({ total: 3 });
    for (let i = 0; i < 20; i++) await addExpense(user, food);
    // A full page needs the count too.
    expect(await statementsOf(list)).toHaveLength(5);
    expect((await list()).body).toMatchObject({ total: 23 });
    // The last page, not full, tells the total without it; a page past the end counts.
    const page = (n: number) =>
      testApp.http.get(`/api/v1/transactions?limit=20&page=${n}`).set(user.auth).expect(200);
    expect(await statementsOf(() => page(2))).toHaveLength(4);
    expect((await page(2)).body).toMatchObject({ total: 23 });
    expect((await page(3)).body).toMatchObject({ total: 23, items: [] });
  });

  it('GET /health: 1', async () => {
    const statements = await statementsOf(() => testApp.http.get('/api/v1/health').expect(200));
    expect(statements).toHaveLength(1);
  });
});
