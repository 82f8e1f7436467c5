import { aCategory } from '../../test/factories/categories';
import { aTransaction, aTransactionSummary } from '../../test/factories/transactions';
import { summarizeMonth } from './month-summary';

describe('summarizeMonth', () => {
  const food = aCategory({ name: 'Food', color: '#22c55e' });
  const salary = aCategory({ name: 'Salary', kind: 'income' });

  it('keeps the API’s totals per currency, most used first', () => {
    const { totals } = summarizeMonth(
      aTransactionSummary([
        aTransaction({ currency: 'USD', amountCents: 700 }),
        aTransaction({ category: food, amountCents: 100 }),
        aTransaction({ category: salary, type: 'income', amountCents: 5_000 }),
      ]),
    );
    expect(totals).toEqual([
      { currency: 'EUR', incomeCents: '5000', spendingCents: '100', netCents: '4900' },
      { currency: 'USD', incomeCents: '0', spendingCents: '700', netCents: '-700' },
    ]);
  });

  it('breaks spending down by category per currency, the one most expenses are in first', () => {
    const { spending } = summarizeMonth(
      aTransactionSummary([
        aTransaction({ currency: 'USD', amountCents: 99_999 }),
        aTransaction({ category: food, amountCents: 100 }),
        aTransaction({ amountCents: 300 }),
        aTransaction({ category: salary, type: 'income', amountCents: 5_000 }),
        aTransaction({ type: 'income', currency: 'USD', amountCents: 5 }),
        aTransaction({ type: 'income', currency: 'USD', amountCents: 5 }),
        aTransaction({ type: 'income', currency: 'CHF', amountCents: 5 }),
      ]),
    );
    expect(spending).toEqual([
      {
        currency: 'EUR',
        categories: [
          { categoryId: null, name: 'Uncategorised', color: '#94a3b8', cents: '300' },
          { categoryId: food.id, name: 'Food', color: '#22c55e', cents: '100' },
        ],
      },
      {
        currency: 'USD',
        categories: [{ categoryId: null, name: 'Uncategorised', color: '#94a3b8', cents: '99999' }],
      },
    ]);
  });

  it('charts nothing in a month without spending', () => {
    expect(
      summarizeMonth(aTransactionSummary([aTransaction({ type: 'income' })])).spending,
    ).toEqual([]);
    expect(summarizeMonth(aTransactionSummary([]))).toEqual({ totals: [], spending: [] });
  });
});
