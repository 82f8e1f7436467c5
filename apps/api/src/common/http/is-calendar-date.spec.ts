import fc from 'fast-check';
import { isCalendarDate } from './is-calendar-date.decorator';

describe('isCalendarDate', () => {
  it('accepts every real day between 1900 and 2100 written YYYY-MM-DD', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          expect(isCalendarDate(date.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-1-5',
    '26-01-05',
    '2026-01-05T00:00:00Z',
    '',
  ])('refuses %p', (value) => expect(isCalendarDate(value)).toBe(false));

  it('accepts 29 February in a leap year and refuses non-strings', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate(20260101)).toBe(false);
  });
});
