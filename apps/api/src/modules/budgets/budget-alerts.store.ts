import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BudgetAlertsTable } from '../../database/generated/db-tables';
import { CastColumns, rowsOf } from '../../database/typed-rows';

/** A budget's spending reaching one of its thresholds in a period. */
export interface Crossing {
  budgetId: string;
  /** `YYYY-MM-DD`. */
  periodStart: string;
  thresholdPercent: number;
  /** Exact, as PostgreSQL's text. */
  spentCents: string;
  limitCents: string;
}

type CrossingRow = Pick<
  BudgetAlertsTable,
  'budget_id' | 'threshold_percent' | 'spent_cents' | 'limit_cents'
> &
  CastColumns<BudgetAlertsTable, 'period_start', string>;

function crossingOf(row: CrossingRow): Crossing {
  return {
    budgetId: row.budget_id,
    periodStart: row.period_start,
    thresholdPercent: row.threshold_percent,
    spentCents: row.spent_cents,
    limitCents: row.limit_cents,
  };
}

/**
 * Records the crossings not recorded yet (a crossing is recorded once per budget, period and
 * threshold, so none is announced twice) and answers, per budget, the highest of those it
 * recorded: the one crossing this write caused. A write passing 80 and 100 % at once is one
 * crossing, of 100 %, told once.
 */
const RECORD_CROSSINGS_SQL = `
  WITH recorded AS (
    INSERT INTO budget_alerts (budget_id, period_start, threshold_percent, spent_cents, limit_cents)
    SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[], $4::bigint[], $5::bigint[])
    ON CONFLICT ON CONSTRAINT uq_budget_alerts_crossing DO NOTHING
    RETURNING budget_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, threshold_percent,
              spent_cents, limit_cents
  )
  SELECT DISTINCT ON (budget_id) * FROM recorded ORDER BY budget_id, threshold_percent DESC`;

/** `budget_alerts` in SQL, on the caller's transaction (Row-Level Security applies). */
@Injectable()
export class BudgetAlertsStore {
  /** Records the crossings in one statement; answers the newly recorded highest per budget. */
  async record(manager: EntityManager, crossings: readonly Crossing[]): Promise<Crossing[]> {
    if (crossings.length === 0) return [];
    const rows = await rowsOf<CrossingRow>(manager, RECORD_CROSSINGS_SQL, [
      crossings.map((crossing) => crossing.budgetId),
      crossings.map((crossing) => crossing.periodStart),
      crossings.map((crossing) => crossing.thresholdPercent),
      crossings.map((crossing) => crossing.spentCents),
      crossings.map((crossing) => crossing.limitCents),
    ]);
    return rows.map(crossingOf);
  }
}
