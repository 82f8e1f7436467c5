import { Injectable } from '@nestjs/common';
import type { AlertState } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import type { AlertHistoryTable } from '../../../database/generated/db-tables';
import { Narrowed, oneRowOf, rowsOf } from '../../../database/typed-rows';

/** A state change of an alert instance, with its rule's name. */
export interface HistoryEntry {
  id: string;
  ruleId: string;
  ruleName: string;
  instanceKey: string;
  labels: Record<string, string>;
  fromState: AlertState;
  toState: AlertState;
  value: number | null;
  threshold: number;
  error: string | null;
  traceId: string | null;
  occurredAt: Date;
}

export interface HistoryFilter {
  ruleId?: string;
  state?: AlertState;
  /** ISO date-times: changes at or after `from`, before `to`. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

type HistoryRow = Narrowed<
  AlertHistoryTable,
  { labels: Record<string, string>; from_state: AlertState; to_state: AlertState }
> & { rule_name: string };

function entryOf(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    instanceKey: row.instance_key,
    labels: row.labels,
    fromState: row.from_state,
    toState: row.to_state,
    value: row.value,
    threshold: row.threshold,
    error: row.error,
    traceId: row.trace_id,
    occurredAt: row.occurred_at,
  };
}

/** `alert_history` in SQL: the state changes of alert instances. */
@Injectable()
export class AlertHistoryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, one page, and how many match in all. */
  async page(filter: HistoryFilter): Promise<{ entries: HistoryEntry[]; total: number }> {
    const conditions = new SqlConditions();
    if (filter.ruleId) conditions.and(`h.rule_id = ${conditions.param(filter.ruleId)}`);
    if (filter.state) conditions.and(`h.to_state = ${conditions.param(filter.state)}`);
    if (filter.from) conditions.and(`h.occurred_at >= ${conditions.param(filter.from)}`);
    if (filter.to) conditions.and(`h.occurred_at < ${conditions.param(filter.to)}`);
    const filters = [...conditions.params];
    const limit = conditions.param(filter.limit);
    const offset = conditions.param(filter.offset);
    const [rows, [{ total }]] = await Promise.all([
      rowsOf<HistoryRow>(
        this.dataSource,
        `SELECT h.*, r.name AS rule_name
         FROM alert_history h JOIN alert_configs r ON r.id = h.rule_id
         ${conditions.where()}
         ORDER BY h.occurred_at DESC, h.id DESC LIMIT ${limit} OFFSET ${offset}`,
        conditions.params,
      ),
      rowsOf<{ total: number }>(
        this.dataSource,
        `SELECT count(*)::int AS total FROM alert_history h ${conditions.where()}`,
        filters,
      ),
    ]);
    return { entries: rows.map(entryOf), total };
  }

  async exists(id: string): Promise<boolean> {
    const row = await oneRowOf<Pick<AlertHistoryTable, 'id'>>(
      this.dataSource,
      `SELECT id FROM alert_history WHERE id = $1`,
      [id],
    );
    return row !== undefined;
  }
}
