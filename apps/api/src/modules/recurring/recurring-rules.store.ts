import type { TransactionType } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RecurringRulesTable } from '../../database/generated/db-tables';
import { CastColumns, execute, Narrowed, oneRowOf, rowsOf } from '../../database/typed-rows';
import type { Frequency, Schedule } from './recurrence';

/** A rule as the module works with it; days are `YYYY-MM-DD`. */
export interface RecurringRule extends Schedule {
  id: string;
  userId: string;
  accountId: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  type: TransactionType;
  amountCents: number;
  currency: string;
  paused: boolean;
  /** The first occurrence not handled yet; null once the rule has ended. */
  nextDueOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a rule is made of: everything but its identity, its bookkeeping and its progress. */
export type RuleFields = Omit<RecurringRule, 'id' | 'userId' | 'createdAt' | 'updatedAt'>;

type RuleRow = Pick<
  Narrowed<RecurringRulesTable, { type: TransactionType; frequency: Frequency }>,
  | 'id'
  | 'user_id'
  | 'account_id'
  | 'name'
  | 'description'
  | 'category_id'
  | 'type'
  | 'amount_cents'
  | 'currency'
  | 'frequency'
  | 'interval_count'
  | 'day_of_month'
  | 'last_day_of_month'
  | 'occurrence_count'
  | 'paused'
  | 'created_at'
  | 'updated_at'
> &
  CastColumns<RecurringRulesTable, 'start_date', string> &
  CastColumns<RecurringRulesTable, 'end_date' | 'next_due_on', string | null>;

/** How many live rules there are: a count, of no table. */
interface RuleCount {
  total: number;
}

const RULE_COLUMNS = `
  id, user_id, account_id, name, description, category_id, type, amount_cents, currency, frequency,
  interval_count, day_of_month, last_day_of_month, occurrence_count, paused, created_at,
  updated_at, to_char(start_date, 'YYYY-MM-DD') AS start_date,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, to_char(next_due_on, 'YYYY-MM-DD') AS next_due_on`;

function ruleOf(row: RuleRow): RecurringRule {
  return {
    id: row.id,
    userId: row.user_id,
    accountId: row.account_id,
    name: row.name,
    description: row.description,
    categoryId: row.category_id,
    type: row.type,
    amountCents: Number(row.amount_cents),
    currency: row.currency,
    frequency: row.frequency,
    interval: row.interval_count,
    dayOfMonth: row.day_of_month,
    lastDayOfMonth: row.last_day_of_month,
    startDate: row.start_date,
    endDate: row.end_date,
    occurrenceCount: row.occurrence_count,
    paused: row.paused,
    nextDueOn: row.next_due_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The parameters $1… of a rule's fields, in the order of FIELD_COLUMNS. */
function fieldParams(fields: RuleFields): unknown[] {
  return [
    fields.accountId,
    fields.name,
    fields.description,
    fields.categoryId,
    fields.type,
    fields.amountCents,
    fields.currency,
    fields.frequency,
    fields.interval,
    fields.dayOfMonth,
    fields.lastDayOfMonth,
    fields.startDate,
    fields.endDate,
    fields.occurrenceCount,
    fields.paused,
    fields.nextDueOn,
  ];
}

const FIELD_COLUMNS = [
  'account_id',
  'name',
  'description',
  'category_id',
  'type',
  'amount_cents',
  'currency',
  'frequency',
  'interval_count',
  'day_of_month',
  'last_day_of_month',
  'start_date',
  'end_date',
  'occurrence_count',
  'paused',
  'next_due_on',
] as const satisfies readonly (keyof RecurringRulesTable)[];

/** `recurring_rules` in SQL. User-facing methods run on the caller's RLS transaction. */
@Injectable()
export class RecurringRulesStore {
  /** A page of live rules, oldest first, and how many there are in all. */
  async page(
    manager: EntityManager,
    limit: number,
    offset: number,
  ): Promise<{ rules: RecurringRule[]; total: number }> {
    const rows = await rowsOf<RuleRow & RuleCount>(
      manager,
      `SELECT ${RULE_COLUMNS}, count(*) OVER ()::int AS total FROM recurring_rules
       WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [first] = rows;
    const total = first ? first.total : offset === 0 ? 0 : await this.count(manager);
    return { rules: rows.map(ruleOf), total };
  }

  /** A live rule, or undefined; `forUpdate` locks it until the transaction ends. */
  async one(
    manager: EntityManager,
    id: string,
    forUpdate = false,
  ): Promise<RecurringRule | undefined> {
    const row = await oneRowOf<RuleRow>(
      manager,
      `SELECT ${RULE_COLUMNS} FROM recurring_rules WHERE id = $1 AND deleted_at IS NULL
       ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row && ruleOf(row);
  }

  /** Live rules that are not paused and have occurrences ahead. */
  async running(manager: EntityManager): Promise<RecurringRule[]> {
    const rows = await rowsOf<RuleRow>(
      manager,
      `SELECT ${RULE_COLUMNS} FROM recurring_rules
       WHERE deleted_at IS NULL AND NOT paused AND next_due_on IS NOT NULL
       ORDER BY created_at, id`,
    );
    return rows.map(ruleOf);
  }

  /**
   * Across users (the job's system context): the live, running rules with an occurrence due on
   * or before `day`, and their owners.
   */
  async dueBy(
    manager: EntityManager,
    day: string,
  ): Promise<Pick<RecurringRule, 'id' | 'userId'>[]> {
    const rows = await rowsOf<Pick<RecurringRulesTable, 'id' | 'user_id'>>(
      manager,
      `SELECT id, user_id FROM recurring_rules
       WHERE deleted_at IS NULL AND NOT paused AND next_due_on <= $1
       ORDER BY next_due_on, id`,
      [day],
    );
    return rows.map((row) => ({ id: row.id, userId: row.user_id }));
  }

  /** Inserts a rule of the current user; answers its ID. */
  async insert(manager: EntityManager, fields: RuleFields): Promise<string> {
    const row = await oneRowOf<Pick<RecurringRulesTable, 'id'>>(
      manager,
      `INSERT INTO recurring_rules (${FIELD_COLUMNS.join(', ')})
       VALUES (${FIELD_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      fieldParams(fields),
    );
    if (!row) throw new Error('INSERT … RETURNING answered no row');
    return row.id;
  }

  /** Writes every field of a live rule; false when there is no such rule. */
  async update(manager: EntityManager, id: string, fields: RuleFields): Promise<boolean> {
    const params = fieldParams(fields);
    const changed = await execute(
      manager,
      `UPDATE recurring_rules SET ${FIELD_COLUMNS.map((column, i) => `${column} = $${i + 1}`).join(', ')}
       WHERE id = $${params.length + 1} AND deleted_at IS NULL`,
      [...params, id],
    );
    return changed > 0;
  }

  /** Where the job goes on next time: the first occurrence not handled yet (null: none). */
  async setNextDue(manager: EntityManager, id: string, nextDueOn: string | null): Promise<void> {
    await execute(manager, `UPDATE recurring_rules SET next_due_on = $2 WHERE id = $1`, [
      id,
      nextDueOn,
    ]);
  }

  /** Soft-deletes a live rule; false when there is no such rule. */
  async softDelete(manager: EntityManager, id: string): Promise<boolean> {
    const changed = await execute(
      manager,
      `UPDATE recurring_rules SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return changed > 0;
  }

  /** Whether rule `id` is the caller's, deleted or not (Row-Level Security hides the others). */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const row = await oneRowOf<RuleCount>(
      manager,
      `SELECT count(*)::int AS total FROM recurring_rules WHERE id = $1`,
      [id],
    );
    return (row?.total ?? 0) > 0;
  }

  private async count(manager: EntityManager): Promise<number> {
    const row = await oneRowOf<RuleCount>(
      manager,
      `SELECT count(*)::int AS total FROM recurring_rules WHERE deleted_at IS NULL`,
    );
    return row?.total ?? 0;
  }
}
