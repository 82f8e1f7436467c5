import { DEFAULT_INSIGHT_MONTHS, MAX_INSIGHT_MONTHS } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TransactionsTable } from '../../database/generated/db-tables';
import { rowsOf } from '../../database/typed-rows';

/** Months asked for, each `YYYY-MM` or undefined for the default. */
export interface MonthRange {
  from?: string;
  to?: string;
}

/** The range a statement resolved in the user's time zone, carried by each of its rows. */
interface BoundsColumns {
  first_month: string;
  last_month: string;
  /** Months from first to last, both included; below 1 when the range is the wrong way round. */
  span: number;
}

/** A month's income and spending in one currency: computed, of no table. */
export type MonthTotalsRow = BoundsColumns & {
  currency: TransactionsTable['currency'] | null;
  month: string | null;
  income_cents: string;
  spending_cents: string;
  net_cents: string;
  income_count: number;
  expense_count: number;
};

/** A month's spending in one currency and category: computed, of no table. */
export type CategoryMonthRow = BoundsColumns &
  Pick<TransactionsTable, 'category_id'> & {
    currency: TransactionsTable['currency'] | null;
    month: string | null;
    cents: string;
    count: number;
    total_cents: string;
  };

/**
 * The months of the range: `$1` and `$2` are their first days (or null for the defaults), `$3`
 * the instant "this month" is taken at, in the user's own time zone (their row, under Row-Level
 * Security). Ranges the wrong way round or too long have no months, and read no transactions.
 */
const MONTHS_OF_RANGE = `
  zone AS (
    SELECT date_trunc('month', $3::timestamptz AT TIME ZONE coalesce(
             (SELECT own.time_zone FROM users own WHERE own.id = app_current_user_id()), 'UTC'
           ))::date AS this_month
  ),
  range AS (
    SELECT coalesce($1::date, (ends.last - interval '${DEFAULT_INSIGHT_MONTHS - 1} months')::date) AS first,
           ends.last
    FROM (SELECT coalesce($2::date, zone.this_month) AS last FROM zone) ends
  ),
  bounds AS (
    SELECT r.first, r.last, (r.last + interval '1 month')::date AS after_last,
           (extract(year FROM r.last) - extract(year FROM r.first))::int * 12
             + (extract(month FROM r.last) - extract(month FROM r.first))::int + 1 AS span
    FROM range r
  ),
  months AS (
    SELECT m::date AS month
    FROM bounds b, generate_series(b.first::timestamp, b.last::timestamp, interval '1 month') m
    WHERE b.span BETWEEN 1 AND ${MAX_INSIGHT_MONTHS}
  )`;

/**
 * The live transactions of one type within the range, read through the user's index by day: the
 * bounds are single values (init plans), so the days are an index condition. A range refused
 * (wrong way round, too long) has no first day, and no row passes.
 */
const inRange = (type: 'income' | 'expense' | 'both') => `
  FROM transactions t
  WHERE t.deleted_at IS NULL
    AND ${type === 'both' ? `t.type IN ('income', 'expense')` : `t.type = '${type}'`}
    AND t.occurred_on >= (SELECT b.first FROM bounds b WHERE b.span BETWEEN 1 AND ${MAX_INSIGHT_MONTHS})
    AND t.occurred_on < (SELECT b.after_last FROM bounds b)`;

const BOUNDS_SELECTED = `
  to_char(b.first, 'YYYY-MM') AS first_month, to_char(b.last, 'YYYY-MM') AS last_month, b.span`;

/**
 * Income and spending per currency and month. Transfers between accounts are neither: only
 * `income` and `expense` rows count, each by its own type. Every currency used in the range gets
 * every month, zero where it had none; the bounds row comes alone when there is no currency.
 */
const MONTHLY_TOTALS_SQL = `
  WITH ${MONTHS_OF_RANGE},
  sums AS (
    SELECT date_trunc('month', t.occurred_on)::date AS month, t.currency,
           coalesce(sum(t.amount_cents) FILTER (WHERE t.type = 'income'), 0) AS income_cents,
           coalesce(sum(t.amount_cents) FILTER (WHERE t.type = 'expense'), 0) AS spending_cents,
           count(*) FILTER (WHERE t.type = 'income')::int AS income_count,
           count(*) FILTER (WHERE t.type = 'expense')::int AS expense_count
    ${inRange('both')}
    GROUP BY 1, 2
  ),
  currencies AS (
    SELECT currency, sum(income_count + expense_count) AS used FROM sums GROUP BY currency
  )
  SELECT ${BOUNDS_SELECTED}, g.currency, to_char(g.month, 'YYYY-MM') AS month,
         g.income_cents::text AS income_cents, g.spending_cents::text AS spending_cents,
         (g.income_cents - g.spending_cents)::text AS net_cents,
         g.income_count, g.expense_count
  FROM bounds b
  LEFT JOIN (
    SELECT c.currency, c.used, m.month,
           coalesce(s.income_cents, 0) AS income_cents,
           coalesce(s.spending_cents, 0) AS spending_cents,
           coalesce(s.income_count, 0) AS income_count,
           coalesce(s.expense_count, 0) AS expense_count
    FROM currencies c CROSS JOIN months m
    LEFT JOIN sums s ON s.currency = c.currency AND s.month = m.month
  ) g ON true
  ORDER BY g.used DESC, g.currency, g.month`;

/**
 * Spending per currency, category and month: every category spent in during the range gets
 * every month, zero where it had none; currencies by expenses, most first, categories by their
 * total, largest first. The bounds row comes alone when nothing was spent.
 */
const CATEGORY_MONTHS_SQL = `
  WITH ${MONTHS_OF_RANGE},
  sums AS (
    SELECT date_trunc('month', t.occurred_on)::date AS month, t.currency, t.category_id,
           sum(t.amount_cents) AS cents, count(*)::int AS count
    ${inRange('expense')}
    GROUP BY 1, 2, 3
  ),
  groups AS (
    SELECT currency, category_id, sum(cents) AS total_cents,
           sum(sum(count)) OVER (PARTITION BY currency) AS currency_count
    FROM sums GROUP BY currency, category_id
  )
  SELECT ${BOUNDS_SELECTED}, g.currency, g.category_id, to_char(g.month, 'YYYY-MM') AS month,
         g.cents::text AS cents, g.count, g.total_cents::text AS total_cents
  FROM bounds b
  LEFT JOIN (
    SELECT c.currency, c.category_id, c.total_cents, c.currency_count, m.month,
           coalesce(s.cents, 0) AS cents, coalesce(s.count, 0) AS count
    FROM groups c CROSS JOIN months m
    LEFT JOIN sums s
      ON s.currency = c.currency AND s.category_id IS NOT DISTINCT FROM c.category_id
     AND s.month = m.month
  ) g ON true
  ORDER BY g.currency_count DESC, g.currency, g.total_cents DESC, g.category_id, g.month`;

/** The instant "this month" is taken at: this process's clock, as an ISO string. */
const now = () => new Date(Date.now()).toISOString();

/** A month `YYYY-MM` as its first day, or null for the default. */
const firstDayOf = (month: string | undefined) => (month ? `${month}-01` : null);

/**
 * `transactions` summed by month for the dashboard over time, on the caller's transaction:
 * Row-Level Security applies, so only the user's rows count. Each method is one statement.
 */
@Injectable()
export class InsightsStore {
  monthlyTotals(manager: EntityManager, range: MonthRange): Promise<MonthTotalsRow[]> {
    return rowsOf<MonthTotalsRow>(manager, MONTHLY_TOTALS_SQL, paramsOf(range));
  }

  categoryMonths(manager: EntityManager, range: MonthRange): Promise<CategoryMonthRow[]> {
    return rowsOf<CategoryMonthRow>(manager, CATEGORY_MONTHS_SQL, paramsOf(range));
  }
}

const paramsOf = ({ from, to }: MonthRange) => [firstDayOf(from), firstDayOf(to), now()];
