import type { BudgetPeriod } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BudgetAlertsTable, BudgetsTable } from '../../database/generated/db-tables';
import { CastColumns, Narrowed, oneRowOf, rowsOf } from '../../database/typed-rows';

/** A live budget with its current period. */
export interface BudgetInPeriod {
  id: string;
  /** null: an overall budget over every expense. */
  categoryId: string | null;
  period: BudgetPeriod;
  /** Exact, as PostgreSQL's text. */
  limitCents: string;
  currency: string;
  startDate: string;
  alertThresholds: number[];
  createdAt: Date;
  updatedAt: Date;
  /** First day of the current period, `YYYY-MM-DD`. */
  periodStart: string;
  /** Last day of the current period. */
  periodEnd: string;
  /** The day after the last one: where the next period starts. */
  nextPeriodStart: string;
}

/** What of an expense decides which budgets count it. */
export interface Expense {
  /** null: counted by overall budgets only. */
  categoryId: string | null;
  currency: string;
  /** Its day, `YYYY-MM-DD`. */
  occurredOn: string;
}

/** A live budget with the thresholds already recorded as crossed in its current period. */
export interface BudgetWithCrossings extends BudgetInPeriod {
  recordedThresholds: number[];
}

/** The current period of a budget: computed, of no table. */
interface PeriodColumns {
  period_start: string;
  period_end: string;
  next_period_start: string;
}

type BudgetRow = Pick<
  Narrowed<BudgetsTable, { period: BudgetPeriod }>,
  | 'id'
  | 'category_id'
  | 'period'
  | 'limit_cents'
  | 'currency'
  | 'alert_thresholds'
  | 'created_at'
  | 'updated_at'
> &
  CastColumns<BudgetsTable, 'start_date', string> &
  PeriodColumns;

/** How many live budgets there are: a count, of no table. */
interface BudgetCount {
  total: number;
}

/** The thresholds `budget_alerts` holds for a budget's current period. */
type RecordedThresholds = CastColumns<BudgetAlertsTable, 'threshold_percent', number[]>;

/**
 * Each live budget of the current user with its current period. Periods are calendar weeks
 * (from the user's first day of the week), months or years of the user's time zone (today is
 * the day it is there at the instant `now` names), starting no earlier than the budget's start
 * date; before that date, the first period is the current one. Runs under Row-Level Security,
 * so only the caller's rows take part, and the user's preferences come from their own row.
 */
export const IN_CURRENT_PERIOD = `
  SELECT b.id, b.category_id, b.period, b.limit_cents, b.currency,
         to_char(b.start_date, 'YYYY-MM-DD') AS start_date, b.alert_thresholds, b.created_at,
         b.updated_at,
         to_char(p.period_start, 'YYYY-MM-DD') AS period_start,
         to_char(p.period_end - 1, 'YYYY-MM-DD') AS period_end,
         to_char(p.period_end, 'YYYY-MM-DD') AS next_period_start`;

export const fromLiveBudgets = (now: string) => `
  FROM budgets b
  CROSS JOIN (
    SELECT (${now}::timestamptz AT TIME ZONE own.time_zone)::date AS today, own.first_day_of_week
    FROM users own WHERE own.id = app_current_user_id()
  ) z
  CROSS JOIN LATERAL (
    SELECT CASE b.period WHEN 'weekly' THEN 'week' WHEN 'monthly' THEN 'month' ELSE 'year' END AS unit,
           -- A budget that starts in the future is measured over its first period.
           greatest(z.today, b.start_date) AS day
  ) u
  CROSS JOIN LATERAL (
    SELECT CASE u.unit
             WHEN 'week' THEN u.day - (extract(isodow FROM u.day)::int - z.first_day_of_week + 7) % 7
             ELSE date_trunc(u.unit, u.day::timestamp)::date
           END AS anchor
  ) a
  CROSS JOIN LATERAL (
    SELECT greatest(a.anchor, b.start_date) AS period_start,
           (a.anchor + ('1 ' || u.unit)::interval)::date AS period_end
  ) p
  WHERE b.deleted_at IS NULL`;

/** The instant periods are computed at: this process's clock, as an ISO string. */
export const now = () => new Date(Date.now()).toISOString();

function budgetOf(row: BudgetRow): BudgetInPeriod {
  return {
    id: row.id,
    categoryId: row.category_id,
    period: row.period,
    limitCents: row.limit_cents,
    currency: row.currency,
    startDate: row.start_date,
    alertThresholds: row.alert_thresholds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    nextPeriodStart: row.next_period_start,
  };
}

/** `budgets` in SQL, where the current period is computed (on the caller's transaction). */
@Injectable()
export class BudgetsStore {
  /** A page of live budgets by period, age and ID, and how many there are in all. */
  async page(
    manager: EntityManager,
    limit: number,
    offset: number,
  ): Promise<{ budgets: BudgetInPeriod[]; total: number }> {
    const rows = await rowsOf<BudgetRow & BudgetCount>(
      manager,
      `${IN_CURRENT_PERIOD}, count(*) OVER ()::int AS total ${fromLiveBudgets('$3')}
       ORDER BY b.period, b.created_at, b.id LIMIT $1 OFFSET $2`,
      [limit, offset, now()],
    );
    const [first] = rows;
    // A page past the end has no row to carry the count.
    const total = first ? first.total : offset === 0 ? 0 : await this.count(manager);
    return { budgets: rows.map(budgetOf), total };
  }

  /** A live budget, or undefined. */
  async one(manager: EntityManager, id: string): Promise<BudgetInPeriod | undefined> {
    const row = await oneRowOf<BudgetRow>(
      manager,
      `${IN_CURRENT_PERIOD} ${fromLiveBudgets('$2')} AND b.id = $1`,
      [id, now()],
    );
    return row && budgetOf(row);
  }

  /** Every live budget, with the thresholds already recorded in its current period. */
  allWithCrossings(manager: EntityManager): Promise<BudgetWithCrossings[]> {
    return this.withCrossings(manager, '');
  }

  /** A live budget, with the thresholds already recorded in its current period; or none. */
  oneWithCrossings(manager: EntityManager, id: string): Promise<BudgetWithCrossings[]> {
    return this.withCrossings(manager, 'AND b.id = $1', [id]);
  }

  /**
   * The live budgets whose current spending an expense counts in — same currency, its category
   * or every category, its day in their current period — with the thresholds already recorded
   * in that period.
   */
  countingExpense(manager: EntityManager, expense: Expense): Promise<BudgetWithCrossings[]> {
    return this.withCrossings(
      manager,
      `AND b.currency = $1 AND (b.category_id IS NULL OR b.category_id = $2)
       AND $3::date >= p.period_start AND $3::date < p.period_end`,
      [expense.currency, expense.categoryId, expense.occurredOn],
    );
  }

  private async withCrossings(
    manager: EntityManager,
    where: string,
    params: readonly unknown[] = [],
  ): Promise<BudgetWithCrossings[]> {
    const rows = await rowsOf<BudgetRow & RecordedThresholds>(
      manager,
      `${IN_CURRENT_PERIOD},
         ARRAY(SELECT r.threshold_percent FROM budget_alerts r
               WHERE r.budget_id = b.id AND r.period_start = p.period_start) AS threshold_percent
       ${fromLiveBudgets(`$${params.length + 1}`)} ${where}`,
      [...params, now()],
    );
    return rows.map((row) => ({ ...budgetOf(row), recordedThresholds: row.threshold_percent }));
  }

  private async count(manager: EntityManager): Promise<number> {
    const row = await oneRowOf<BudgetCount>(
      manager,
      `SELECT count(*)::int AS total FROM budgets WHERE deleted_at IS NULL`,
    );
    return row?.total ?? 0;
  }
}
