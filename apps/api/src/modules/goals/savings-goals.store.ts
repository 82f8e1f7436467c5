import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SavingsGoalsTable } from '../../database/generated/db-tables';
import { CastColumns, execute, oneRowOf, rowsOf } from '../../database/typed-rows';

/** A goal as the module works with it; days are `YYYY-MM-DD`. */
export interface SavingsGoal {
  id: string;
  name: string;
  targetCents: number;
  currency: string;
  targetDate: string | null;
  /** Linked: progress is this account's balance; null: the sum of the contributions. */
  accountId: string | null;
  /** The day the goal was first seen reached. */
  reachedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a goal is made of: everything but its identity and its bookkeeping. */
export type GoalFields = Omit<SavingsGoal, 'id' | 'createdAt' | 'updatedAt'>;

/** Goals read with the current user's today, in their time zone. */
export interface GoalsOnDay {
  goals: SavingsGoal[];
  /** `YYYY-MM-DD`; null only when no goal was read. */
  today: string | null;
}

type GoalRow = Pick<
  SavingsGoalsTable,
  'id' | 'name' | 'target_cents' | 'currency' | 'account_id' | 'created_at' | 'updated_at'
> &
  CastColumns<SavingsGoalsTable, 'target_date' | 'reached_on', string | null>;

/** The user's today, read beside each goal: no table's column. */
interface Today {
  today: string;
}

/** How many live goals there are: a count, of no table. */
interface GoalCount {
  total: number;
}

const GOAL_COLUMNS = `
  g.id, g.name, g.target_cents, g.currency, g.account_id, g.created_at, g.updated_at,
  to_char(g.target_date, 'YYYY-MM-DD') AS target_date,
  to_char(g.reached_on, 'YYYY-MM-DD') AS reached_on,
  z.today`;

/** Live goals with the current user's today (their own row, under Row-Level Security). */
const FROM_LIVE_GOALS = `
  FROM savings_goals g
  CROSS JOIN (
    SELECT to_char((now() AT TIME ZONE own.time_zone)::date, 'YYYY-MM-DD') AS today
    FROM users own WHERE own.id = app_current_user_id()
  ) z
  WHERE g.deleted_at IS NULL`;

const FIELD_COLUMNS = [
  'name',
  'target_cents',
  'currency',
  'target_date',
  'account_id',
  'reached_on',
] as const satisfies readonly (keyof SavingsGoalsTable)[];

/** The parameters $1… of a goal's fields, in the order of FIELD_COLUMNS. */
function fieldParams(fields: GoalFields): unknown[] {
  return [
    fields.name,
    fields.targetCents,
    fields.currency,
    fields.targetDate,
    fields.accountId,
    fields.reachedOn,
  ];
}

function goalOf(row: GoalRow): SavingsGoal {
  return {
    id: row.id,
    name: row.name,
    targetCents: Number(row.target_cents),
    currency: row.currency,
    targetDate: row.target_date,
    accountId: row.account_id,
    reachedOn: row.reached_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function onDay(rows: (GoalRow & Today)[]): GoalsOnDay {
  return { goals: rows.map(goalOf), today: rows[0]?.today ?? null };
}

/** `savings_goals` in SQL, on the caller's Row-Level Security transaction. */
@Injectable()
export class SavingsGoalsStore {
  /** A page of live goals, oldest first, with the user's today and how many there are in all. */
  async page(
    manager: EntityManager,
    limit: number,
    offset: number,
  ): Promise<GoalsOnDay & { total: number }> {
    const rows = await rowsOf<GoalRow & Today & GoalCount>(
      manager,
      `SELECT ${GOAL_COLUMNS}, count(*) OVER ()::int AS total ${FROM_LIVE_GOALS} ORDER BY g.created_at, g.id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [first] = rows;
    const total = first ? first.total : offset === 0 ? 0 : await this.count(manager);
    return { ...onDay(rows), total };
  }

  /** A live goal with the user's today, or undefined; `forUpdate` locks it until the end. */
  async one(
    manager: EntityManager,
    id: string,
    forUpdate = false,
  ): Promise<{ goal: SavingsGoal; today: string } | undefined> {
    const row = await oneRowOf<GoalRow & Today>(
      manager,
      `SELECT ${GOAL_COLUMNS} ${FROM_LIVE_GOALS} AND g.id = $1 ${forUpdate ? 'FOR UPDATE OF g' : ''}`,
      [id],
    );
    return row && { goal: goalOf(row), today: row.today };
  }

  /** Inserts a goal of the current user; answers its ID. */
  async insert(manager: EntityManager, fields: GoalFields): Promise<string> {
    const row = await oneRowOf<Pick<SavingsGoalsTable, 'id'>>(
      manager,
      `INSERT INTO savings_goals (${FIELD_COLUMNS.join(', ')})
       VALUES (${FIELD_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      fieldParams(fields),
    );
    if (!row) throw new Error('INSERT … RETURNING answered no row');
    return row.id;
  }

  /** Writes every field of a live goal. */
  async update(manager: EntityManager, id: string, fields: GoalFields): Promise<void> {
    const params = fieldParams(fields);
    await execute(
      manager,
      `UPDATE savings_goals SET ${FIELD_COLUMNS.map((column, i) => `${column} = $${i + 1}`).join(', ')}
       WHERE id = $${params.length + 1} AND deleted_at IS NULL`,
      [...params, id],
    );
  }

  /** Marks the given goals reached on `day`, those not marked already: one statement. */
  async markReached(manager: EntityManager, ids: readonly string[], day: string): Promise<void> {
    await execute(
      manager,
      `UPDATE savings_goals SET reached_on = $2
       WHERE id = ANY($1::uuid[]) AND reached_on IS NULL AND deleted_at IS NULL`,
      [ids, day],
    );
  }

  /** Soft-deletes a live goal; false when there is no such goal. */
  async softDelete(manager: EntityManager, id: string): Promise<boolean> {
    const changed = await execute(
      manager,
      `UPDATE savings_goals SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return changed > 0;
  }

  /** Whether goal `id` is the caller's, deleted or not (Row-Level Security hides the others). */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const row = await oneRowOf<GoalCount>(
      manager,
      `SELECT count(*)::int AS total FROM savings_goals WHERE id = $1`,
      [id],
    );
    return (row?.total ?? 0) > 0;
  }

  private async count(manager: EntityManager): Promise<number> {
    const row = await oneRowOf<GoalCount>(
      manager,
      `SELECT count(*)::int AS total FROM savings_goals WHERE deleted_at IS NULL`,
    );
    return row?.total ?? 0;
  }
}
