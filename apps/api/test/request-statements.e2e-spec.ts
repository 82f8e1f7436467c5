import { statementsSentBy } from './support/statements';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

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

  /** A user with a food category and four monthly budgets, two of which count food in EUR. */
  async function budgetedUser(): Promise<{ user: SignedInUser; food: string }> {
    const user = await registerUser(testApp, 'statements');
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

  it('POST /transactions with four budgets: 5 for the write, 5 for the budget check', async () => {
    const { user, food } = await budgetedUser();
    let body: unknown;
    const statements = await statementsOf(async () => {
      body = (await addExpense(user, food)).body;
    });
    // The write: BEGIN, context with role, the category, INSERT … RETURNING, COMMIT.
    // The check: BEGIN, context with role, the two budgets counting it, their spending, COMMIT.
    expect(statements).toHaveLength(10);
    expect(statements.filter((sql) => /^INSERT INTO transactions/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /FROM transactions t/.test(sql))).toHaveLength(1);
    // The answer from the insert is what reading the transaction answers.
    const { id } = body as { id: string };
    const read = await testApp.http.get(`/api/v1/transactions/${id}`).set(user.auth).expect(200);
    expect(body).toEqual(read.body);
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
