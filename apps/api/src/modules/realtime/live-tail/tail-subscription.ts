import {
  LIVE_TAIL_LIMITS,
  LogTailFilter,
  RealtimeEnvelope,
  RealtimeEvent,
} from '@ledgerlens/contracts';
import type { AppLogRecord } from '../../logging';
import { envelopeOf } from '../envelope';
import { logLinePayloadOf } from '../event-payloads';
import { LineRateLimiter } from './line-rate-limiter';
import { lineMatcher, TailedLine } from './log-tail-filter';

/** Where a subscription sends its messages: a socket. */
export interface TailTarget {
  emit(
    event: typeof RealtimeEvent.LogCreated | typeof RealtimeEvent.LogSkipped,
    envelope: RealtimeEnvelope<typeof RealtimeEvent.LogCreated | typeof RealtimeEvent.LogSkipped>,
  ): unknown;
}

/**
 * One socket's live tail: the stored lines its filter matches, at most
 * `LIVE_TAIL_LIMITS.linesPerSecond`; matching lines beyond that are counted and reported in one
 * `log.skipped` marker, sent before the next line or when the second is over.
 */
export class TailSubscription {
  private readonly limiter = new LineRateLimiter(LIVE_TAIL_LIMITS.linesPerSecond);
  private matches: (line: TailedLine) => boolean;
  private marker?: NodeJS.Timeout;

  constructor(
    private readonly target: TailTarget,
    filter: LogTailFilter,
    private readonly now: () => number = Date.now,
  ) {
    this.matches = lineMatcher(filter);
  }

  /** A new filter; the rate limit carries on (subscribing again does not reset it). */
  refilter(filter: LogTailFilter): void {
    this.matches = lineMatcher(filter);
  }

  offer(records: readonly AppLogRecord[]): void {
    for (const record of records) {
      if (!this.matches(record)) continue;
      if (!this.limiter.tryTake(this.now())) {
        this.reportSkippedLater();
        continue;
      }
      this.reportSkipped();
      this.target.emit(
        RealtimeEvent.LogCreated,
        envelopeOf(RealtimeEvent.LogCreated, logLinePayloadOf(record), record.traceId),
      );
    }
  }

  close(): void {
    clearTimeout(this.marker);
  }

  private reportSkippedLater(): void {
    if (this.marker) return;
    this.marker = setTimeout(
      () => {
        this.marker = undefined;
        this.reportSkipped();
      },
      Math.max(this.limiter.windowEndsAt - this.now(), 0),
    );
    this.marker.unref();
  }

  private reportSkipped(): void {
    const count = this.limiter.takeRefused();
    if (count === 0) return;
    this.target.emit(
      RealtimeEvent.LogSkipped,
      envelopeOf(RealtimeEvent.LogSkipped, { count }, null),
    );
  }
}
