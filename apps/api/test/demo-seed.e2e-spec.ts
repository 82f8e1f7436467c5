import { EventEmitter2 } from '@nestjs/event-emitter';
import { DEMO_LOGINS } from '../src/modules/demo/demo-data';
import { createTestApp, TestApp } from './support/test-app';

interface Budget {
  id: string;
  alertThresholds: number[];
  periodStart: string;
  /** An exact sum, as a decimal string. */
  spentCents: string;
  limitCents: number;
}

describe('demo data', () => {
  let testApp: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    testApp = await createTestApp({ SEED_DEMO_DATA: 'true' });
    const { email, password } = DEMO_LOGINS.user;
    const session = await testApp.http
      .post('/api/v1/auth/login')
      .send({ email, password })
      .expect(200);
    auth = { Authorization: `Bearer ${session.body.accessToken}` };
  });
  afterAll(() => testApp.close());

  const reached = (budget: Budget) =>
    budget.alertThresholds
      .filter(
        (threshold) =>
          BigInt(budget.spentCents) * 100n >= BigInt(budget.limitCents) * BigInt(threshold),
      )
      .map((threshold) => `${budget.id} ${budget.periodStart} ${threshold}`);

  it('records the thresholds its history already reached, so none is announced later', async () => {
    const budgets: Budget[] = (await testApp.http.get('/api/v1/budgets').set(auth).expect(200)).body
      .items;
    expect(budgets.length).toBeGreaterThan(0);
    const alerts = (
      await testApp.http.get('/api/v1/budgets/alerts').query({ limit: 100 }).set(auth).expect(200)
    ).body.items as { budgetId: string; periodStart: string; thresholdPercent: number }[];
    const currentPeriods = new Set(budgets.map((b) => `${b.id} ${b.periodStart}`));
    expect(
      alerts
        .map((alert) => `${alert.budgetId} ${alert.periodStart} ${alert.thresholdPercent}`)
        .filter((key) => currentPeriods.has(key.split(' ').slice(0, 2).join(' ')))
        .sort(),
    ).toEqual(budgets.flatMap(reached).sort());

    // A cent more crosses nothing that was already reached.
    const events = testApp.app.get(EventEmitter2);
    const crossed: { budgetId: string; thresholdPercent: number }[] = [];
    const listener = (payload: (typeof crossed)[number]) => crossed.push(payload);
    events.on('budget.threshold_crossed', listener);
    try {
      await testApp.http
        .post('/api/v1/transactions')
        .set(auth)
        .send({
          amountCents: 1,
          currency: 'EUR',
          type: 'expense',
          description: 'One cent',
          occurredOn: budgets[0].periodStart,
        })
        .expect(201);
    } finally {
      events.off('budget.threshold_crossed', listener);
    }
    const already = new Set(budgets.flatMap(reached));
    for (const crossing of crossed) {
      const budget = budgets.find((b) => b.id === crossing.budgetId) as Budget;
      expect(already).not.toContain(
        `${budget.id} ${budget.periodStart} ${crossing.thresholdPercent}`,
      );
    }
  });
});
