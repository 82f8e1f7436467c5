import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent } from '@ledgerlens/contracts';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/** The largest amount one transaction (or budget limit) may have: 10^14 minor units. */
const LARGEST = 100_000_000_000_000;
const OVER_LARGEST = LARGEST + 1;

describe('money: the per-amount cap and sums past 2^53', () => {
  let testApp: TestApp;
  let ada: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
  });
  afterAll(() => testApp.close());

  const post = (user: SignedInUser, path: string, body: object) =>
    testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body);
  const today = () => new Date().toISOString().slice(0, 10);
  const expense = (amountCents: number) => ({
    amountCents,
    currency: 'EUR',
    type: 'expense',
    description: 'Spent',
    occurredOn: today(),
  });

  it('takes amounts up to 10^14 and refuses larger ones with a field message', async () => {
    await post(ada, 'transactions', expense(LARGEST)).expect(201);
    const tooLarge = await post(ada, 'transactions', expense(OVER_LARGEST)).expect(400);
    expect(tooLarge.body.details).toEqual({
      amountCents: ['amountCents must be at most 100000000000000'],
    });
    const budget = {
      period: 'yearly',
      limitCents: OVER_LARGEST,
      currency: 'EUR',
      startDate: '2020-01-01',
    };
    const tooLargeLimit = await post(ada, 'budgets', budget).expect(400);
    expect(tooLargeLimit.body.details).toEqual({
      limitCents: ['limitCents must be at most 100000000000000'],
    });
  });

  it('documents the cap on amounts and sums as exact decimal strings', async () => {
    const { body } = await testApp.http.get('/api/docs-json').expect(200);
    const schemas = body.components.schemas;
    const amount = { type: 'integer', minimum: 1, maximum: LARGEST };
    expect(schemas.CreateTransactionDto.properties.amountCents).toMatchObject(amount);
    expect(schemas.UpdateTransactionDto.properties.amountCents).toMatchObject(amount);
    expect(schemas.CreateBudgetDto.properties.limitCents).toMatchObject(amount);
    expect(schemas.UpdateBudgetDto.properties.limitCents).toMatchObject(amount);
    expect(schemas.TransactionDto.properties.amountCents).toMatchObject(amount);
    expect(schemas.BudgetDto.properties.limitCents).toMatchObject(amount);
    const sum = { type: 'string', pattern: '^-?[0-9]+$' };
    for (const [schema, property] of [
      ['CurrencyTotalsDto', 'incomeCents'],
      ['CurrencyTotalsDto', 'spendingCents'],
      ['CurrencyTotalsDto', 'netCents'],
      ['CategoryTotalDto', 'cents'],
      ['BudgetDto', 'spentCents'],
      ['BudgetDto', 'remainingCents'],
      ['BudgetAlertDto', 'spentCents'],
    ]) {
      expect(schemas[schema].properties[property]).toMatchObject(sum);
      expect(schemas[schema].properties[property].description).toMatch(/2\^53/);
    }
  });

  it("counts a budget's spending past 2^53 exactly, in its status, alerts and events", async () => {
    const dora = await registerUser(testApp, 'dora');
    for (let i = 0; i < 91; i += 1) await post(dora, 'transactions', expense(LARGEST)).expect(201);
    const crossings: unknown[] = [];
    const events = testApp.app.get(EventEmitter2);
    const listener = (payload: unknown) => crossings.push(payload);
    events.on(DomainEvent.BudgetThresholdCrossed, listener);
    let created: { body: { id: string } };
    try {
      // Created over its limit: the budget announces 100 % at once, with the exact sum.
      created = await post(dora, 'budgets', {
        period: 'monthly',
        limitCents: LARGEST,
        currency: 'EUR',
        startDate: '2020-01-01',
        alertThresholds: [100],
      }).expect(201);
      expect(created.body).toMatchObject({
        limitCents: LARGEST,
        spentCents: '9100000000000000',
        remainingCents: '-9000000000000000',
        status: 'over',
      });
      // A cent more crosses nothing new: 100 % was announced for this period already.
      await post(dora, 'transactions', expense(1)).expect(201);
    } finally {
      events.off(DomainEvent.BudgetThresholdCrossed, listener);
    }
    expect(crossings).toEqual([
      expect.objectContaining({ budgetId: created.body.id, spentCents: '9100000000000000' }),
    ]);

    const read = await testApp.http
      .get(`/api/v1/budgets/${created.body.id}`)
      .set(dora.auth)
      .expect(200);
    expect(read.body).toMatchObject({
      spentCents: '9100000000000001',
      remainingCents: '-9000000000000001',
      percentUsed: 9100,
    });
    const list = await testApp.http.get('/api/v1/budgets').set(dora.auth).expect(200);
    expect(list.body.items[0].spentCents).toBe('9100000000000001');
    const alerts = await testApp.http.get('/api/v1/budgets/alerts').set(dora.auth).expect(200);
    expect(alerts.body.items).toEqual([
      expect.objectContaining({
        budgetId: created.body.id,
        thresholdPercent: 100,
        // Recorded when the budget was created over its limit.
        spentCents: '9100000000000000',
        limitCents: LARGEST,
      }),
    ]);
  });
});
