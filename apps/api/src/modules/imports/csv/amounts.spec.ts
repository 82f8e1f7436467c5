import { decimalSeparatorFitting, parseAmountCents } from './amounts';

describe('parseAmountCents', () => {
  it.each([
    ['12.50', '.', 1250],
    ['-12.5', '.', -1250],
    ['1,234.56', '.', 123_456],
    ["1'234.56", '.', 123_456],
    ['+7', '.', 700],
    ['(12.50)', '.', -1250],
    ['−3.10', '.', -310],
    ['.99', '.', 99],
    ['USD 12.00', '.', 1200],
    ['-12,50', ',', -1250],
    ['1.234,56', ',', 123_456],
    ['1 234,56 €', ',', 123_456],
    ['1\u00a0234,56', ',', 123_456],
    ['12,50-', ',', -1250],
    ['-1.000.000,00 EUR', ',', -100_000_000],
  ] as const)('reads %j with %j as %d cents', (text, decimal, cents) => {
    expect(parseAmountCents(text, decimal)).toEqual({ cents });
  });

  it.each([
    ['12,3x', '.'],
    ['abc', ','],
    ['12.345', '.'],
    ['1,23,4.00', '.'],
    ['', '.'],
    ['-', ','],
    ['1.2.3', ','],
  ] as const)('refuses %j with %j, quoting it', (text, decimal) => {
    expect(parseAmountCents(text, decimal)).toEqual({
      problem: `amount '${text}' is not an amount`,
    });
  });

  it('refuses amounts beyond the largest one stored', () => {
    expect(parseAmountCents('1000000000001', '.')).toEqual({
      problem: "amount '1000000000001' is larger than 1000000000000",
    });
  });
});

describe('decimalSeparatorFitting', () => {
  it('takes the comma when values write cents after it', () => {
    expect(decimalSeparatorFitting(['-12,50', '1.234,00', '3'])).toBe(',');
  });

  it('takes the point when values write cents after it', () => {
    expect(decimalSeparatorFitting(['-12.50', '1,234.00', ''])).toBe('.');
  });

  it('takes the one that reads more values: 1.234 is a thousand with a comma for cents', () => {
    expect(decimalSeparatorFitting(['1.234', '2.500'])).toBe(',');
  });

  it('takes the point for whole numbers, which read the same either way', () => {
    expect(decimalSeparatorFitting(['12', '-7'])).toBe('.');
  });
});
