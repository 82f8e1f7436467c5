import { BudgetThresholdCrossedPayload, DomainEvent } from '@ledgerlens/contracts';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/** A budget already over a threshold announces it when created or when its limit is lowered. */
describe('budget crossings announced at create and at a lowered limit', () => {
  let testApp: TestApp;
  const seen: BudgetThresholdCrossedPayload[] = [];
  const listener = (payload: BudgetThresholdCrossedPayload) => seen.push(payload);

  beforeAll(async () => {
    testApp = await createTestApp();
    testApp.app.get(EventEmitter2).on(DomainEvent.BudgetThresholdCrossed, listener);
  });
  afterAll(async () => {
    testApp.app.get(EventEmitter2).off(DomainEvent.BudgetThresholdCrossed, listener);
    await testApp.close();
  });

  const today = () => new Date().toISOString().slice(0, 10);

  async function userWhoSpent(amountCents: number): Promise<SignedInUser> {
    const user = await registerUser(testApp, 'announce');
    await testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({
        type: 'expense',
        amountCents,
        currency: 'EUR',
        description: 'x',
        occurredOn: today(),
      })
      .expect(201);
    return user;
  }

  const alertsOf = async (user: SignedInUser) =>
    (await testApp.http.get('/api/v1/budgets/alerts').set(user.auth).expect(200)).body.items;

  it('announces the highest threshold a new budget starts over, once', async () => {
    const user = await userWhoSpent(950);
    const created = await testApp.http
      .post('/api/v1/budgets')
      .set(user.auth)
      .send({ period: 'monthly', limitCents: 1_000, currency: 'EUR', startDate: '2020-01-01' })
      .expect(201);
    expect(seen.filter((crossing) => crossing.userId === user.id)).toEqual([
      expect.objectContaining({
        budgetId: created.body.id,
        thresholdPercent: 80,
        spentCents: '950',
      }),
    ]);
    expect(await alertsOf(user)).toHaveLength(1);
  });

  it('announces a crossing when the limit is lowered under the spending, not again after', async () => {
    const user = await userWhoSpent(600);
    const created = await testApp.http
      .post('/api/v1/budgets')
      .set(user.auth)
      .send({ period: 'monthly', limitCents: 10_000, currency: 'EUR', startDate: '2020-01-01' })
      .expect(201);
    expect(seen.filter((crossing) => crossing.userId === user.id)).toEqual([]);
    const lower = () =>
      testApp.http
        .patch(`/api/v1/budgets/${created.body.id}`)
        .set(user.auth)
        .send({ limitCents: 500 })
        .expect(200);
    await lower();
    await lower();
    expect(seen.filter((crossing) => crossing.userId === user.id)).toEqual([
      expect.objectContaining({
        budgetId: created.body.id,
        thresholdPercent: 100,
        limitCents: 500,
      }),
    ]);
    expect(
      (await alertsOf(user)).map((alert: { thresholdPercent: number }) => alert.thresholdPercent),
    ).toEqual([100, 80]);
  });
});
