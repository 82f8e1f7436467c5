import { InternalEvent, LogTailFilter } from '@ledgerlens/contracts';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { AppLogRecord } from '../../logging';
import type { RealtimeIoServer, RealtimeSocket } from '../realtime-socket';
import { StderrProblems } from './stderr-problems';
import { TailRelay } from './tail-relay';
import { TailSubscription } from './tail-subscription';

/**
 * Live tail of stored log lines for the admins' sockets connected to this instance, each with its
 * own filter and rate limit, fed by the lines this instance stores and, through the relay, by
 * those the others store. With no subscriber anywhere, a stored batch costs two size checks.
 */
@Injectable()
export class LiveTail implements OnModuleDestroy {
  /** By socket ID. */
  private readonly subscriptions = new Map<string, TailSubscription>();
  private readonly problems = new StderrProblems('Live tail');

  constructor(private readonly relay: TailRelay) {}

  attach(server: RealtimeIoServer): void {
    this.relay.attach(server, (records) => this.deliver(records));
  }

  /** Starts or refilters the socket's tail; resolves once other instances will send their lines. */
  async subscribe(socket: RealtimeSocket, filter: LogTailFilter): Promise<void> {
    const current = this.subscriptions.get(socket.id);
    if (current) {
      current.refilter(filter);
      return;
    }
    this.subscriptions.set(socket.id, new TailSubscription(socket, filter));
    if (this.subscriptions.size === 1) await this.relay.setWanted(true);
  }

  unsubscribe(socket: RealtimeSocket): void {
    const subscription = this.subscriptions.get(socket.id);
    if (!subscription) return;
    subscription.close();
    this.subscriptions.delete(socket.id);
    if (this.subscriptions.size === 0) void this.relay.setWanted(false);
  }

  /** After the lines' insert committed (`AppLogWriter`). */
  @OnEvent(InternalEvent.LogsStored)
  onLogsStored(records: readonly AppLogRecord[]): void {
    if (this.subscriptions.size > 0) this.deliver(records);
    this.relay.forward(records);
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions.values()) subscription.close();
    this.subscriptions.clear();
  }

  private deliver(records: readonly AppLogRecord[]): void {
    for (const subscription of this.subscriptions.values()) {
      try {
        subscription.offer(records);
      } catch (error) {
        this.problems.report('lines could not be sent to a subscriber', error);
      }
    }
  }
}
