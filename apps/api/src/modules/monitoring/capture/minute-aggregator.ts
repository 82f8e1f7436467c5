import type { MetricType } from '@ledgerlens/contracts';
import {
  emptyHistogram,
  LatencyHistogram,
  mergeInto,
  observe,
} from '../histogram/latency-histogram';

const MINUTE_MS = 60_000;

/** One timed request or query, as the aggregator counts it. */
export interface TimedSample {
  metricType: MetricType;
  /** `GET /api/v1/transactions/:id` for a request, the statement kind for a query. */
  metricName: string;
  durationUs: number;
  /** HTTP status of a request; undefined for a query. */
  status?: number;
}

/** What one instance saw of one series in one minute. */
export interface MinuteCell extends LatencyHistogram {
  metricType: MetricType;
  metricName: string;
  /** Start of the minute, milliseconds since the epoch. */
  minuteStartMs: number;
  count4xx: number;
  count5xx: number;
}

export function minuteStartOf(atMs: number): number {
  return atMs - (atMs % MINUTE_MS);
}

/**
 * Per series and wall-clock minute: count, 4xx, 5xx, sum, max and the latency histogram, in
 * memory. `take` hands over everything gathered since the last take and starts afresh; stored
 * rows are added to (not replaced), so a minute taken twice (before and after more requests in
 * it) still adds up. `restore` puts back cells whose write failed.
 */
export class MinuteAggregator {
  private cells = new Map<string, MinuteCell>();

  record(sample: TimedSample, atMs: number): void {
    const minuteStartMs = minuteStartOf(atMs);
    const key = `${minuteStartMs}\u0000${sample.metricType}\u0000${sample.metricName}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        ...emptyHistogram(),
        metricType: sample.metricType,
        metricName: sample.metricName,
        minuteStartMs,
        count4xx: 0,
        count5xx: 0,
      };
      this.cells.set(key, cell);
    }
    observe(cell, sample.durationUs);
    const status = sample.status ?? 0;
    if (status >= 500) cell.count5xx += 1;
    else if (status >= 400) cell.count4xx += 1;
  }

  /** Series-minutes gathered and not yet taken. */
  get size(): number {
    return this.cells.size;
  }

  /** Everything gathered since the last take; the aggregator starts empty again. */
  take(): MinuteCell[] {
    const taken = [...this.cells.values()];
    this.cells = new Map();
    return taken;
  }

  /** Puts back cells that could not be stored, adding them to anything gathered since. */
  restore(cells: MinuteCell[]): void {
    for (const cell of cells) {
      const key = `${cell.minuteStartMs}\u0000${cell.metricType}\u0000${cell.metricName}`;
      const current = this.cells.get(key);
      if (!current) {
        this.cells.set(key, cell);
        continue;
      }
      mergeInto(current, cell);
      current.count4xx += cell.count4xx;
      current.count5xx += cell.count5xx;
    }
  }
}
