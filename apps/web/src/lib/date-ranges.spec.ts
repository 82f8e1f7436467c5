import { WEEKDAYS } from '@ledgerlens/contracts';
import fc from 'fast-check';
import { addDays, dayIn, monthBefore, monthOf, weekdayOf, weekOf } from './date-ranges';

/** Zones far ahead of and behind UTC, on quarter and half hours, with and without summer time. */
const ZONES = [
  'UTC',
  'Europe/Zurich',
  'America/Los_Angeles',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

const moments = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2200-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const zones = fc.constantFrom(...ZONES);
const weekdays = fc.constantFrom(...WEEKDAYS);

/** Whole days from `from` to `to`. */
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

describe('date ranges', () => {
  describe('dayIn', () => {
    it("gives the date in the zone, not the browser's", () => {
      const lateSundayInUtc = new Date('2026-11-29T23:30:00Z');
      expect(dayIn(lateSundayInUtc, 'UTC')).toBe('2026-11-29');
      expect(dayIn(lateSundayInUtc, 'Europe/Zurich')).toBe('2026-11-30');
      expect(dayIn(lateSundayInUtc, 'Pacific/Kiritimati')).toBe('2026-11-30');
      expect(dayIn(new Date('2026-11-30T09:00:00Z'), 'Pacific/Pago_Pago')).toBe('2026-11-29');
    });

    it('is the UTC date in UTC', () => {
      fc.assert(
        fc.property(moments, (moment) => {
          expect(dayIn(moment, 'UTC')).toBe(moment.toISOString().slice(0, 10));
        }),
      );
    });
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });

  describe('weekOf', () => {
    it('starts on the chosen first day of the week', () => {
      // Wednesday 2 December 2026.
      expect(weekOf('2026-12-02', 1)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
      expect(weekOf('2026-12-02', 7)).toEqual({ from: '2026-11-29', to: '2026-12-05' });
      expect(weekOf('2026-12-02', 3)).toEqual({ from: '2026-12-02', to: '2026-12-08' });
      expect(weekOf('2026-12-02', 4)).toEqual({ from: '2026-11-26', to: '2026-12-02' });
    });

    it('for any moment, zone and first day: 7 days from that weekday, holding the day', () => {
      fc.assert(
        fc.property(moments, zones, weekdays, (moment, zone, firstDayOfWeek) => {
          const day = dayIn(moment, zone);
          const { from, to } = weekOf(day, firstDayOfWeek);
          expect(weekdayOf(from)).toBe(firstDayOfWeek);
          expect(daysBetween(from, to)).toBe(6);
          expect(from <= day && day <= to).toBe(true);
        }),
      );
    });
  });

  describe('monthOf and monthBefore', () => {
    it('know the length of each month, leap Februaries included', () => {
      expect(monthOf('2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
      expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
      expect(monthOf('2100-02-10')).toEqual({ from: '2100-02-01', to: '2100-02-28' });
      expect(monthBefore('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
      expect(monthBefore('2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    });

    it('for any moment and zone: from the 1st to the last day, the month before just ahead', () => {
      fc.assert(
        fc.property(moments, zones, (moment, zone) => {
          const day = dayIn(moment, zone);
          const month = monthOf(day);
          expect(month.from).toBe(`${day.slice(0, 7)}-01`);
          expect(month.to.slice(0, 7)).toBe(day.slice(0, 7));
          expect(addDays(month.to, 1).slice(8)).toBe('01');
          expect(month.from <= day && day <= month.to).toBe(true);

          const before = monthBefore(day);
          expect(before.from.slice(8)).toBe('01');
          expect(addDays(before.to, 1)).toBe(month.from);
        }),
      );
    });
  });
});
