import { BudgetSnapshot } from '@ledgerlens/contracts';
import {
  budgetPayloadOf,
  exceptionPayloadOf,
  notificationPayloadOf,
  transactionPayloadOf,
} from './event-payloads';

describe('client payloads', () => {
  it('send a budget’s status without what clients are not promised', () => {
    const budget: BudgetSnapshot = {
      id: 'b1',
      categoryId: null,
      period: 'monthly',
      limitCents: 1000,
      currency: 'EUR',
      startDate: '2026-01-01',
      alertThresholds: [80, 100],
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      spentCents: '100',
      remainingCents: '900',
      percentUsed: 10,
      status: 'on_track',
    };
    const dto = { ...budget, createdAt: new Date(), updatedAt: new Date(), userId: 'u1' };
    expect(budgetPayloadOf(dto)).toEqual(budget);
  });

  it('leave the owner and the trace to the room and the envelope', () => {
    const payload = transactionPayloadOf({
      userId: 'u1',
      transactionId: 't1',
      type: 'income',
      amountCents: 5,
      currency: 'EUR',
      description: 'Refund',
      categoryId: 'c1',
      occurredOn: '2026-11-21',
      traceId: 'trace',
    });
    expect(payload).not.toHaveProperty('userId');
    expect(payload).not.toHaveProperty('traceId');
    expect(payload).toMatchObject({ transactionId: 't1', amountCents: 5 });
  });

  it('keep regressedAt only for regressions', () => {
    const group = {
      groupId: 'g1',
      fingerprint: 'f',
      title: 'TypeError: x',
      type: 'TypeError',
      source: 'backend' as const,
      level: 'error' as const,
      culprit: null,
      count: 3,
      traceId: 'trace',
    };
    expect(exceptionPayloadOf(group)).not.toHaveProperty('regressedAt');
    expect(exceptionPayloadOf({ ...group, regressedAt: '2026-11-21T10:00:00Z' })).toMatchObject({
      regressedAt: '2026-11-21T10:00:00Z',
    });
  });

  it('send a notification as the list shows it, without anything added in-process', () => {
    const notification = {
      id: 'n1',
      kind: 'budget_threshold' as const,
      title: 'Groceries at 80 %',
      body: 'You have spent €80.00 of €100.00.',
      link: '/budgets',
      data: { budgetId: 'b1' },
      readAt: null,
      createdAt: '2026-11-21T10:00:00.000Z',
    };
    const stored = { ...notification, userId: 'u1', dedupeKey: 'k' };
    expect(notificationPayloadOf(stored)).toEqual(notification);
  });
});
