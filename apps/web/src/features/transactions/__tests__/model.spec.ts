import fc from 'fast-check';
import { aTransaction } from '../../../test/factories/transactions';
import { groupByDay, uniqueById } from '../model/group-by-day';
import { formatSignedMoney } from '../../../ui';
import { centsFromDecimal, decimalFromCents } from '../../../lib/money';
import { apiFiltersOf, filterErrorsOf, filterValuesOf } from '../model/transaction-filters';
import { defined } from '../../../test/defined';

describe('money', () => {
  it.each([
    ['12.50', 1250],
    ['12,5', 1250],
    [' 7 ', 700],
    ['0.29', 29],
    ['1000000', 100_000_000],
  ])('reads %j as %d cents', (typed, cents) => {
    expect(centsFromDecimal(typed)).toBe(cents);
  });

  it.each(['', 'abc', '12.345', '-5', '1.2.3', '1e3', '12.'])('refuses %j', (typed) => {
    expect(centsFromDecimal(typed)).toBeNull();
  });

  it('reads back every amount it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (cents) => {
        expect(centsFromDecimal(decimalFromCents(cents))).toBe(cents);
      }),
    );
  });

  it('signs money with a true minus for losses and a plus for gains', () => {
    expect(formatSignedMoney(-1250, 'EUR')).toBe('\u2212€12.50');
    expect(formatSignedMoney(300, 'EUR')).toBe('+€3.00');
    expect(formatSignedMoney(0, 'EUR')).toBe('€0.00');
  });
});

describe('groupByDay', () => {
  it('keeps the days in list order, one group per day, whatever page they came from', () => {
    const transactions = [
      aTransaction({ occurredOn: '2026-11-21', createdAt: '2026-11-21T08:00:00.000Z' }),
      aTransaction({ occurredOn: '2026-11-20' }),
      aTransaction({ occurredOn: '2026-11-21', createdAt: '2026-11-21T09:00:00.000Z' }),
    ];
    const groups = groupByDay(transactions);
    expect(groups.map((group) => group.day)).toEqual(['2026-11-21', '2026-11-20']);
    expect(defined(groups[0]).transactions).toEqual([transactions[2], transactions[0]]);
  });

  it('nets income against expenses per currency', () => {
    const day = defined(
      groupByDay([
        aTransaction({ type: 'income', amountCents: 5000, currency: 'EUR' }),
        aTransaction({ type: 'expense', amountCents: 1250, currency: 'EUR' }),
        aTransaction({ type: 'expense', amountCents: 300, currency: 'USD' }),
      ])[0],
    );
    expect(day.totals).toHaveLength(2);
    expect(day.totals).toEqual(
      expect.arrayContaining([
        { currency: 'EUR', cents: 3750 },
        { currency: 'USD', cents: -300 },
      ]),
    );
  });

  it('counts every transaction exactly once', () => {
    const aDay = fc.constantFrom('2026-11-19', '2026-11-20', '2026-11-21');
    fc.assert(
      fc.property(fc.array(aDay, { maxLength: 30 }), (days) => {
        const groups = groupByDay(days.map((occurredOn) => aTransaction({ occurredOn })));
        expect(groups.reduce((sum, group) => sum + group.transactions.length, 0)).toBe(days.length);
        expect(new Set(groups.map((group) => group.day)).size).toBe(groups.length);
      }),
    );
  });

  it('drops a transaction repeated by overlapping pages', () => {
    const coffee = aTransaction();
    const tea = aTransaction();
    expect(uniqueById([coffee, tea, coffee])).toEqual([coffee, tea]);
  });
});

describe('filters', () => {
  const valuesOf = (search: string) => filterValuesOf(new URLSearchParams(search));

  it('says what is wrong with each filter, in plain words', () => {
    expect(
      filterErrorsOf(valuesOf('from=yesterday&type=refund&min=abc&max=12,x&q=%20%20')),
    ).toEqual({
      from: 'Enter a date like 2026-11-21',
      min: 'Enter an amount like 12.50',
      max: 'Enter an amount like 12.50',
    });
    expect(filterErrorsOf(valuesOf('min=0'))).toEqual({
      min: 'Enter an amount above zero, like 12.50',
    });
  });

  it('flags a lowest amount above the highest, and a start date after the end date', () => {
    expect(filterErrorsOf(valuesOf('min=20&max=5.50&from=2026-11-30&to=2026-11-01'))).toEqual({
      max: 'The lowest amount is above the highest',
      to: 'The end date is before the start date',
    });
    expect(filterErrorsOf(valuesOf('min=5.50&max=5,5&from=2026-11-01&to=2026-11-01'))).toEqual({});
  });

  it('leaves out of the query a filter with a problem, and both ends of a broken range', () => {
    const values = valuesOf('from=2026-11-30&to=2026-11-01&type=refund&min=abc&max=20&q=%20%20');
    expect(apiFiltersOf(values, filterErrorsOf(values))).toEqual({ maxAmountCents: 2000 });
  });

  it('trims the search and converts amounts to cents', () => {
    const values = valuesOf('q=%20tea%20&min=1.5&max=20');
    expect(apiFiltersOf(values, filterErrorsOf(values))).toEqual({
      q: 'tea',
      minAmountCents: 150,
      maxAmountCents: 2000,
    });
  });
});
