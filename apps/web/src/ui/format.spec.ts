import { DEFAULT_FORMAT_SETTINGS, applyFormatSettings } from '../lib/format-settings';
import { decimalFromCents } from '../lib/money';
import {
  formatDay,
  formatLocalTime,
  formatMoney,
  formatSignedMoney,
  isoOfLocalInput,
  localInputOf,
} from './format';

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

describe('the user’s format settings', () => {
  const use = (changes: Partial<typeof DEFAULT_FORMAT_SETTINGS>) =>
    applyFormatSettings({ ...DEFAULT_FORMAT_SETTINGS, ...changes });

  it('writes money in the user’s number format, exactly and with the true minus', () => {
    use({ numberLocale: 'de-DE' });
    expect(formatMoney(123_456_789, 'EUR')).toBe('1.234.567,89\u00a0€');
    expect(formatMoney('-9100000000000001', 'EUR')).toBe('\u221291.000.000.000.000,01\u00a0€');
    expect(formatSignedMoney(350, 'USD')).toBe('+3,50\u00a0$');
    expect(decimalFromCents(1250)).toBe('12,50');
  });

  it('shows a moment in the user’s time zone, and the time zone change moves it', () => {
    const iso = '2026-11-21T23:30:00Z';
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };
    expect(formatLocalTime(iso, options)).toBe('11/21/26, 11:30 PM');
    use({ timeZone: 'Europe/Berlin' });
    expect(formatLocalTime(iso, options)).toBe('11/22/26, 12:30 AM');
    use({ timeZone: 'America/Los_Angeles', dateLocale: 'de-DE' });
    expect(formatLocalTime(iso, options)).toBe('21.11.26, 15:30');
  });

  it('writes a calendar day in the user’s date format, never shifted by the time zone', () => {
    use({ dateLocale: 'en-GB', timeZone: 'Pacific/Kiritimati' });
    expect(formatDay('2026-11-21')).toBe('21 Nov 2026');
    use({ dateLocale: 'de-DE', timeZone: 'Pacific/Pago_Pago' });
    expect(formatDay('2026-11-21')).toBe('21.11.2026');
  });
});
