import { EventEmitter2 } from '@nestjs/event-emitter';
import { DEMO_ACCOUNTS } from '../src/modules/demo/demo-accounts';
import { DEMO_LOGINS, DEMO_RECURRING_RULES } from '../src/modules/demo/demo-data';
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

  it('sets up rent, salary and a subscription as recurring rules, the rent due within a month', async () => {
    const rules = (await testApp.http.get('/api/v1/recurring').set(auth).expect(200)).body
      .items as { name: string; frequency: string; paused: boolean; startDate: string }[];
    expect(rules.map((rule) => rule.name).sort()).toEqual(
      DEMO_RECURRING_RULES.map((rule) => rule.name).sort(),
    );
    const today = new Date().toISOString().slice(0, 10);
    for (const rule of rules) {
      expect(rule).toMatchObject({ frequency: 'monthly', paused: false });
      // From tomorrow on: the history already holds today's bookings.
      expect(rule.startDate > today).toBe(true);
    }
    // 32 days from today always reach the next first of a month.
    const upcoming = (
      await testApp.http.get('/api/v1/recurring/upcoming').query({ days: 32 }).set(auth).expect(200)
    ).body.items as { name: string; occursOn: string }[];
    const rent = upcoming.filter((occurrence) => occurrence.name === 'Apartment rent');
    const now = new Date();
    const nextFirst = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    expect(rent[0]?.occursOn).toBe(nextFirst.toISOString().slice(0, 10));
    expect(rent.every((occurrence) => occurrence.occursOn.endsWith('-01'))).toBe(true);
  });

  it('keeps the history in three accounts whose balances add up, with monthly transfers between them', async () => {
    const accounts = (await testApp.http.get('/api/v1/accounts').set(auth).expect(200)).body
      .items as { id: string; name: string; balanceCents: string; openingBalanceCents: number }[];
    expect(accounts.map((account) => account.name).sort()).toEqual(
      DEMO_ACCOUNTS.map((account) => account.name).sort(),
    );
    const savings = accounts.find((account) => account.name === 'Savings');
    const transfers = (
      await testApp.http
        .get('/api/v1/transactions')
        .query({ accountId: savings?.id, type: 'transfer_in', limit: 100 })
        .set(auth)
        .expect(200)
    ).body.items as { amountCents: number; transferId: string | null }[];
    expect(transfers.length).toBeGreaterThanOrEqual(4);
    expect(transfers.every((transfer) => transfer.transferId !== null)).toBe(true);
    // Savings holds its opening balance and what was transferred in, nothing else.
    expect(BigInt(savings?.balanceCents ?? '0')).toBe(
      BigInt(savings?.openingBalanceCents ?? 0) +
        transfers.reduce((sum, transfer) => sum + BigInt(transfer.amountCents), 0n),
    );
  });

  it('saves towards a holiday goal with monthly contributions', async () => {
    const goals = (await testApp.http.get('/api/v1/goals').set(auth).expect(200)).body.items as {
      name: string;
      progress: { savedCents: string; reached: boolean };
    }[];
    const holiday = goals.find((goal) => goal.name === 'Holiday');
    expect(holiday?.progress.reached).toBe(false);
    expect(BigInt(holiday?.progress.savedCents ?? '0')).toBeGreaterThan(0n);
  });
});
