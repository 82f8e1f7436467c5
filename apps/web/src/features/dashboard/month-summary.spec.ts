import fc from 'fast-check';
import { aCategory } from '../../test/factories/categories';
import { aTransaction } from '../../test/factories/transactions';
import { monthOf } from './month';
import { summarizeMonth } from './month-summary';

describe('monthOf', () => {
  it.each([
    [new Date(2026, 10, 21), '2026-11', '2026-11-01', '2026-11-30', 'November 2026'],
    [new Date(2028, 1, 29), '2028-02', '2028-02-01', '2028-02-29', 'February 2028'],
    [new Date(2026, 11, 31, 23, 59), '2026-12', '2026-12-01', '2026-12-31', 'December 2026'],
  ])('places %p in its month', (day, key, from, to, name) => {
    expect(monthOf(day)).toEqual({ key, from, to, name });
  });
});

describe('summarizeMonth', () => {
  const food = aCategory({ name: 'Food', color: '#22c55e' });
  const transaction = fc.record({
    type: fc.constantFrom('expense' as const, 'income' as const),
    amountCents: fc.integer({ min: 1, max: 10_000_000 }),
    currency: fc.constantFrom('EUR', 'USD'),
    categorised: fc.boolean(),
  });

  it('adds up every transaction once, per currency, and nets income against spending', () => {
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 30 }), (drafts) => {
        const month = drafts.map(({ categorised, ...draft }) =>
          aTransaction({ ...draft, category: categorised ? food : null }),
        );
        const { totals, spending } = summarizeMonth(month);
        for (const { currency, incomeCents, spendingCents, netCents } of totals) {
          const sum = (type: string) =>
            month
              .filter((t) => t.currency === currency && t.type === type)
              .reduce((total, t) => total + t.amountCents, 0);
          expect(incomeCents).toBe(sum('income'));
          expect(spendingCents).toBe(sum('expense'));
          expect(netCents).toBe(incomeCents - spendingCents);
        }
        expect(totals.map((t) => t.currency).sort()).toEqual(
          [...new Set(month.map((t) => t.currency))].sort(),
        );
        const charted = spending?.categories.reduce((total, c) => total + c.cents, 0) ?? 0;
        const spentInChartCurrency =
          totals.find((t) => t.currency === spending?.currency)?.spendingCents ?? 0;
        expect(charted).toBe(spentInChartCurrency);
      }),
    );
  });

  it('charts the currency most expenses are in, biggest category first', () => {
    const { spending } = summarizeMonth([
      aTransaction({ currency: 'USD', amountCents: 99_999 }),
      aTransaction({ category: food, amountCents: 100 }),
      aTransaction({ amountCents: 300 }),
      aTransaction({ type: 'income', currency: 'USD', amountCents: 5 }),
      aTransaction({ type: 'income', currency: 'USD', amountCents: 5 }),
    ]);
    expect(spending).toEqual({
      currency: 'EUR',
      categories: [
        { categoryId: null, name: 'Uncategorised', color: '#94a3b8', cents: 300 },
        { categoryId: food.id, name: 'Food', color: '#22c55e', cents: 100 },
      ],
    });
  });

  it('charts nothing in a month without spending', () => {
    expect(summarizeMonth([aTransaction({ type: 'income' })]).spending).toBeNull();
  });
});
