import {
  AlertEventPayload,
  AlertStateChangedPayload,
  BudgetThresholdCrossedPayload,
  BudgetUpdatedPayload,
  DomainEvent,
  ExceptionGroupEventPayload,
  InternalEvent,
  NotificationCreatedPayload,
  RealtimeEvent,
  RealtimeEventName,
  RealtimePayloads,
  TransactionChangedPayload,
} from '@ledgerlens/contracts';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AuditEventRecord } from '../audit';
import { envelopeOf } from './envelope';
import {
  alertPayloadOf,
  alertStatePayloadOf,
  auditPayloadOf,
  budgetPayloadOf,
  exceptionPayloadOf,
  notificationPayloadOf,
  thresholdPayloadOf,
  transactionPayloadOf,
} from './event-payloads';
import { RealtimeServer } from './realtime-server';
import { Rooms } from './rooms';

/** Sends one in-process event's payload on to sockets. */
type Push = (realtime: RealtimeServer, payload: never) => void;

/**
 * Pushes each item `P` to `room(P)` as the realtime event `type`, under the item's trace ID; its
 * payload is built only if the room may have sockets.
 */
function push<P extends { traceId?: string | null }, T extends RealtimeEventName>(
  type: T,
  room: (item: P) => string,
  payloadOf: (item: P) => RealtimePayloads[T],
) {
  return (realtime: RealtimeServer, item: P): void =>
    realtime.toRoom(room(item), () => envelopeOf(type, payloadOf(item), item.traceId));
}

const toOwner = ({ userId }: { userId: string }) => Rooms.user(userId);
const toAdmins = () => Rooms.admins;

const pushTransaction = (
  type:
    | typeof RealtimeEvent.TransactionCreated
    | typeof RealtimeEvent.TransactionUpdated
    | typeof RealtimeEvent.TransactionDeleted,
) => push<TransactionChangedPayload, typeof type>(type, toOwner, transactionPayloadOf);

const pushAuditEvent = push<AuditEventRecord, typeof RealtimeEvent.AuditEvent>(
  RealtimeEvent.AuditEvent,
  () => Rooms.audit,
  auditPayloadOf,
);

/**
 * Which in-process event goes to which room as which realtime event: a user's own changes and
 * notifications to their room, exceptions and alerts to admins, stored action-log events to admins who asked.
 */
const ROUTES: Record<string, Push> = {
  [DomainEvent.TransactionCreated]: pushTransaction(RealtimeEvent.TransactionCreated),
  [DomainEvent.TransactionUpdated]: pushTransaction(RealtimeEvent.TransactionUpdated),
  [DomainEvent.TransactionDeleted]: pushTransaction(RealtimeEvent.TransactionDeleted),
  [DomainEvent.BudgetUpdated]: push<BudgetUpdatedPayload, typeof RealtimeEvent.BudgetUpdated>(
    RealtimeEvent.BudgetUpdated,
    toOwner,
    ({ budget }) => budgetPayloadOf(budget),
  ),
  [DomainEvent.BudgetThresholdCrossed]: push<
    BudgetThresholdCrossedPayload,
    typeof RealtimeEvent.BudgetThresholdCrossed
  >(RealtimeEvent.BudgetThresholdCrossed, toOwner, thresholdPayloadOf),
  [DomainEvent.NotificationCreated]: push<
    NotificationCreatedPayload,
    typeof RealtimeEvent.NotificationCreated
  >(RealtimeEvent.NotificationCreated, toOwner, ({ notification }) =>
    notificationPayloadOf(notification),
  ),
  [DomainEvent.ExceptionNew]: push<ExceptionGroupEventPayload, typeof RealtimeEvent.ExceptionNew>(
    RealtimeEvent.ExceptionNew,
    toAdmins,
    exceptionPayloadOf,
  ),
  [DomainEvent.ExceptionRegressed]: push<
    ExceptionGroupEventPayload,
    typeof RealtimeEvent.ExceptionRegressed
  >(RealtimeEvent.ExceptionRegressed, toAdmins, exceptionPayloadOf),
  [DomainEvent.AlertFired]: push<AlertEventPayload, typeof RealtimeEvent.AlertFired>(
    RealtimeEvent.AlertFired,
    toAdmins,
    alertPayloadOf,
  ),
  [DomainEvent.AlertResolved]: push<AlertEventPayload, typeof RealtimeEvent.AlertResolved>(
    RealtimeEvent.AlertResolved,
    toAdmins,
    alertPayloadOf,
  ),
  [DomainEvent.AlertStateChanged]: push<
    AlertStateChangedPayload,
    typeof RealtimeEvent.AlertStateChanged
  >(RealtimeEvent.AlertStateChanged, toAdmins, alertStatePayloadOf),
  // The action log is stored in batches: one push per stored event.
  [InternalEvent.AuditEventsStored]: (realtime, events: readonly AuditEventRecord[]) =>
    events.forEach((event) => pushAuditEvent(realtime, event)),
};

/**
 * Pushes in-process events to the rooms that may see them, by the routes above. Every event it
 * hears is emitted after its transaction committed, so nothing rolled back is pushed.
 */
@Injectable()
export class DomainEventsRelay implements OnModuleInit, OnModuleDestroy {
  private readonly listeners = Object.entries(ROUTES).map(
    // Emitted payloads are untyped; each route's type is its event's payload.
    ([event, route]) =>
      [event, (payload: unknown) => route(this.realtime, payload as never)] as const,
  );

  constructor(
    private readonly realtime: RealtimeServer,
    private readonly events: EventEmitter2,
  ) {}

  onModuleInit(): void {
    for (const [event, listener] of this.listeners) this.events.on(event, listener);
  }

  onModuleDestroy(): void {
    for (const [event, listener] of this.listeners) this.events.off(event, listener);
  }
}
