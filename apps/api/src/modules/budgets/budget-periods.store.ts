import type { BudgetPeriod } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BudgetsTable } from '../../database/generated/db-tables';
import { Narrowed, rowsOf } from '../../database/typed-rows';
import { fromLiveBudgets, IN_CURRENT_PERIOD, now } from './budgets.store';

/** One period of a budget: computed, of no table. */
export interface PastPeriod {
  /** `YYYY-MM-DD`; the first period starts on the budget's start date. */
  periodStart: string;
  periodEnd: string;
  /** The day after the last one. */
  nextPeriodStart: string;
  /** Whether it is the period today is in (still running). */
  current: boolean;
}

/** A live budget with its latest periods, newest first. */
export interface BudgetWithPeriods {
  id: string;
  categoryId: string | null;
  period: BudgetPeriod;
  /** Exact, as PostgreSQL's text. */
  limitCents: string;
  currency: string;
  alertThresholds: number[];
  periods: PastPeriod[];
}

type PeriodRow = Pick<
  Narrowed<BudgetsTable, { period: BudgetPeriod }>,
  'id' | 'category_id' | 'period' | 'limit_cents' | 'currency' | 'alert_thresholds'
> & {
  period_start: string;
  period_end: string;
  next_period_start: string;
  current: boolean;
};

/**
 * The current period of budget `$1` and up to `$2 - 1` before it, newest first, as the budget
 * module computes periods (the user's time zone and first day of the week, at the instant `$3`);
 * none before the budget's start date, and the first starting on it.
 */
const PERIODS_SQL = `
  WITH current_period AS (
    ${IN_CURRENT_PERIOD}, a.anchor, u.unit ${fromLiveBudgets('$3')} AND b.id = $1
  )
  SELECT c.id, c.category_id, c.period, c.limit_cents, c.currency, c.alert_thresholds,
         to_char(greatest(p.anchor, c.start_date::date), 'YYYY-MM-DD') AS period_start,
         to_char(p.next_anchor - 1, 'YYYY-MM-DD') AS period_end,
         to_char(p.next_anchor, 'YYYY-MM-DD') AS next_period_start,
         k = 0 AS current
  FROM current_period c
  CROSS JOIN generate_series(0, $2 - 1) k
  CROSS JOIN LATERAL (
    SELECT (c.anchor - (k || ' ' || c.unit)::interval)::date AS anchor,
           (c.anchor - ((k - 1) || ' ' || c.unit)::interval)::date AS next_anchor
  ) p
  WHERE p.next_anchor > c.start_date::date
  ORDER BY k`;

/** A budget's past periods, on the caller's transaction (Row-Level Security applies). */
@Injectable()
export class BudgetPeriodsStore {
  /** The budget with its latest `count` periods, newest first; undefined when it is not found. */
  async latest(
    manager: EntityManager,
    id: string,
    count: number,
  ): Promise<BudgetWithPeriods | undefined> {
    const rows = await rowsOf<PeriodRow>(manager, PERIODS_SQL, [id, count, now()]);
    const [first] = rows;
    if (!first) return undefined;
    return {
      id: first.id,
      categoryId: first.category_id,
      period: first.period,
      limitCents: first.limit_cents,
      currency: first.currency,
      alertThresholds: first.alert_thresholds,
      periods: rows.map((row) => ({
        periodStart: row.period_start,
        periodEnd: row.period_end,
        nextPeriodStart: row.next_period_start,
        current: row.current,
      })),
    };
  }
}
