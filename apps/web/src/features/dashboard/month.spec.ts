import { applyFormatSettings, DEFAULT_FORMAT_SETTINGS } from '../../lib/format-settings';
import { currentMonthKey, monthOfKey, shiftMonth, shortMonthName } from './month';

describe('currentMonthKey', () => {
  it('is the month in the user’s time zone, not the browser’s', () => {
    const instant = new Date('2026-11-30T12:00:00Z');
    expect(currentMonthKey(instant, 'Pacific/Auckland')).toBe('2026-12');
    expect(currentMonthKey(instant, 'America/Los_Angeles')).toBe('2026-11');
    expect(currentMonthKey(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01');
  });
});

describe('monthOfKey', () => {
  it.each([
    ['2026-11', '2026-11-01', '2026-11-30', 'November 2026'],
    ['2028-02', '2028-02-01', '2028-02-29', 'February 2028'],
    ['2026-12', '2026-12-01', '2026-12-31', 'December 2026'],
  ])('knows the days and the name of %s', (key, from, to, name) => {
    expect(monthOfKey(key)).toEqual({ key, from, to, name });
  });

  it('names the month in the user’s date format', () => {
    applyFormatSettings({ ...DEFAULT_FORMAT_SETTINGS, dateLocale: 'de-DE' });
    expect(monthOfKey('2026-03').name).toBe('März 2026');
    expect(shortMonthName('2026-03')).toBe('Mär');
  });
});

describe('shiftMonth', () => {
  it('steps across years both ways', () => {
    expect(shiftMonth('2026-11', 1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', -11)).toBe('2025-12');
    expect(shiftMonth('2026-11', -60)).toBe('2021-11');
  });
});
