import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AlertSilencesTable } from '../../../database/generated/db-tables';
import { Narrowed, oneRowOf, rowsOf } from '../../../database/typed-rows';
import { Silence, SilenceMatcher, SilenceState } from './silence-matcher';

/** The most silences a list shows. */
export const MAX_SILENCES_LISTED = 500;

type SilenceRow = Pick<
  Narrowed<AlertSilencesTable, { matchers: SilenceMatcher[] }>,
  'id' | 'rule_id' | 'matchers' | 'starts_at' | 'ends_at' | 'comment' | 'author' | 'created_at'
>;

/** A new silence, checked. */
export type SilenceDraft = Omit<Silence, 'id' | 'createdAt'>;

const COLUMNS = 'id, rule_id, matchers, starts_at, ends_at, comment, author, created_at';

function silenceOf(row: SilenceRow): Silence {
  return {
    id: row.id,
    ruleId: row.rule_id,
    matchers: row.matchers,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    comment: row.comment,
    author: row.author,
    createdAt: row.created_at,
  };
}

/** The condition on rows in `state` at `$1` (now). */
const IN_STATE: Record<SilenceState, string> = {
  pending: 'starts_at > $1',
  active: 'starts_at <= $1 AND ends_at > $1',
  expired: 'ends_at <= $1',
};

/** `alert_silences` in SQL. Plain SQL: its rule's table has no entity to relate to. */
@Injectable()
export class SilencesStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, at most `MAX_SILENCES_LISTED`; in one state at `now`, or all. */
  async list(now: Date, state?: SilenceState): Promise<Silence[]> {
    const rows = await rowsOf<SilenceRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM alert_silences
       WHERE deleted_at IS NULL ${state ? `AND ${IN_STATE[state]}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${MAX_SILENCES_LISTED}`,
      state ? [now] : [],
    );
    return rows.map(silenceOf);
  }

  /** The silences active at `now` (`startsAt <= now < endsAt`), oldest first. */
  async activeAt(now: Date): Promise<Silence[]> {
    const rows = await rowsOf<SilenceRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM alert_silences
       WHERE deleted_at IS NULL AND ${IN_STATE.active} ORDER BY created_at, id`,
      [now],
    );
    return rows.map(silenceOf);
  }

  /** Whether a rule that is not deleted has this ID. */
  async ruleExists(manager: EntityManager, ruleId: string): Promise<boolean> {
    const row = await oneRowOf<{ found: number }>(
      manager,
      `SELECT 1 AS found FROM alert_configs WHERE id = $1 AND deleted_at IS NULL`,
      [ruleId],
    );
    return row !== undefined;
  }

  async insert(manager: EntityManager, silence: SilenceDraft): Promise<Silence> {
    const [row] = await rowsOf<SilenceRow>(
      manager,
      `INSERT INTO alert_silences (rule_id, matchers, starts_at, ends_at, comment, author)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        silence.ruleId,
        JSON.stringify(
          silence.matchers.map(({ label, operator, value }) => ({ label, operator, value })),
        ),
        silence.startsAt,
        silence.endsAt,
        silence.comment,
        silence.author,
      ],
    );
    return silenceOf(row);
  }

  /** A silence that is not deleted, locked until the transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<Silence | undefined> {
    const row = await oneRowOf<SilenceRow>(
      manager,
      `SELECT ${COLUMNS} FROM alert_silences WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [id],
    );
    return row && silenceOf(row);
  }

  async setTimes(
    manager: EntityManager,
    id: string,
    startsAt: Date,
    endsAt: Date,
  ): Promise<Silence> {
    const [row] = await rowsOf<SilenceRow>(
      manager,
      `UPDATE alert_silences SET starts_at = $2, ends_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, startsAt, endsAt],
    );
    return silenceOf(row);
  }
}
