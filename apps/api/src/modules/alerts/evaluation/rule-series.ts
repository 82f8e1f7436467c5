import { Injectable } from '@nestjs/common';
import type { AlertRule } from '../rules/alert-rule';
import { byFamily, MetricReaders } from './metric-readers';
import { instancesMeasured } from './rule-evaluation';
import { worstValue } from './worst-value';

/** A rule's value at an instant: its worst instance's, null when none had data. */
export interface SeriesPoint {
  at: Date;
  value: number | null;
}

/** The instants of a series: `points` of them, evenly spaced, the last at `to`. */
export interface SeriesRange {
  from: Date;
  to: Date;
  stepSeconds: number;
  instants: Date[];
}

const HOUR_MS = 3_600_000;

/** `hours` up to `to` cut into `points` steps, each measured at its end (the first at from + step). */
export function seriesRange(to: Date, hours: number, points: number): SeriesRange {
  const spanMs = hours * HOUR_MS;
  const stepMs = spanMs / points;
  const from = new Date(to.getTime() - spanMs);
  const instants = Array.from(
    { length: points },
    (_, index) => new Date(to.getTime() - Math.round((points - 1 - index) * stepMs)),
  );
  return { from, to, stepSeconds: stepMs / 1000, instants };
}

/**
 * Rules measured as an evaluation at each instant would measure them, each with its own window:
 * one query per metric family per instant, however many rules. Instants are read one after the
 * other so a long series holds at most one connection per family.
 */
@Injectable()
export class RuleSeries {
  constructor(private readonly readers: MetricReaders) {}

  async measure(
    rules: readonly AlertRule[],
    instants: readonly Date[],
  ): Promise<Map<string, SeriesPoint[]>> {
    const series = new Map<string, SeriesPoint[]>(rules.map((rule) => [rule.id, []]));
    const families = [...byFamily(rules)];
    for (const at of instants) {
      await Promise.all(
        families.map(async ([family, members]) => {
          const measured = await this.readers.read(family, members, at);
          for (const rule of members) {
            const instances = instancesMeasured(rule, measured.get(rule.id) ?? new Map());
            const values = [...instances.values()].map((instance) => instance.value);
            series.get(rule.id)?.push({ at, value: worstValue(rule.operator, values) });
          }
        }),
      );
    }
    return series;
  }
}
