import { formatMoney, formatSignedMoney, isoOfLocalInput, localInputOf } from './format';

describe('formatMoney', () => {
  it.each([
    [1250, 'EUR', '€12.50'],
    [-1250, 'EUR', '\u2212€12.50'],
    [5, 'USD', '$0.05'],
    [0, 'EUR', '€0.00'],
    ['-7', 'EUR', '\u2212€0.07'],
    [100_000_000_000_000, 'EUR', '€1,000,000,000,000.00'],
  ])('writes %p %s as %p', (cents, currency, text) => {
    expect(formatMoney(cents, currency)).toBe(text);
  });

  it('writes sums past 2^53 to the cent, from the decimal strings the API sends', () => {
    expect(formatMoney('9100000000000001', 'EUR')).toBe('€91,000,000,000,000.01');
    expect(formatMoney('-9007199254740993', 'USD')).toBe('\u2212$90,071,992,547,409.93');
    expect(formatMoney(9_007_199_254_740_993n, 'USD')).toBe('$90,071,992,547,409.93');
  });
});

describe('the minus sign', () => {
  it('is the same true minus in every amount, signed or not', () => {
    const minus = /[-\u2212]/g;
    expect(formatMoney(-1250, 'EUR').match(minus)).toEqual(['\u2212']);
    expect(formatSignedMoney(-1250, 'EUR').match(minus)).toEqual(['\u2212']);
  });
});

describe('formatSignedMoney', () => {
  it('puts a true minus before losses and a plus before gains, exactly', () => {
    expect(formatSignedMoney('-9100000000000001', 'EUR')).toBe('\u2212€91,000,000,000,000.01');
    expect(formatSignedMoney('9100000000000001', 'EUR')).toBe('+€91,000,000,000,000.01');
    expect(formatSignedMoney('0', 'EUR')).toBe('€0.00');
  });
});

describe('datetime-local values', () => {
  it('converts between datetime-local values (viewer’s time) and instants', () => {
    const iso = isoOfLocalInput('2026-11-21T09:30');
    expect(iso).toBe(new Date(2026, 10, 21, 9, 30).toISOString());
    expect(localInputOf(iso)).toBe('2026-11-21T09:30');
    expect(isoOfLocalInput('')).toBe('');
    expect(localInputOf('not a time')).toBe('');
  });
});
