import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import type { AppLogRecord } from '../../logging';
import type { RealtimeIoServer } from '../realtime-socket';
import { StderrProblems } from './stderr-problems';

/** Messages between instances (through the Redis adapter), never seen by clients. */
export interface TailRelayEvents {
  /** Lines another instance stored. */
  'live-tail:lines': (records: AppLogRecord[]) => void;
  /** An instance has live-tail subscribers now; each instance acknowledges it. */
  'live-tail:wanted': (instanceId: string, ack: (noted: true) => void) => void;
  /** Whether an instance still has subscribers: its heartbeat, and its last word. */
  'live-tail:interest': (instanceId: string, wanted: boolean) => void;
  /** A new instance asks the others whether they have subscribers. */
  'live-tail:hello': () => void;
}

/** An instance with subscribers says so this often; silence for three times as long ends it. */
const HEARTBEAT_MS = 10_000;
const INTEREST_TTL_MS = 3 * HEARTBEAT_MS;

/**
 * Brings the lines other instances store to this instance's live-tail subscribers. An instance
 * forwards its stored lines only while another one has said it has subscribers, so lines never
 * travel when nobody tails anywhere. Without Redis there are no other instances and it does
 * nothing.
 */
@Injectable()
export class TailRelay implements OnModuleDestroy {
  private readonly instanceId = randomUUID();
  /** Instances with subscribers, and until when their last word holds. */
  private readonly wantedUntil = new Map<string, number>();
  private readonly problems = new StderrProblems('Live tail relay');
  private server?: RealtimeIoServer;
  private wanted = false;
  private heartbeat?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {}

  /** Starts relaying on the gateway's server; `deliver` gets the lines other instances send. */
  attach(server: RealtimeIoServer, deliver: (records: AppLogRecord[]) => void): void {
    if (!this.config.REDIS_URL) return;
    this.server = server;
    const namespace = server.sockets;
    namespace.on('live-tail:lines', deliver);
    namespace.on('live-tail:wanted', (instanceId, ack) => {
      this.noteInterest(instanceId, true);
      ack(true);
    });
    namespace.on('live-tail:interest', (instanceId, wanted) =>
      this.noteInterest(instanceId, wanted),
    );
    namespace.on('live-tail:hello', () => {
      if (this.wanted) this.announce();
    });
    server.serverSideEmit('live-tail:hello');
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
  }

  /**
   * Tells the other instances whether this one has subscribers. Starting waits (a few seconds at
   * most) until they know, so a new subscriber's first lines from them are not missed.
   */
  async setWanted(wanted: boolean): Promise<void> {
    if (!this.server || wanted === this.wanted) return;
    this.wanted = wanted;
    clearInterval(this.heartbeat);
    if (!wanted) {
      this.announce();
      return;
    }
    this.heartbeat = setInterval(() => this.announce(), HEARTBEAT_MS).unref();
    try {
      await this.server.serverSideEmitWithAck('live-tail:wanted', this.instanceId);
    } catch (error) {
      this.problems.report('an instance did not answer a subscription', error);
    }
  }

  /** Sends this instance's stored lines to the instances that have subscribers. */
  forward(records: readonly AppLogRecord[]): void {
    if (!this.server || !this.wantedElsewhere()) return;
    try {
      this.server.serverSideEmit('live-tail:lines', [...records]);
    } catch (error) {
      this.problems.report('lines could not be sent to the other instances', error);
    }
  }

  private announce(): void {
    try {
      this.server?.serverSideEmit('live-tail:interest', this.instanceId, this.wanted);
    } catch (error) {
      this.problems.report('could not tell the other instances about subscribers', error);
    }
  }

  private noteInterest(instanceId: string, wanted: boolean): void {
    if (wanted) this.wantedUntil.set(instanceId, Date.now() + INTEREST_TTL_MS);
    else this.wantedUntil.delete(instanceId);
  }

  private wantedElsewhere(): boolean {
    if (this.wantedUntil.size === 0) return false;
    const now = Date.now();
    for (const [instanceId, until] of this.wantedUntil) {
      if (until > now) return true;
      this.wantedUntil.delete(instanceId);
    }
    return false;
  }
}
