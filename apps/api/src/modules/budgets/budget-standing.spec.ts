import { standingOf, thresholdsReached } from './budget-standing';

const budget = { limitCents: '40000', alertThresholds: [80, 100] };

describe('standingOf', () => {
  it('answers remaining, percent used and status from the exact sums', () => {
    expect(standingOf(budget, '17000')).toEqual({
      spentCents: '17000',
      remainingCents: '23000',
      percentUsed: 42.5,
      status: 'on_track',
    });
    expect(standingOf(budget, '32000').status).toBe('warning');
    expect(standingOf(budget, '40000').status).toBe('over');
    expect(standingOf(budget, '42000')).toMatchObject({ remainingCents: '-2000', status: 'over' });
  });

  it('warns from the lowest threshold, whatever their order, and never without one', () => {
    expect(standingOf({ limitCents: '100', alertThresholds: [90, 50] }, '50').status).toBe(
      'warning',
    );
    expect(standingOf({ limitCents: '100', alertThresholds: [] }, '99').status).toBe('on_track');
  });

  it('rounds the percentage to two places, halves away from zero', () => {
    expect(standingOf({ limitCents: '3', alertThresholds: [] }, '1').percentUsed).toBe(33.33);
    expect(standingOf({ limitCents: '3', alertThresholds: [] }, '2').percentUsed).toBe(66.67);
    expect(standingOf({ limitCents: '800', alertThresholds: [] }, '1').percentUsed).toBe(0.13);
    expect(standingOf({ limitCents: '16', alertThresholds: [] }, '1').percentUsed).toBe(6.25);
    expect(standingOf({ limitCents: '1', alertThresholds: [] }, '0').percentUsed).toBe(0);
  });

  it('rounds far beyond the limit as PostgreSQL did: the division first, to its own scale', () => {
    // round(372717478698886 * 100.0 / 17146, 2) in PostgreSQL; one exact rounding gives .61.
    expect(
      standingOf({ limitCents: '17146', alertThresholds: [] }, '372717478698886').percentUsed,
    ).toBe(2173786764836.62);
  });

  it('keeps sums beyond 2^53 exact', () => {
    const standing = standingOf({ limitCents: '1', alertThresholds: [] }, '9007199254740993');
    expect(standing.remainingCents).toBe('-9007199254740992');
  });
});

describe('thresholdsReached', () => {
  it('lists the thresholds the spending reached, exactly at the boundary too', () => {
    expect(thresholdsReached(budget, '31999')).toEqual([]);
    expect(thresholdsReached(budget, '32000')).toEqual([80]);
    expect(thresholdsReached(budget, '40000')).toEqual([80, 100]);
  });
});
