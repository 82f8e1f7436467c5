import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupState, IDLE_GROUP } from './alert-group';

/** Each rule's notification group (`alert_groups`) in SQL. */
@Injectable()
export class AlertGroupsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Rules whose group is under way (waiting, firing, or with a resolution still to tell). */
  async activeRuleIds(): Promise<string[]> {
    const rows: { ruleId: string }[] = await this.dataSource.query(
      `SELECT rule_id AS "ruleId" FROM alert_groups WHERE started_at IS NOT NULL`,
    );
    return rows.map((row) => row.ruleId);
  }

  async load(ruleIds: readonly string[]): Promise<Map<string, GroupState>> {
    const rows: (GroupState & { ruleId: string })[] = await this.dataSource.query(
      `SELECT rule_id AS "ruleId", started_at AS "startedAt", next_flush_at AS "nextFlushAt",
         last_sent_at AS "lastSentAt", notified, muted
       FROM alert_groups WHERE rule_id = ANY($1)`,
      [ruleIds],
    );
    const groups = new Map<string, GroupState>(ruleIds.map((id) => [id, IDLE_GROUP]));
    for (const { ruleId, ...state } of rows) groups.set(ruleId, state);
    return groups;
  }

  async save(ruleId: string, state: GroupState): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO alert_groups (rule_id, started_at, next_flush_at, last_sent_at, notified, muted)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (rule_id) DO UPDATE SET started_at = EXCLUDED.started_at,
         next_flush_at = EXCLUDED.next_flush_at, last_sent_at = EXCLUDED.last_sent_at,
         notified = EXCLUDED.notified, muted = EXCLUDED.muted`,
      [ruleId, state.startedAt, state.nextFlushAt, state.lastSentAt, state.notified, state.muted],
    );
  }
}
