import { centsFromDecimal } from '../../lib/money';
import fc from 'fast-check';
import { aBudget } from '../../test/factories/budgets';
import {
  budgetValues,
  formatAmountInput,
  parseThresholds,
  toCreateBody,
  toUpdateBody,
} from './budget-form';

describe('budget form', () => {
  it.each([
    ['500', 50_000],
    ['499.9', 49_990],
    ['499,99', 49_999],
    [' 0.05 ', 5],
  ])('reads the limit %p as %p cents', (text, cents) => {
    expect(centsFromDecimal(text)).toBe(cents);
  });

  it.each(['', 'abc', '-5', '12.345', '1e3', '1.2.3'])('refuses the limit %p', (text) => {
    expect(centsFromDecimal(text)).toBeNull();
  });

  it('reads back every amount it shows, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (cents) => {
        expect(centsFromDecimal(formatAmountInput(cents))).toBe(cents);
      }),
    );
  });

  it('reads thresholds in any order and separator, once each, ascending', () => {
    expect(parseThresholds('100, 80%;50 80')).toEqual([50, 80, 100]);
    expect(parseThresholds('')).toBeNull();
    expect(parseThresholds('80, 9.5')).toBeNull();
  });

  it('sends neither category nor currency when editing, which the API does not accept', () => {
    const values = budgetValues(aBudget({ categoryId: 'c-1', currency: 'USD' }));
    expect(toUpdateBody(values)).toEqual({
      ok: true,
      body: {
        period: 'monthly',
        limitCents: 50_000,
        startDate: '2026-01-01',
        alertThresholds: [90, 100],
      },
    });
    expect(toCreateBody(values)).toMatchObject({
      ok: true,
      body: { categoryId: 'c-1', currency: 'USD' },
    });
  });

  it('says what to enter, by field, before anything is sent', () => {
    const values = {
      ...budgetValues(aBudget()),
      limit: '0',
      currency: 'euro',
      startDate: '',
      thresholds: '80, 1200',
    };
    expect(toCreateBody(values)).toEqual({
      ok: false,
      errors: {
        limit: 'Enter an amount above zero, like 12.50',
        currency: 'Enter a currency code like EUR',
        startDate: 'Enter the date the budget starts',
        thresholds: 'Enter percentages from 1 to 1000, such as 80, 100',
      },
    });
  });

  it('leaves the currency alone when editing, where it cannot change', () => {
    const values = { ...budgetValues(aBudget()), currency: '', limit: 'abc' };
    expect(toUpdateBody(values)).toEqual({
      ok: false,
      errors: { limit: 'Enter an amount like 12.50' },
    });
  });
});
