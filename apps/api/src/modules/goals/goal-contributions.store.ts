import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SavingsGoalContributionsTable } from '../../database/generated/db-tables';
import { CastColumns, execute, oneRowOf, rowsOf } from '../../database/typed-rows';

/** A contribution to a manual goal: positive put aside, negative taken out. */
export interface Contribution {
  id: string;
  goalId: string;
  amountCents: number;
  /** `YYYY-MM-DD` */
  contributedOn: string;
  note: string | null;
  createdAt: Date;
}

export type ContributionFields = Pick<
  Contribution,
  'goalId' | 'amountCents' | 'contributedOn' | 'note'
>;

/** A goal's contributions summed up to two days: exact decimal text (sums can pass 2^53). */
export interface ContributionSums {
  savedCents: string;
  savedAtBaselineCents: string;
}

type ContributionRow = Pick<
  SavingsGoalContributionsTable,
  'id' | 'goal_id' | 'amount_cents' | 'note' | 'created_at'
> &
  CastColumns<SavingsGoalContributionsTable, 'contributed_on', string>;

type SumsRow = Pick<SavingsGoalContributionsTable, 'goal_id'> & {
  saved_cents: string;
  saved_at_baseline_cents: string;
};

/** How many live contributions there are: a count, of no table. */
interface ContributionCount {
  total: number;
}

const CONTRIBUTION_COLUMNS = `
  id, goal_id, amount_cents, note, created_at,
  to_char(contributed_on, 'YYYY-MM-DD') AS contributed_on`;

function contributionOf(row: ContributionRow): Contribution {
  return {
    id: row.id,
    goalId: row.goal_id,
    amountCents: Number(row.amount_cents),
    contributedOn: row.contributed_on,
    note: row.note,
    createdAt: row.created_at,
  };
}

/** `savings_goal_contributions` in SQL, on the caller's Row-Level Security transaction. */
@Injectable()
export class GoalContributionsStore {
  /** A page of a goal's live contributions, newest first, and how many there are in all. */
  async page(
    manager: EntityManager,
    goalId: string,
    limit: number,
    offset: number,
  ): Promise<{ contributions: Contribution[]; total: number }> {
    const rows = await rowsOf<ContributionRow & ContributionCount>(
      manager,
      `SELECT ${CONTRIBUTION_COLUMNS}, count(*) OVER ()::int AS total
       FROM savings_goal_contributions WHERE goal_id = $1 AND deleted_at IS NULL
       ORDER BY contributed_on DESC, created_at DESC, id LIMIT $2 OFFSET $3`,
      [goalId, limit, offset],
    );
    const [first] = rows;
    const total = first ? first.total : offset === 0 ? 0 : await this.count(manager, goalId);
    return { contributions: rows.map(contributionOf), total };
  }

  /** Inserts a contribution of the current user; answers it as stored. */
  async insert(manager: EntityManager, fields: ContributionFields): Promise<Contribution> {
    const row = await oneRowOf<ContributionRow>(
      manager,
      `INSERT INTO savings_goal_contributions (goal_id, amount_cents, contributed_on, note)
       VALUES ($1, $2, $3, $4) RETURNING ${CONTRIBUTION_COLUMNS}`,
      [fields.goalId, fields.amountCents, fields.contributedOn, fields.note],
    );
    if (!row) throw new Error('INSERT … RETURNING answered no row');
    return contributionOf(row);
  }

  /** Soft-deletes a live contribution of a goal; false when the goal has no such one. */
  async softDelete(manager: EntityManager, goalId: string, id: string): Promise<boolean> {
    const changed = await execute(
      manager,
      `UPDATE savings_goal_contributions SET deleted_at = now()
       WHERE id = $1 AND goal_id = $2 AND deleted_at IS NULL`,
      [id, goalId],
    );
    return changed > 0;
  }

  /** Whether a goal has live contributions. */
  async any(manager: EntityManager, goalId: string): Promise<boolean> {
    return (await this.count(manager, goalId)) > 0;
  }

  /**
   * Each goal's live contributions summed up to `today` and up to `baseline`, in one
   * statement; a goal without contributions is left out (it has saved nothing).
   */
  async sums(
    manager: EntityManager,
    goalIds: readonly string[],
    today: string,
    baseline: string,
  ): Promise<Map<string, ContributionSums>> {
    const rows = await rowsOf<SumsRow>(
      manager,
      `SELECT goal_id,
              coalesce(sum(amount_cents) FILTER (WHERE contributed_on <= $2), 0)::text AS saved_cents,
              coalesce(sum(amount_cents) FILTER (WHERE contributed_on <= $3), 0)::text
                AS saved_at_baseline_cents
       FROM savings_goal_contributions
       WHERE goal_id = ANY($1::uuid[]) AND deleted_at IS NULL
       GROUP BY goal_id`,
      [goalIds, today, baseline],
    );
    return new Map(
      rows.map((row) => [
        row.goal_id,
        { savedCents: row.saved_cents, savedAtBaselineCents: row.saved_at_baseline_cents },
      ]),
    );
  }

  private async count(manager: EntityManager, goalId: string): Promise<number> {
    const row = await oneRowOf<ContributionCount>(
      manager,
      `SELECT count(*)::int AS total FROM savings_goal_contributions
       WHERE goal_id = $1 AND deleted_at IS NULL`,
      [goalId],
    );
    return row?.total ?? 0;
  }
}
