import { Injectable } from '@nestjs/common';
import type { AlertState } from '@ledgerlens/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AlertHistoryTable, AlertInstancesTable } from '../../../database/generated/db-tables';
import { execute, Narrowed, rowsOf } from '../../../database/typed-rows';
import type { InstanceRecord, Transition } from './rule-evaluation';

/** A row of `alert_instances` as evaluation stores it. */
type InstanceRow = Narrowed<
  AlertInstancesTable,
  { labels: Record<string, string>; state: AlertState }
>;

function instanceOf(row: InstanceRow): InstanceRecord {
  return {
    key: row.instance_key,
    labels: row.labels,
    state: row.state,
    value: row.value,
    activeSince: row.active_since,
    firingSince: row.firing_since,
    lastActiveAt: row.last_active_at,
    error: row.error,
    historyId: row.history_id,
  };
}

/** A rule's cycle: its instances after it, and its changes with their threshold. */
export interface RuleCycle {
  ruleId: string;
  threshold: number;
  instances: InstanceRecord[];
  transitions: Transition[];
  /** Instance keys to remove. */
  dropped: string[];
}

/** Instance states (`alert_instances`) and their history (`alert_history`) in SQL. */
@Injectable()
export class AlertInstancesStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Per rule ID, per instance key, the stored instances. */
  async load(ruleIds: readonly string[]): Promise<Map<string, Map<string, InstanceRecord>>> {
    const rows = await rowsOf<InstanceRow>(
      this.dataSource,
      `SELECT * FROM alert_instances WHERE rule_id = ANY($1)`,
      [ruleIds],
    );
    const byRule = new Map<string, Map<string, InstanceRecord>>(
      ruleIds.map((id) => [id, new Map()]),
    );
    for (const row of rows) byRule.get(row.rule_id)?.set(row.instance_key, instanceOf(row));
    return byRule;
  }

  /**
   * Enabled rules with an alerting instance. (A disabled or deleted rule's instances keep their
   * last state; its notification group, still under way, resolves what it had said.)
   */
  async alertingRuleIds(): Promise<string[]> {
    const rows = await rowsOf<Pick<AlertInstancesTable, 'rule_id'>>(
      this.dataSource,
      `SELECT DISTINCT i.rule_id FROM alert_instances i
       JOIN alert_configs r ON r.id = i.rule_id AND r.enabled AND r.deleted_at IS NULL
       WHERE i.state IN ('firing', 'recovering')`,
    );
    return rows.map((row) => row.rule_id);
  }

  /**
   * Stores a cycle in one transaction: each change as a history entry (its ID kept on the
   * instance, so notifications can name the entries they report), then every instance's state.
   * Returns the history IDs of the changes, in order.
   */
  async save(
    cycles: readonly RuleCycle[],
    now: Date,
    traceId: string | undefined,
  ): Promise<Map<Transition, string>> {
    const historyIds = new Map<Transition, string>();
    if (cycles.length === 0) return historyIds;
    await this.dataSource.transaction(async (manager) => {
      const changes = cycles.flatMap((cycle) =>
        cycle.transitions.map((transition) => ({ cycle, transition })),
      );
      if (changes.length > 0) {
        const ids = await this.insertHistory(manager, changes, now, traceId);
        for (const { cycle, transition } of changes) {
          const id = ids.get(`${cycle.ruleId}\0${transition.key}`);
          if (id === undefined) continue;
          historyIds.set(transition, id);
          const instance = cycle.instances.find((candidate) => candidate.key === transition.key);
          if (instance) instance.historyId = id;
        }
      }
      await this.upsertInstances(manager, cycles, now);
      await this.deleteInstances(manager, cycles);
    });
    return historyIds;
  }

  private async insertHistory(
    manager: EntityManager,
    changes: { cycle: RuleCycle; transition: Transition }[],
    now: Date,
    traceId: string | undefined,
  ): Promise<Map<string, string>> {
    // One change per instance and cycle: the rule and instance key name the new entry.
    const rows = await rowsOf<Pick<AlertHistoryTable, 'id' | 'rule_id' | 'instance_key'>>(
      manager,
      `INSERT INTO alert_history (rule_id, instance_key, labels, from_state, to_state, value,
         threshold, error, trace_id, occurred_at)
       SELECT h.rule_id, h.instance_key, h.labels, h.from_state, h.to_state, h.value, h.threshold,
         h.error, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS h(rule_id uuid, instance_key text,
         labels jsonb, from_state text, to_state text, value float8, threshold float8, error text)
       RETURNING id, rule_id, instance_key`,
      [
        JSON.stringify(
          changes.map(({ cycle, transition }) => ({
            rule_id: cycle.ruleId,
            instance_key: transition.key,
            labels: transition.labels,
            from_state: transition.from,
            to_state: transition.to,
            value: transition.value,
            threshold: cycle.threshold,
            error: transition.error,
          })),
        ),
        traceId ?? null,
        now,
      ],
    );
    return new Map(rows.map((row) => [`${row.rule_id}\0${row.instance_key}`, row.id]));
  }

  private async deleteInstances(manager: EntityManager, cycles: readonly RuleCycle[]) {
    const dropped = cycles.flatMap((cycle) =>
      cycle.dropped.map((key) => ({ rule_id: cycle.ruleId, instance_key: key })),
    );
    if (dropped.length === 0) return;
    await execute(
      manager,
      `DELETE FROM alert_instances i USING jsonb_to_recordset($1::jsonb) AS d(rule_id uuid,
         instance_key text)
       WHERE i.rule_id = d.rule_id AND i.instance_key = d.instance_key`,
      [JSON.stringify(dropped)],
    );
  }

  private async upsertInstances(manager: EntityManager, cycles: readonly RuleCycle[], now: Date) {
    const rows = cycles.flatMap((cycle) =>
      cycle.instances.map((instance): Omit<InstanceRow, 'evaluated_at'> => ({
        rule_id: cycle.ruleId,
        instance_key: instance.key,
        labels: instance.labels,
        state: instance.state,
        value: instance.value,
        active_since: instance.activeSince,
        firing_since: instance.firingSince,
        last_active_at: instance.lastActiveAt,
        error: instance.error,
        history_id: instance.historyId,
      })),
    );
    if (rows.length === 0) return;
    await execute(
      manager,
      `INSERT INTO alert_instances (rule_id, instance_key, labels, state, value, active_since,
         firing_since, last_active_at, error, history_id, evaluated_at)
       SELECT i.*, $2 FROM jsonb_to_recordset($1::jsonb) AS i(rule_id uuid, instance_key text,
         labels jsonb, state text, value float8, active_since timestamptz,
         firing_since timestamptz, last_active_at timestamptz, error text, history_id bigint)
       ORDER BY 1, 2
       ON CONFLICT (rule_id, instance_key) DO UPDATE SET labels = EXCLUDED.labels,
         state = EXCLUDED.state, value = EXCLUDED.value, active_since = EXCLUDED.active_since,
         firing_since = EXCLUDED.firing_since, last_active_at = EXCLUDED.last_active_at,
         error = EXCLUDED.error, history_id = EXCLUDED.history_id,
         evaluated_at = EXCLUDED.evaluated_at`,
      [JSON.stringify(rows), now],
    );
  }
}
