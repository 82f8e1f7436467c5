import type { AlertState } from '@ledgerlens/contracts';
import type { AlertRule } from '../rules/alert-rule';
import { isZeroWithoutData } from '../rules/metric-kinds';
import {
  InstanceStatus,
  isAlerting,
  NORMAL,
  nextInstanceStatus,
  Observation,
} from './instance-state';
import { Measured, WHOLE } from './metric-readers';

/** An instance as stored: its status, labels and the history entry of its last change. */
export interface InstanceRecord extends InstanceStatus {
  key: string;
  labels: Record<string, string>;
  historyId: string | null;
}

/** A state change, for `alert_history` and the `alert.*` events. */
export interface Transition {
  key: string;
  labels: Record<string, string>;
  from: AlertState;
  to: AlertState;
  value: number | null;
  error: string | null;
}

export interface RuleEvaluation {
  instances: InstanceRecord[];
  transitions: Transition[];
  /** Instances that no longer fit the rule (see `fitsGrouping`), to be removed. */
  dropped: string[];
}

/**
 * Whether an instance key fits the rule's grouping: `''` without group-by, a value with it. A
 * key that does not (a rule whose grouping changed, or the stand-in `''` a grouped rule gets
 * while its query fails) is dropped once it is not alerting.
 */
function fitsGrouping(rule: AlertRule, key: string): boolean {
  return (rule.groupBy === null) === (key === WHOLE);
}

/**
 * A rule's instances as a window measured them. A rule without group-by always has its one
 * instance: zero when nothing was counted, no data for percentiles and shares.
 */
export function instancesMeasured(
  rule: AlertRule,
  measured: ReadonlyMap<string, Measured>,
): ReadonlyMap<string, Measured> {
  if (rule.groupBy !== null || measured.has(WHOLE)) return measured;
  const value = isZeroWithoutData(rule.metricType) ? 0 : undefined;
  return new Map([...measured, [WHOLE, { labels: {}, value }]]);
}

/** What a cycle found for a rule: measurements, or why its query failed. */
export type RuleMeasurement = { measured: Map<string, Measured> } | { error: string };

/**
 * A rule's next instance states from what its window held. Every known instance is evaluated,
 * not only those with data (see `instancesMeasured`); a series that disappeared from a grouped
 * rule counts as zero (counts) or as not holding (percentiles and shares), so it resolves rather
 * than staying in `nodata`.
 */
export function evaluateRule(
  rule: AlertRule,
  previous: ReadonlyMap<string, InstanceRecord>,
  measurement: RuleMeasurement,
  now: Date,
): RuleEvaluation {
  const instances: InstanceRecord[] = [];
  const transitions: Transition[] = [];
  const dropped: string[] = [];
  const step = (
    key: string,
    labels: Record<string, string>,
    observation: Observation,
    condition = rule,
  ) => {
    const before = previous.get(key);
    const status = nextInstanceStatus(condition, before ?? NORMAL, observation, now);
    instances.push({ ...status, key, labels, historyId: before?.historyId ?? null });
    const from = before?.state ?? 'normal';
    if (status.state !== from) {
      transitions.push({
        key,
        labels,
        from,
        to: status.state,
        value: status.value,
        error: status.error,
      });
    }
  };

  if ('error' in measurement) {
    const keys = previous.size > 0 ? [...previous.keys()] : [WHOLE];
    for (const key of keys) {
      step(key, previous.get(key)?.labels ?? {}, { kind: 'error', message: measurement.error });
    }
    return { instances, transitions, dropped };
  }

  const measured = instancesMeasured(rule, measurement.measured);
  for (const [key, { labels, value }] of measured) {
    step(key, labels, value === undefined ? { kind: 'nodata' } : { kind: 'value', value });
  }
  for (const [key, record] of previous) {
    if (measured.has(key)) continue;
    if (!fitsGrouping(rule, key) && !isAlerting(record.state)) {
      dropped.push(key);
    } else if (isZeroWithoutData(rule.metricType)) {
      step(key, record.labels, { kind: 'value', value: 0 });
    } else {
      step(key, record.labels, { kind: 'nodata' }, { ...rule, noDataState: 'normal' });
    }
  }
  return { instances, transitions, dropped };
}
