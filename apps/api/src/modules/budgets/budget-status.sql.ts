/**
 * Each live budget of the current user with its current period and what was spent in it, computed
 * by PostgreSQL. Periods are calendar weeks (ISO, from Monday), months or years, starting no
 * earlier than the budget's start date; before that date, the first period is the current one. Spending counts non-deleted expense transactions in the
 * budget's currency, of its category (or all categories for an overall budget).
 * Runs under Row-Level Security, so only the caller's rows take part.
 */
const BUDGET_SPENDING_SQL = `
  SELECT b.id, b.category_id, b.period, b.limit_cents, b.currency,
         to_char(b.start_date, 'YYYY-MM-DD') AS start_date, b.alert_thresholds, b.created_at, b.updated_at,
         to_char(p.period_start, 'YYYY-MM-DD') AS period_start,
         to_char(p.period_end - 1, 'YYYY-MM-DD') AS period_end,
         coalesce((
           SELECT sum(t.amount_cents)
           FROM transactions t
           WHERE t.deleted_at IS NULL
             AND t.type = 'expense'
             AND t.currency = b.currency
             AND (b.category_id IS NULL OR t.category_id = b.category_id)
             AND t.occurred_on >= p.period_start
             AND t.occurred_on < p.period_end
         ), 0) AS spent_cents
  FROM budgets b
  CROSS JOIN LATERAL (
    SELECT CASE b.period WHEN 'weekly' THEN 'week' WHEN 'monthly' THEN 'month' ELSE 'year' END AS unit
  ) u
  CROSS JOIN LATERAL (
    -- A budget that starts in the future is measured over its first period.
    SELECT date_trunc(u.unit, greatest(current_date, b.start_date)::timestamp) AS anchor
  ) a
  CROSS JOIN LATERAL (
    SELECT greatest(a.anchor::date, b.start_date) AS period_start,
           (a.anchor + ('1 ' || u.unit)::interval)::date AS period_end
  ) p
  WHERE b.deleted_at IS NULL`;

/** Spending plus remaining, percent used and status (`over` from 100 %, `warning` from the lowest threshold). */
export const BUDGET_STATUS_SQL = `
  SELECT s.*,
         s.limit_cents - s.spent_cents AS remaining_cents,
         round(s.spent_cents * 100.0 / s.limit_cents, 2)::float8 AS percent_used,
         CASE
           WHEN s.spent_cents >= s.limit_cents THEN 'over'
           WHEN s.spent_cents * 100 >= s.limit_cents * (SELECT min(x) FROM unnest(s.alert_thresholds) x) THEN 'warning'
           ELSE 'on_track'
         END AS status
  FROM (${BUDGET_SPENDING_SQL}) s`;

export interface BudgetStatusRow {
  id: string;
  category_id: string | null;
  period: 'weekly' | 'monthly' | 'yearly';
  limit_cents: string;
  currency: string;
  start_date: string;
  alert_thresholds: number[];
  created_at: Date;
  updated_at: Date;
  period_start: string;
  period_end: string;
  /** Sums (numeric) arrive as exact decimal text and are answered as such. */
  spent_cents: string;
  remaining_cents: string;
  percent_used: number;
  status: 'on_track' | 'warning' | 'over';
}

/**
 * Records every threshold the caller's budgets have reached in their current period and not yet
 * recorded (so none is announced twice); answers, per budget, the highest of the new records:
 * the one crossing this write caused. A write passing 80 and 100 % at once is one crossing, of
 * 100 %, told once.
 */
export const RECORD_CROSSINGS_SQL = `
  WITH status AS (${BUDGET_SPENDING_SQL}),
  recorded AS (
    INSERT INTO budget_alerts (budget_id, period_start, threshold_percent, spent_cents, limit_cents)
    SELECT s.id, s.period_start::date, threshold, s.spent_cents, s.limit_cents
    FROM status s
    CROSS JOIN LATERAL unnest(s.alert_thresholds) AS threshold
    WHERE s.spent_cents * 100 >= s.limit_cents * threshold
    ON CONFLICT ON CONSTRAINT uq_budget_alerts_crossing DO NOTHING
    RETURNING budget_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, threshold_percent,
              spent_cents, limit_cents
  )
  SELECT DISTINCT ON (budget_id) * FROM recorded ORDER BY budget_id, threshold_percent DESC`;

export interface CrossingRow {
  budget_id: string;
  period_start: string;
  threshold_percent: number;
  spent_cents: string;
  limit_cents: string;
}
