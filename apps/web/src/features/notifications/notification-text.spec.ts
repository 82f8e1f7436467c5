import {
  arrivalText,
  badgeText,
  bellLabel,
  budgetCrossingOf,
  crossingFacts,
} from './notification-text';
import { pageCountOf, pageOf } from './notification-paging';
import { aNotification } from './testing/factories';

describe('budgetCrossingOf', () => {
  it('reads the crossing of a budget notification', () => {
    expect(budgetCrossingOf(aNotification())).toMatchObject({
      thresholdPercent: 80,
      periodStart: '2026-11-01',
      spentCents: '8500',
      limitCents: 10000,
      currency: 'EUR',
    });
  });

  it('gives nothing for data it cannot read', () => {
    expect(budgetCrossingOf(aNotification({ data: { budgetId: 'b' } }))).toBeNull();
  });
});

describe('crossingFacts', () => {
  const crossing = {
    budgetId: 'b',
    thresholdPercent: 80,
    periodStart: '2026-11-01',
    spentCents: '8550',
    limitCents: 10000,
    currency: 'EUR',
  };

  it('says the threshold, what was spent of the limit, and the period', () => {
    expect(crossingFacts(crossing)).toEqual({
      threshold: 'Threshold 80%',
      spent: '€85.50 of €100.00 (85.5%)',
      period: 'Period from Nov 1, 2026',
    });
  });

  it('keeps cents exact in sums beyond a float’s precision', () => {
    const facts = crossingFacts({ ...crossing, spentCents: '9007199254740993' });
    expect(facts.spent).toMatch(/^€90,071,992,547,409\.93 of/);
  });

  it('says the percentage alone when the budget’s currency is not known', () => {
    expect(crossingFacts({ ...crossing, currency: '' }).spent).toBe('85.5% spent');
  });
});

describe('the bell’s words', () => {
  it('names the unread count', () => {
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(120)).toBe('Notifications, 99+ unread');
  });

  it('keeps the badge short', () => {
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('announces an arrival by its title', () => {
    expect(arrivalText({ title: 'Groceries at 80 %' })).toBe('New notification: Groceries at 80 %');
  });
});

describe('paging', () => {
  it('reads the page from the URL, 1 unless a whole number of at least 1', () => {
    expect(pageOf(new URLSearchParams('page=3'))).toBe(3);
    for (const value of ['', '0', '-1', '2.5', 'x']) {
      expect(pageOf(new URLSearchParams({ page: value }))).toBe(1);
    }
  });

  it('counts pages, at least one', () => {
    expect(pageCountOf(0, 20)).toBe(1);
    expect(pageCountOf(20, 20)).toBe(1);
    expect(pageCountOf(21, 20)).toBe(2);
  });
});
