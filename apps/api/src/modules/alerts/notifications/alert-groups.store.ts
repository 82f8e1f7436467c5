import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AlertGroupsTable } from '../../../database/generated/db-tables';
import { execute, rowsOf } from '../../../database/typed-rows';
import { GroupState, IDLE_GROUP } from './alert-group';

function groupOf(row: AlertGroupsTable): GroupState {
  return {
    startedAt: row.started_at,
    nextFlushAt: row.next_flush_at,
    lastSentAt: row.last_sent_at,
    notified: row.notified,
    muted: row.muted,
  };
}

/** Each rule's notification group (`alert_groups`) in SQL. */
@Injectable()
export class AlertGroupsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Rules whose group is under way (waiting, firing, or with a resolution still to tell). */
  async activeRuleIds(): Promise<string[]> {
    const rows = await rowsOf<Pick<AlertGroupsTable, 'rule_id'>>(
      this.dataSource,
      `SELECT rule_id FROM alert_groups WHERE started_at IS NOT NULL`,
    );
    return rows.map((row) => row.rule_id);
  }

  async load(ruleIds: readonly string[]): Promise<Map<string, GroupState>> {
    const rows = await rowsOf<AlertGroupsTable>(
      this.dataSource,
      `SELECT rule_id, started_at, next_flush_at, last_sent_at, notified, muted
       FROM alert_groups WHERE rule_id = ANY($1)`,
      [ruleIds],
    );
    const groups = new Map<string, GroupState>(ruleIds.map((id) => [id, IDLE_GROUP]));
    for (const row of rows) groups.set(row.rule_id, groupOf(row));
    return groups;
  }

  /** Stores the groups' new states in one statement. */
  async saveAll(
    states: ReadonlyMap<string, GroupState>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (states.size === 0) return;
    const rows = [...states].map(([ruleId, state]): AlertGroupsTable => ({
      rule_id: ruleId,
      started_at: state.startedAt,
      next_flush_at: state.nextFlushAt,
      last_sent_at: state.lastSentAt,
      notified: state.notified,
      muted: state.muted,
    }));
    await execute(
      manager,
      `INSERT INTO alert_groups (rule_id, started_at, next_flush_at, last_sent_at, notified, muted)
       SELECT g.* FROM jsonb_to_recordset($1::jsonb) AS g(rule_id uuid, started_at timestamptz,
         next_flush_at timestamptz, last_sent_at timestamptz, notified text[], muted text[])
       ORDER BY 1
       ON CONFLICT (rule_id) DO UPDATE SET started_at = EXCLUDED.started_at,
         next_flush_at = EXCLUDED.next_flush_at, last_sent_at = EXCLUDED.last_sent_at,
         notified = EXCLUDED.notified, muted = EXCLUDED.muted`,
      [JSON.stringify(rows)],
    );
  }
}
