import {
  AlertEventPayload,
  BudgetThresholdCrossedPayload,
  BudgetUpdatedPayload,
  DomainEvent,
  ExceptionGroupEventPayload,
  InternalEvent,
  RealtimeEvent,
  TransactionChangedPayload,
} from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { AuditEventRecord } from '../audit/audit-event-input';
import { envelopeOf } from './envelope';
import {
  alertPayloadOf,
  auditPayloadOf,
  budgetPayloadOf,
  exceptionPayloadOf,
  thresholdPayloadOf,
  transactionPayloadOf,
} from './event-payloads';
import { RealtimeServer } from './realtime-server';
import { Rooms } from './rooms';

/**
 * Pushes in-process domain events to the rooms that may see them: a user's own changes to their
 * room, exceptions and alerts to admins, stored action-log events to admins who asked. Every
 * event it hears is emitted after its transaction committed, so nothing rolled back is pushed.
 */
@Injectable()
export class DomainEventsRelay {
  constructor(private readonly realtime: RealtimeServer) {}

  @OnEvent(DomainEvent.TransactionCreated)
  transactionCreated(change: TransactionChangedPayload): void {
    this.toOwner(change, RealtimeEvent.TransactionCreated);
  }

  @OnEvent(DomainEvent.TransactionUpdated)
  transactionUpdated(change: TransactionChangedPayload): void {
    this.toOwner(change, RealtimeEvent.TransactionUpdated);
  }

  @OnEvent(DomainEvent.TransactionDeleted)
  transactionDeleted(change: TransactionChangedPayload): void {
    this.toOwner(change, RealtimeEvent.TransactionDeleted);
  }

  @OnEvent(DomainEvent.BudgetUpdated)
  budgetUpdated({ userId, budget, traceId }: BudgetUpdatedPayload): void {
    this.realtime.toRoom(
      Rooms.user(userId),
      envelopeOf(RealtimeEvent.BudgetUpdated, budgetPayloadOf(budget), traceId),
    );
  }

  @OnEvent(DomainEvent.BudgetThresholdCrossed)
  budgetThresholdCrossed(crossing: BudgetThresholdCrossedPayload): void {
    this.realtime.toRoom(
      Rooms.user(crossing.userId),
      envelopeOf(
        RealtimeEvent.BudgetThresholdCrossed,
        thresholdPayloadOf(crossing),
        crossing.traceId,
      ),
    );
  }

  @OnEvent(DomainEvent.ExceptionNew)
  exceptionNew(group: ExceptionGroupEventPayload): void {
    this.realtime.toRoom(
      Rooms.admins,
      envelopeOf(RealtimeEvent.ExceptionNew, exceptionPayloadOf(group), group.traceId),
    );
  }

  @OnEvent(DomainEvent.ExceptionRegressed)
  exceptionRegressed(group: ExceptionGroupEventPayload): void {
    this.realtime.toRoom(
      Rooms.admins,
      envelopeOf(RealtimeEvent.ExceptionRegressed, exceptionPayloadOf(group), group.traceId),
    );
  }

  @OnEvent(DomainEvent.AlertFired)
  alertFired(alert: AlertEventPayload): void {
    this.realtime.toRoom(
      Rooms.admins,
      envelopeOf(RealtimeEvent.AlertFired, alertPayloadOf(alert), alert.traceId),
    );
  }

  @OnEvent(DomainEvent.AlertResolved)
  alertResolved(alert: AlertEventPayload): void {
    this.realtime.toRoom(
      Rooms.admins,
      envelopeOf(RealtimeEvent.AlertResolved, alertPayloadOf(alert), alert.traceId),
    );
  }

  @OnEvent(InternalEvent.AuditEventsStored)
  auditEventsStored(events: readonly AuditEventRecord[]): void {
    for (const event of events) {
      this.realtime.toRoom(
        Rooms.audit,
        envelopeOf(RealtimeEvent.AuditEvent, auditPayloadOf(event), event.traceId),
      );
    }
  }

  private toOwner(
    change: TransactionChangedPayload,
    type:
      | typeof RealtimeEvent.TransactionCreated
      | typeof RealtimeEvent.TransactionUpdated
      | typeof RealtimeEvent.TransactionDeleted,
  ): void {
    this.realtime.toRoom(
      Rooms.user(change.userId),
      envelopeOf(type, transactionPayloadOf(change), change.traceId),
    );
  }
}
