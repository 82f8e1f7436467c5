import type { RuleFields } from './recurring-rules.store';
import { fieldsAfter, scheduleProblems } from './rule-fields';

const rent: RuleFields = {
  accountId: '00000000-0000-4000-a000-000000000001',
  name: 'Rent',
  description: null,
  categoryId: null,
  type: 'expense',
  amountCents: 95_000,
  currency: 'EUR',
  frequency: 'monthly',
  interval: 1,
  dayOfMonth: 1,
  lastDayOfMonth: false,
  startDate: '2026-01-01',
  endDate: null,
  occurrenceCount: null,
  paused: false,
  nextDueOn: '2026-12-01',
};

describe('fieldsAfter', () => {
  it('keeps what the update leaves out', () => {
    expect(fieldsAfter(rent, { amountCents: 99_000 })).toEqual({ ...rent, amountCents: 99_000 });
  });

  it('lets the last day replace a day of the month, and the other way round', () => {
    const last = fieldsAfter(rent, { lastDayOfMonth: true });
    expect(last).toMatchObject({ dayOfMonth: null, lastDayOfMonth: true });
    expect(fieldsAfter(last, { dayOfMonth: 15 })).toMatchObject({
      dayOfMonth: 15,
      lastDayOfMonth: false,
    });
  });

  it('drops the day of the month for another frequency, unless the update gives one', () => {
    expect(fieldsAfter(rent, { frequency: 'weekly' })).toMatchObject({
      dayOfMonth: null,
      lastDayOfMonth: false,
    });
    const contradictory = fieldsAfter(rent, { frequency: 'weekly', dayOfMonth: 3 });
    expect(scheduleProblems(contradictory)).toEqual({
      dayOfMonth: ['dayOfMonth and lastDayOfMonth are for monthly rules only'],
    });
  });

  it('lets an end date replace a count and the other way round, and clears with null', () => {
    const counted = fieldsAfter(rent, { occurrenceCount: 12 });
    const dated = fieldsAfter(counted, { endDate: '2026-12-31' });
    expect(dated).toMatchObject({ endDate: '2026-12-31', occurrenceCount: null });
    expect(fieldsAfter(dated, { endDate: null })).toMatchObject({
      endDate: null,
      occurrenceCount: null,
    });
    expect(
      scheduleProblems(fieldsAfter(rent, { endDate: '2026-12-31', occurrenceCount: 3 })),
    ).toEqual({ occurrenceCount: ['give either endDate or occurrenceCount, not both'] });
  });
});

describe('scheduleProblems', () => {
  it('accepts a rule whose fields fit together', () => {
    expect(scheduleProblems(rent)).toEqual({});
  });

  it('asks a monthly rule for one day and refuses an end before the start', () => {
    expect(scheduleProblems({ ...rent, dayOfMonth: null, endDate: '2025-12-31' })).toEqual({
      dayOfMonth: ['a monthly rule needs dayOfMonth (1 to 28) or lastDayOfMonth'],
      endDate: ['endDate must not be before startDate'],
    });
    expect(scheduleProblems({ ...rent, lastDayOfMonth: true })).toEqual({
      dayOfMonth: ['give either dayOfMonth or lastDayOfMonth, not both'],
    });
  });
});
