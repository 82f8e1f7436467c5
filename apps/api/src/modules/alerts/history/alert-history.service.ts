import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { DeliveriesStore, DeliveryRecord } from '../notifications/deliveries.store';
import { AlertHistoryStore } from './alert-history.store';
import type {
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
    private readonly store: AlertHistoryStore,
    private readonly deliveries: DeliveriesStore,
  ) {}

  async history(query: AlertHistoryQueryDto): Promise<AlertHistoryPageDto> {
    const { entries, total } = await this.store.page(query);
    return {
      items: entries.map((entry) => ({ ...entry, occurredAt: entry.occurredAt.toISOString() })),
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
    if (!(await this.store.exists(id)))
      throw new NotFoundError('No alert history entry with this ID');
    return this.listDeliveries(Object.assign(query, { historyId: id }));
  }
}
