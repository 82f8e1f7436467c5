import { Injectable } from '@nestjs/common';
import type {
  AlertNotificationKind,
  ContactPointType,
  DeliveryStatus,
} from '@ledgerlens/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AlertNotificationsTable } from '../../../database/generated/db-tables';
import { execute, Narrowed, oneRowOf, rowsOf } from '../../../database/typed-rows';
import type { AlertMessage, NotifiedInstance } from '../channels/contact-point';

/** A row of `alert_notifications` with what its checks promise. */
type NotificationRow = Narrowed<
  AlertNotificationsTable,
  {
    channel_type: ContactPointType;
    kind: AlertNotificationKind;
    message: AlertMessage;
    status: DeliveryStatus;
  }
>;

type ClaimedRow = Pick<
  NotificationRow,
  'id' | 'rule_id' | 'channel_id' | 'recipient' | 'kind' | 'message' | 'attempts' | 'trace_id'
>;

type NewRow = Pick<
  NotificationRow,
  | 'id'
  | 'rule_id'
  | 'channel_id'
  | 'channel_type'
  | 'recipient'
  | 'kind'
  | 'history_ids'
  | 'message'
  | 'status'
  | 'trace_id'
>;

type RecordRow = Omit<NotificationRow, 'message' | 'trace_id' | 'updated_at'> & {
  /** The fingerprints of the instances the message names. */
  instances: string[];
};

/** What every delivery names: which rule, contact point and recipient, and why. */
interface DeliveryAddress {
  ruleId: string | null;
  channelId: string;
  channelType: ContactPointType;
  recipient: string;
  kind: AlertNotificationKind;
  historyIds: string[];
}

export interface NewDelivery extends DeliveryAddress {
  message: AlertMessage;
  status: 'pending' | 'silenced';
  traceId: string | null;
}

/** A delivery claimed for an attempt. */
export interface ClaimedDelivery {
  id: string;
  ruleId: string | null;
  channelId: string;
  recipient: string;
  kind: AlertNotificationKind;
  message: AlertMessage;
  /** Attempts made before this one. */
  attempts: number;
  traceId: string | null;
}

/** A delivery as the API shows it. */
export interface DeliveryRecord extends DeliveryAddress {
  id: string;
  instances: string[];
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  responseCode: number | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface DeliveryFilter {
  ruleId?: string;
  historyId?: string;
  status?: DeliveryStatus;
  limit: number;
  offset: number;
}

/** Dates come back from JSON as text: the message as the senders expect it. */
function reviveMessage(stored: AlertMessage): AlertMessage {
  const revive = (instance: NotifiedInstance): NotifiedInstance => ({
    ...instance,
    startsAt: new Date(instance.startsAt),
    endsAt: instance.endsAt === null ? null : new Date(instance.endsAt),
  });
  return { ...stored, firing: stored.firing.map(revive), resolved: stored.resolved.map(revive) };
}

function claimedOf(row: ClaimedRow): ClaimedDelivery {
  return {
    id: row.id,
    ruleId: row.rule_id,
    channelId: row.channel_id,
    recipient: row.recipient,
    kind: row.kind,
    message: reviveMessage(row.message),
    attempts: row.attempts,
    traceId: row.trace_id,
  };
}

function recordOf(row: RecordRow): DeliveryRecord {
  return {
    id: row.id,
    ruleId: row.rule_id,
    channelId: row.channel_id,
    channelType: row.channel_type,
    recipient: row.recipient,
    kind: row.kind,
    historyIds: row.history_ids,
    instances: row.instances,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    responseCode: row.response_code,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

const RECORD_COLUMNS = `id, rule_id, channel_id, channel_type, recipient, kind, history_ids,
  (SELECT coalesce(array_agg(f->>'fingerprint'), '{}') FROM jsonb_array_elements(
    (message->'firing') || (message->'resolved')) f) AS instances,
  status, attempts, next_attempt_at, response_code, last_error, sent_at, created_at`;

/**
 * `alert_notifications`: one row per delivery to one recipient. Pending rows are the retry
 * queue: an attempt first claims its row by moving `next_attempt_at` a lease ahead, so another
 * instance skips it, and an instance that dies mid-attempt leaves it to be retried after the
 * lease. A row is marked sent as soon as the receiver accepted it, and never claimed again.
 */
@Injectable()
export class DeliveriesStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores new deliveries; answers their IDs, in order (made here, so the order is certain). */
  async insert(
    deliveries: readonly NewDelivery[],
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const rows = deliveries.map((delivery): NewRow => ({
      id: randomUUID(),
      rule_id: delivery.ruleId,
      channel_id: delivery.channelId,
      channel_type: delivery.channelType,
      recipient: delivery.recipient,
      kind: delivery.kind,
      history_ids: delivery.historyIds,
      message: delivery.message,
      status: delivery.status,
      trace_id: delivery.traceId,
    }));
    await execute(
      manager,
      `INSERT INTO alert_notifications (id, rule_id, channel_id, channel_type, recipient, kind,
         history_ids, message, status, next_attempt_at, trace_id, created_at, updated_at)
       SELECT d.id, d.rule_id, d.channel_id, d.channel_type, d.recipient, d.kind, d.history_ids,
         d.message, d.status, CASE WHEN d.status = 'pending' THEN $2::timestamptz END,
         d.trace_id, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, rule_id uuid, channel_id uuid,
         channel_type text, recipient text, kind text, history_ids bigint[], message jsonb,
         status text, trace_id text)`,
      [JSON.stringify(rows), now],
    );
    return rows.map((row) => row.id);
  }

  /** Claims up to `limit` due pending deliveries (all of `ids` when given) for `leaseMs`. */
  async claim(
    now: Date,
    limit: number,
    leaseMs: number,
    ids?: readonly string[],
  ): Promise<ClaimedDelivery[]> {
    const rows = await rowsOf<ClaimedRow>(
      this.dataSource,
      `UPDATE alert_notifications n SET next_attempt_at = $2, updated_at = $1
       WHERE n.id IN (
         SELECT id FROM alert_notifications
         WHERE status = 'pending' AND next_attempt_at <= $1 AND ($4::uuid[] IS NULL OR id = ANY($4))
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING n.id, n.rule_id, n.channel_id, n.recipient, n.kind, n.message, n.attempts,
         n.trace_id`,
      [now, new Date(now.getTime() + leaseMs), limit, ids ?? null],
    );
    return rows.map(claimedOf);
  }

  // Only a pending row changes: a late result never turns a sent delivery back.
  async markSent(id: string, now: Date, responseCode: number | null): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE alert_notifications SET status = 'sent', sent_at = $2, attempts = attempts + 1,
         response_code = $3, last_error = NULL, next_attempt_at = NULL, updated_at = $2
       WHERE id = $1 AND status = 'pending'`,
      [id, now, responseCode],
    );
  }

  /** A failed attempt: retried at `retryAt`, or failed for good when it is null. */
  async markFailed(
    id: string,
    now: Date,
    failure: { responseCode: number | null; error: string; retryAt: Date | null },
  ): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE alert_notifications SET attempts = attempts + 1, response_code = $3,
         last_error = left($4, 1000), status = CASE WHEN $5::timestamptz IS NULL THEN 'failed'
         ELSE 'pending' END, next_attempt_at = $5, updated_at = $2
       WHERE id = $1 AND status = 'pending'`,
      [id, now, failure.responseCode, failure.error, failure.retryAt],
    );
  }

  async list(filter: DeliveryFilter): Promise<{ items: DeliveryRecord[]; total: number }> {
    const where = `WHERE ($1::uuid IS NULL OR rule_id = $1)
      AND ($2::bigint IS NULL OR history_ids @> ARRAY[$2::bigint])
      AND ($3::text IS NULL OR status = $3)`;
    const parameters = [filter.ruleId ?? null, filter.historyId ?? null, filter.status ?? null];
    const [rows, [{ total }]] = await Promise.all([
      rowsOf<RecordRow>(
        this.dataSource,
        `SELECT ${RECORD_COLUMNS} FROM alert_notifications ${where}
         ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`,
        [...parameters, filter.limit, filter.offset],
      ),
      rowsOf<{ total: number }>(
        this.dataSource,
        `SELECT count(*)::int AS total FROM alert_notifications ${where}`,
        parameters,
      ),
    ]);
    return { items: rows.map(recordOf), total };
  }

  async find(id: string): Promise<DeliveryRecord | undefined> {
    const row = await oneRowOf<RecordRow>(
      this.dataSource,
      `SELECT ${RECORD_COLUMNS} FROM alert_notifications WHERE id = $1`,
      [id],
    );
    return row && recordOf(row);
  }
}
