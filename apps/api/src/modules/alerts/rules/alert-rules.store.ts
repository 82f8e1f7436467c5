import { Injectable } from '@nestjs/common';
import type { AlertState } from '@ledgerlens/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AlertConfigsTable, AlertRuleRunsTable } from '../../../database/generated/db-tables';
import { execute, Narrowed, oneRowOf, Queryable, rowsOf } from '../../../database/typed-rows';
import type { AlertRule } from './alert-rule';
import type { RuleDraft } from './rule-problems';

/** A stored rule with its bookkeeping. */
export interface StoredRule extends AlertRule {
  createdAt: Date;
  updatedAt: Date;
  lastEvaluatedAt: Date | null;
  lastError: string | null;
  /** The worst state of its instances. */
  state: AlertState;
}

/** A row of `alert_configs` with what its checks and the API's validation promise. */
type RuleRow = Narrowed<
  AlertConfigsTable,
  {
    severity: AlertRule['severity'];
    labels: Record<string, string>;
    annotations: Record<string, string>;
    metric_type: AlertRule['metricType'];
    filters: AlertRule['filters'];
    group_by: AlertRule['groupBy'];
    condition_operator: AlertRule['operator'];
    no_data_state: AlertRule['noDataState'];
  }
>;

/** A rule with its last run and the worst state of its instances. */
type ShownRuleRow = RuleRow &
  Pick<AlertRuleRunsTable, 'last_evaluated_at' | 'last_error'> & { state: AlertState };

/** Worst first, as `worstState` orders them. */
const STATE_RANK = `CASE i.state WHEN 'firing' THEN 5 WHEN 'error' THEN 4 WHEN 'nodata' THEN 3
  WHEN 'recovering' THEN 2 WHEN 'pending' THEN 1 ELSE 0 END`;

const SELECT_RULES = `
  SELECT r.*, run.last_evaluated_at, run.last_error,
    coalesce((SELECT i.state FROM alert_instances i WHERE i.rule_id = r.id
      ORDER BY ${STATE_RANK} DESC LIMIT 1), 'normal') AS state
  FROM alert_configs r LEFT JOIN alert_rule_runs run ON run.rule_id = r.id`;

/** Rules as evaluation and notification need them: without the shown state. */
const SELECT_RULES_TO_EVALUATE = `
  SELECT r.* FROM alert_configs r LEFT JOIN alert_rule_runs run ON run.rule_id = r.id`;

function ruleOf(row: RuleRow): AlertRule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    severity: row.severity,
    labels: row.labels,
    annotations: row.annotations,
    enabled: row.enabled,
    metricType: row.metric_type,
    filters: row.filters,
    groupBy: row.group_by,
    operator: row.condition_operator,
    threshold: row.threshold_value,
    windowSeconds: row.window_seconds,
    intervalSeconds: row.interval_seconds,
    pendingSeconds: row.pending_seconds,
    keepFiringSeconds: row.keep_firing_seconds,
    noDataState: row.no_data_state,
    notification: {
      contactPointIds: row.contact_point_ids,
      groupWaitSeconds: row.group_wait_seconds,
      groupIntervalSeconds: row.group_interval_seconds,
      repeatIntervalSeconds: row.repeat_interval_seconds,
      sendResolved: row.send_resolved,
    },
  };
}

function storedRuleOf(row: ShownRuleRow): StoredRule {
  return {
    ...ruleOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastEvaluatedAt: row.last_evaluated_at,
    lastError: row.last_error,
    state: row.state,
  };
}

function columnsOf(rule: RuleDraft): unknown[] {
  return [
    rule.name,
    rule.description,
    rule.severity,
    JSON.stringify(rule.labels),
    JSON.stringify(rule.annotations),
    rule.enabled,
    rule.metricType,
    JSON.stringify(rule.filters),
    rule.groupBy,
    rule.operator,
    rule.threshold,
    rule.windowSeconds,
    rule.intervalSeconds,
    rule.pendingSeconds,
    rule.keepFiringSeconds,
    rule.noDataState,
    rule.notification.contactPointIds,
    rule.notification.groupWaitSeconds,
    rule.notification.groupIntervalSeconds,
    rule.notification.repeatIntervalSeconds,
    rule.notification.sendResolved,
  ];
}

const COLUMNS = `name, description, severity, labels, annotations, enabled, metric_type, filters,
  group_by, condition_operator, threshold_value, window_seconds, interval_seconds, pending_seconds,
  keep_firing_seconds, no_data_state, contact_point_ids, group_wait_seconds,
  group_interval_seconds, repeat_interval_seconds, send_resolved`;
const PLACEHOLDERS = Array.from({ length: 21 }, (_, i) => `$${i + 1}`).join(', ');

/** `alert_configs` and `alert_rule_runs` in SQL: rules, their schedule and their shown state. */
@Injectable()
export class AlertRulesStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<StoredRule[]> {
    const rows = await rowsOf<ShownRuleRow>(
      this.dataSource,
      `${SELECT_RULES} WHERE r.deleted_at IS NULL ORDER BY lower(r.name), r.id`,
    );
    return rows.map(storedRuleOf);
  }

  async find(id: string, db: Queryable = this.dataSource): Promise<StoredRule | undefined> {
    const row = await oneRowOf<ShownRuleRow>(
      db,
      `${SELECT_RULES} WHERE r.id = $1 AND r.deleted_at IS NULL`,
      [id],
    );
    return row && storedRuleOf(row);
  }

  /** Enabled rules that notify a contact point, by name. */
  enabledUsing(
    manager: EntityManager,
    contactPointId: string,
  ): Promise<Pick<AlertConfigsTable, 'id' | 'name'>[]> {
    return rowsOf<Pick<AlertConfigsTable, 'id' | 'name'>>(
      manager,
      `SELECT id, name FROM alert_configs
       WHERE deleted_at IS NULL AND enabled AND $1 = ANY(contact_point_ids)
       ORDER BY lower(name), id`,
      [contactPointId],
    );
  }

  /** Enabled rules whose next evaluation is due at `now` (new rules are due at once). */
  async due(now: Date): Promise<AlertRule[]> {
    const rows = await rowsOf<RuleRow>(
      this.dataSource,
      `${SELECT_RULES_TO_EVALUATE} WHERE r.deleted_at IS NULL AND r.enabled
        AND (run.next_evaluation_at IS NULL OR run.next_evaluation_at <= $1)`,
      [now],
    );
    return rows.map(ruleOf);
  }

  /** Rules by ID, deleted and disabled ones included (their groups may still need to resolve). */
  async byIds(ids: readonly string[]): Promise<AlertRule[]> {
    if (ids.length === 0) return [];
    const rows = await rowsOf<RuleRow>(
      this.dataSource,
      `${SELECT_RULES_TO_EVALUATE} WHERE r.id = ANY($1)`,
      [ids],
    );
    return rows.map(ruleOf);
  }

  async insert(manager: EntityManager, rule: RuleDraft): Promise<string> {
    const [row] = await rowsOf<Pick<AlertConfigsTable, 'id'>>(
      manager,
      `INSERT INTO alert_configs (${COLUMNS}) VALUES (${PLACEHOLDERS}) RETURNING id`,
      columnsOf(rule),
    );
    return row.id;
  }

  /** Replaces a rule; false when there is none. Its schedule restarts: it is evaluated next cycle. */
  async replace(manager: EntityManager, id: string, rule: RuleDraft): Promise<boolean> {
    const replaced = await execute(
      manager,
      `UPDATE alert_configs SET (${COLUMNS}) = (${PLACEHOLDERS})
       WHERE id = $22 AND deleted_at IS NULL`,
      [...columnsOf(rule), id],
    );
    if (replaced === 0) return false;
    await execute(manager, `DELETE FROM alert_rule_runs WHERE rule_id = $1`, [id]);
    return true;
  }

  /** Soft-deletes a rule; false when there is none. */
  async softDelete(manager: EntityManager, id: string): Promise<boolean> {
    const deleted = await execute(
      manager,
      `UPDATE alert_configs SET deleted_at = now(), enabled = false
       WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return deleted > 0;
  }

  /** Records a cycle's outcome for each rule: when it ran, what failed, when it runs next. */
  async recordRuns(
    runs: readonly { ruleId: string; nextAt: Date; error: string | null }[],
    now: Date,
  ): Promise<void> {
    if (runs.length === 0) return;
    await execute(
      this.dataSource,
      `INSERT INTO alert_rule_runs (rule_id, next_evaluation_at, last_evaluated_at, last_error)
       SELECT r.rule_id, r.next_at, $2, r.error
       FROM jsonb_to_recordset($1::jsonb) AS r(rule_id uuid, next_at timestamptz, error text)
       ON CONFLICT (rule_id) DO UPDATE SET next_evaluation_at = EXCLUDED.next_evaluation_at,
         last_evaluated_at = EXCLUDED.last_evaluated_at, last_error = EXCLUDED.last_error`,
      [
        JSON.stringify(
          runs.map((run) => ({ rule_id: run.ruleId, next_at: run.nextAt, error: run.error })),
        ),
        now,
      ],
    );
  }
}
