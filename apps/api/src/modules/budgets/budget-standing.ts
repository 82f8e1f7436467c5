import { BudgetStatus } from '@ledgerlens/contracts';

/** Where a budget stands in its current period, given what was spent in it. */
export interface BudgetStanding {
  /** Sums are exact decimal text: they can pass 2^53, where numbers lose cents. */
  spentCents: string;
  /** Limit minus spent; negative when over. */
  remainingCents: string;
  /** Spent as a percentage of the limit, rounded to two places (halves away from zero). */
  percentUsed: number;
  /** `over` from 100 %, `warning` from the lowest alert threshold. */
  status: BudgetStatus;
}

/** What a budget is measured by: its limit (exact text) and its alert thresholds in percent. */
export interface BudgetLimits {
  limitCents: string;
  alertThresholds: readonly number[];
}

export function standingOf(budget: BudgetLimits, spentCents: string): BudgetStanding {
  const spent = BigInt(spentCents);
  const limit = BigInt(budget.limitCents);
  const lowest = budget.alertThresholds.length > 0 ? Math.min(...budget.alertThresholds) : null;
  return {
    spentCents,
    remainingCents: (limit - spent).toString(),
    percentUsed: percentOf(spent, limit),
    status:
      spent >= limit
        ? 'over'
        : lowest !== null && reaches(spent, limit, lowest)
          ? 'warning'
          : 'on_track',
  };
}

/** The alert thresholds (percent) a budget's spending has reached, in the budget's order. */
export function thresholdsReached(budget: BudgetLimits, spentCents: string): number[] {
  const spent = BigInt(spentCents);
  const limit = BigInt(budget.limitCents);
  return budget.alertThresholds.filter((threshold) => reaches(spent, limit, threshold));
}

function reaches(spent: bigint, limit: bigint, thresholdPercent: number): boolean {
  return spent * 100n >= limit * BigInt(thresholdPercent);
}

/**
 * 100 × spent / limit to two places, as PostgreSQL answered `round(spent * 100.0 / limit, 2)`
 * when it computed the standing: the division rounds to PostgreSQL's scale for it, then the
 * result to two places, both halves away from zero. The two roundings differ from one exact
 * rounding only for sums far beyond their limit.
 */
function percentOf(spent: bigint, limit: bigint): number {
  const dividend = spent * 100n;
  const scale = divisionScale(dividend, limit);
  const quotient = roundedQuotient(dividend * 10n ** BigInt(scale), limit);
  const hundredths =
    scale >= 2 ? roundedQuotient(quotient, 10n ** BigInt(scale - 2)) : quotient * 10n;
  const size = hundredths < 0n ? -hundredths : hundredths;
  const sign = hundredths < 0n ? '-' : '';
  return Number(`${sign}${size / 100n}.${(size % 100n).toString().padStart(2, '0')}`);
}

/**
 * The scale PostgreSQL gives `dividend.0 / divisor` (numeric's `select_div_scale`): about 16
 * significant digits, estimated from the leading base-10000 digits, and at least the dividend's
 * one decimal.
 */
function divisionScale(dividend: bigint, divisor: bigint): number {
  const a = leadingDigit(dividend);
  const b = leadingDigit(divisor);
  const quotientWeight = a.weight - b.weight - (a.digit <= b.digit ? 1 : 0);
  return Math.min(Math.max(16 - quotientWeight * 4, 1), 1000);
}

/** A whole number's leading base-10000 digit and its weight (zero: both 0). */
function leadingDigit(value: bigint): { digit: bigint; weight: number } {
  let size = value < 0n ? -value : value;
  let weight = 0;
  while (size >= 10_000n) {
    size /= 10_000n;
    weight += 1;
  }
  return { digit: size, weight };
}

/** `dividend / divisor` (divisor > 0) rounded to a whole number, halves away from zero. */
function roundedQuotient(dividend: bigint, divisor: bigint): bigint {
  const size = dividend < 0n ? -dividend : dividend;
  const quotient = (2n * size + divisor) / (2n * divisor);
  return dividend < 0n ? -quotient : quotient;
}
