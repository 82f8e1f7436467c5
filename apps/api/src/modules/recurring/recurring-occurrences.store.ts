import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RecurringOccurrencesTable } from '../../database/generated/db-tables';
import { CastColumns, execute, Narrowed, rowsOf } from '../../database/typed-rows';

export type OccurrenceStatus = 'created' | 'skipped';

/** An occurrence already handled: booked, or skipped by the user. */
export interface RecordedOccurrence {
  ruleId: string;
  occursOn: string;
  status: OccurrenceStatus;
}

type OccurrenceRow = Pick<
  Narrowed<RecurringOccurrencesTable, { status: OccurrenceStatus }>,
  'rule_id' | 'status'
> &
  CastColumns<RecurringOccurrencesTable, 'occurs_on', string>;

/**
 * `recurring_occurrences` in SQL, on the caller's RLS transaction. Its unique (rule, day) is
 * what keeps an occurrence from being handled twice: a second insert for the same day fails.
 */
@Injectable()
export class RecurringOccurrencesStore {
  /** The occurrences of the given rules recorded from `from` to `until` (inclusive). */
  async recordedBetween(
    manager: EntityManager,
    ruleIds: string[],
    from: string,
    until: string,
  ): Promise<RecordedOccurrence[]> {
    if (ruleIds.length === 0) return [];
    const rows = await rowsOf<OccurrenceRow>(
      manager,
      `SELECT rule_id, to_char(occurs_on, 'YYYY-MM-DD') AS occurs_on, status
       FROM recurring_occurrences
       WHERE rule_id = ANY($1::uuid[]) AND occurs_on BETWEEN $2 AND $3 AND deleted_at IS NULL
       ORDER BY occurs_on`,
      [ruleIds, from, until],
    );
    return rows.map((row) => ({
      ruleId: row.rule_id,
      occursOn: row.occurs_on,
      status: row.status,
    }));
  }

  /** Records the occurrence booked as transaction `transactionId`. */
  async recordCreated(
    manager: EntityManager,
    ruleId: string,
    occursOn: string,
    transactionId: string,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO recurring_occurrences (rule_id, occurs_on, status, transaction_id)
       VALUES ($1, $2, 'created', $3)`,
      [ruleId, occursOn, transactionId],
    );
  }

  /** Records the occurrence as skipped: no transaction will be booked for it. */
  async recordSkipped(manager: EntityManager, ruleId: string, occursOn: string): Promise<void> {
    await execute(
      manager,
      `INSERT INTO recurring_occurrences (rule_id, occurs_on, status) VALUES ($1, $2, 'skipped')`,
      [ruleId, occursOn],
    );
  }
}
