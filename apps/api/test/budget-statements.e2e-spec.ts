import { statementsSentBy } from './support/statements';
import {
  createTestApp,
  openAccount,
  registerUser,
  SignedInUser,
  TestApp,
} from './support/test-app';

/** Budgets read their spending through the transactions module in one statement for them all. */
describe('budget statements (no N+1)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const statementsOf = async (request: () => Promise<unknown>) =>
    (await statementsSentBy(request)).map(({ sql }) => sql);

  async function addBudgets(user: SignedInUser, currencies: string[]): Promise<void> {
    for (const currency of currencies) {
      await testApp.http
        .post('/api/v1/budgets')
        .set(user.auth)
        .send({ period: 'monthly', limitCents: 100_000_000, currency, startDate: '2026-01-01' })
        .expect(201);
    }
  }

  const addTransaction = (user: SignedInUser) =>
    testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({
        type: 'expense',
        amountCents: 100,
        currency: 'EUR',
        description: 'coffee',
        occurredOn: new Date().toISOString().slice(0, 10),
      })
      .expect(201);

  it('lists budgets in a constant number of statements', async () => {
    const user = await registerUser(testApp, 'lists');
    const list = () => testApp.http.get('/api/v1/budgets').set(user.auth).expect(200);
    await addBudgets(user, ['EUR']);
    const withOne = await statementsOf(list);
    await addBudgets(user, ['USD', 'GBP', 'CHF']);
    const withFour = await statementsOf(list);
    expect(withFour.length).toBe(withOne.length);
    // BEGIN, context with role, the page of budgets (with the count), their spending, COMMIT.
    expect(withOne.length).toBe(5);
  });

  it('checks thresholds after a transaction in a constant number of statements', async () => {
    const user = await registerUser(testApp, 'checks');
    await openAccount(testApp, user);
    await addBudgets(user, ['EUR']);
    const withOne = await statementsOf(() => addTransaction(user));
    await addBudgets(user, ['USD', 'GBP', 'CHF']);
    const withFour = await statementsOf(() => addTransaction(user));
    expect(withFour.length).toBe(withOne.length);
    const spending = withFour.filter((sql) => sql.includes('FROM transactions t'));
    expect(spending).toHaveLength(1);
  });
});
