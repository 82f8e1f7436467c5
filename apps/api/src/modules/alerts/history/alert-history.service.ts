import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import { DeliveriesStore, DeliveryRecord } from '../notifications/deliveries.store';
import type {
  AlertHistoryEntryDto,
  AlertHistoryPageDto,
  AlertHistoryQueryDto,
  DeliveryDto,
  DeliveryPageDto,
  DeliveryQueryDto,
} from './dto/history.dto';

/** What an admin may see of a recipient: a webhook's origin only (its path may hold a token). */
function shownRecipient(record: DeliveryRecord): string {
  if (record.channelType !== 'webhook') return record.recipient;
  try {
    return new URL(record.recipient).origin;
  } catch {
    return '(invalid URL)';
  }
}

export function deliveryDtoOf(record: DeliveryRecord): DeliveryDto {
  return {
    id: record.id,
    ruleId: record.ruleId,
    contactPointId: record.channelId,
    contactPointType: record.channelType,
    recipient: shownRecipient(record),
    kind: record.kind,
    historyIds: record.historyIds,
    instances: record.instances,
    status: record.status,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt?.toISOString() ?? null,
    responseCode: record.responseCode,
    lastError: record.lastError,
    sentAt: record.sentAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
  };
}

/** The state changes of alert instances, and the deliveries that reported them. */
@Injectable()
export class AlertHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesStore,
  ) {}

  async history(query: AlertHistoryQueryDto): Promise<AlertHistoryPageDto> {
    const conditions = new SqlConditions();
    if (query.ruleId) conditions.and(`h.rule_id = ${conditions.param(query.ruleId)}`);
    if (query.state) conditions.and(`h.to_state = ${conditions.param(query.state)}`);
    if (query.from) conditions.and(`h.occurred_at >= ${conditions.param(query.from)}`);
    if (query.to) conditions.and(`h.occurred_at < ${conditions.param(query.to)}`);
    const filters = [...conditions.params];
    const limit = conditions.param(query.limit);
    const offset = conditions.param(query.offset);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT h.id::text AS id, h.rule_id AS "ruleId", r.name AS "ruleName",
           h.instance_key AS "instanceKey", h.labels, h.from_state AS "fromState",
           h.to_state AS "toState", h.value, h.threshold, h.error, h.trace_id AS "traceId",
           h.occurred_at AS "occurredAt"
         FROM alert_history h JOIN alert_configs r ON r.id = h.rule_id
         ${conditions.where()}
         ORDER BY h.occurred_at DESC, h.id DESC LIMIT ${limit} OFFSET ${offset}`,
        conditions.params,
      ) as Promise<(Omit<AlertHistoryEntryDto, 'occurredAt'> & { occurredAt: Date })[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM alert_history h ${conditions.where()}`,
        filters,
      ) as Promise<{ total: number }[]>,
    ]);
    return {
      items: rows.map((entry) => ({ ...entry, occurredAt: entry.occurredAt.toISOString() })),
      total,
      page: query.page,
      limit: query.limit,
    };
  }

  async listDeliveries(query: DeliveryQueryDto & { historyId?: string }): Promise<DeliveryPageDto> {
    const { items, total } = await this.deliveries.list({
      ruleId: query.ruleId,
      historyId: query.historyId,
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(deliveryDtoOf), total, page: query.page, limit: query.limit };
  }

  /** The deliveries that reported a history entry (404 when there is no such entry). */
  async deliveriesOfEntry(id: string, query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    const [entry] = await this.dataSource.query(`SELECT 1 FROM alert_history WHERE id = $1`, [id]);
    if (!entry) throw new NotFoundError('No alert history entry with this ID');
    return this.listDeliveries(Object.assign(query, { historyId: id }));
  }
}
