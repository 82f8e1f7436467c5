import { BudgetThresholdCrossedPayload } from '@ledgerlens/contracts';
import { budgetAlertEmail, escapeHtml } from './budget-alert-email';
import { budgetThresholdNotification } from './budget-threshold-notification';
import { formatMoney } from './money-text';
import { snapshotOf } from './notifications.service';
import { UserNotification } from './user-notification.entity';

const crossing: BudgetThresholdCrossedPayload = {
  userId: 'u1',
  budgetId: 'b1',
  categoryId: 'c1',
  thresholdPercent: 80,
  periodStart: '2026-11-01',
  spentCents: '8500',
  limitCents: 10_000,
  currency: 'EUR',
  traceId: 'trace',
};

describe('budget alert content', () => {
  it('formats minor units exactly, also past 2^53', () => {
    expect(formatMoney('8500', 'EUR')).toBe('€85.00');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney('-1250', 'EUR')).toBe('-€12.50');
    expect(formatMoney('9100000000000001', 'EUR')).toBe('€91,000,000,000,000.01');
  });

  it('names the category, the threshold and the amounts, once per budget, period and threshold', () => {
    const notification = budgetThresholdNotification(crossing, 'Groceries');
    expect(notification).toEqual({
      kind: 'budget_threshold',
      title: 'Groceries is at 80% of its budget',
      body: 'You have spent €85.00 of your €100.00 budget in the period from 2026-11-01.',
      link: '/budgets',
      dedupeKey: 'budget:b1:2026-11-01:80',
      data: {
        budgetId: 'b1',
        categoryId: 'c1',
        thresholdPercent: 80,
        periodStart: '2026-11-01',
        spentCents: '8500',
        limitCents: 10_000,
        currency: 'EUR',
      },
    });
    expect(budgetThresholdNotification({ ...crossing, categoryId: null }, null).title).toBe(
      'All spending is at 80% of its budget',
    );
    expect(budgetThresholdNotification(crossing, null).title).toBe(
      'A deleted category is at 80% of its budget',
    );
  });

  it('says over budget from 100 %, with the threshold when it lies beyond', () => {
    const over = { ...crossing, spentCents: '10650' };
    expect(
      budgetThresholdNotification({ ...over, thresholdPercent: 100 }, 'Groceries'),
    ).toMatchObject({
      title: 'Groceries is over budget',
      body: 'You have spent €106.50 of your €100.00 budget in the period from 2026-11-01.',
    });
    expect(
      budgetThresholdNotification(
        { ...over, spentCents: '15000', thresholdPercent: 150 },
        'Groceries',
      ).title,
    ).toBe('Groceries is over budget, at 150%');
  });

  it('emails the same words with the link, escaping HTML and keeping the subject on one line', () => {
    const stored = Object.assign(new UserNotification(), {
      id: 'n1',
      ...budgetThresholdNotification(crossing, '<b>Food</b> & "drinks"\r\nBcc: x@example.com'),
      readAt: null,
      createdAt: new Date('2026-11-21T10:00:00Z'),
    });
    const email = budgetAlertEmail(snapshotOf(stored), 'https://ledgerlens.example');
    expect(email.subject).toBe(
      'Budget alert: <b>Food</b> & "drinks" Bcc: x@example.com is at 80% of its budget',
    );
    expect(email.text).toContain('You have spent €85.00 of your €100.00 budget');
    expect(email.text).toContain('https://ledgerlens.example/budgets');
    expect(email.html).toContain('&lt;b&gt;Food&lt;/b&gt; &amp; &quot;drinks&quot;');
    expect(email.html).not.toContain('<b>Food');
    expect(email.html).toContain('<a href="https://ledgerlens.example/budgets">');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});
