import type { AlertState, ConditionOperator } from '@ledgerlens/contracts';
import type { AlertCondition } from '../rules/alert-rule';

/** What one evaluation found for one instance. */
export type Observation =
  { kind: 'value'; value: number } | { kind: 'nodata' } | { kind: 'error'; message: string };

/** An alert instance between evaluations (a row of `alert_instances`). */
export interface InstanceStatus {
  state: AlertState;
  /** The last value; null without data. */
  value: number | null;
  /** When the condition started to hold this episode (pending, firing, recovering). */
  activeSince: Date | null;
  /** When the instance started firing this episode. */
  firingSince: Date | null;
  /** The last evaluation at which the condition held (for keep-firing). */
  lastActiveAt: Date | null;
  /** The query's failure, with state `error` (or kept alongside a firing state). */
  error: string | null;
}

export const NORMAL: InstanceStatus = {
  state: 'normal',
  value: null,
  activeSince: null,
  firingSince: null,
  lastActiveAt: null,
  error: null,
};

const COMPARE: Record<ConditionOperator, (value: number, threshold: number) => boolean> = {
  '>': (value, threshold) => value > threshold,
  '>=': (value, threshold) => value >= threshold,
  '<': (value, threshold) => value < threshold,
  '<=': (value, threshold) => value <= threshold,
  '==': (value, threshold) => value === threshold,
  '!=': (value, threshold) => value !== threshold,
};

export function conditionHolds(operator: ConditionOperator, value: number, threshold: number) {
  return COMPARE[operator](value, threshold);
}

/** Firing and recovering instances are alerting: they are what notifications are about. */
export function isAlerting(state: AlertState): boolean {
  return state === 'firing' || state === 'recovering';
}

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/**
 * Grafana's instance state machine. A holding condition makes an instance `pending`, and
 * `firing` once it has held for the pending period (at once without one); when it stops holding,
 * a firing instance stays `recovering` for the keep-firing period (back to `firing` if it holds
 * again), then becomes `normal`. No data becomes `normal`, a holding condition (`alerting`) or
 * `nodata`, as the rule says. A failed query is `error`, except that an alerting instance keeps
 * its state (the error is recorded), so one failed query neither resolves nor re-fires an alert.
 */
export function nextInstanceStatus(
  rule: AlertCondition,
  previous: InstanceStatus,
  observation: Observation,
  now: Date,
): InstanceStatus {
  if (observation.kind === 'error') {
    return isAlerting(previous.state)
      ? { ...previous, error: observation.message }
      : { ...NORMAL, state: 'error', error: observation.message };
  }
  const value = observation.kind === 'value' ? observation.value : null;
  const holds =
    observation.kind === 'value'
      ? conditionHolds(rule.operator, observation.value, rule.threshold)
      : rule.noDataState === 'alerting';

  if (holds) {
    const activeSince = isActive(previous.state) ? (previous.activeSince ?? now) : now;
    if (isAlerting(previous.state) || seconds(activeSince, now) >= rule.pendingSeconds) {
      return {
        state: 'firing',
        value,
        activeSince,
        firingSince: isAlerting(previous.state) ? (previous.firingSince ?? now) : now,
        lastActiveAt: now,
        error: null,
      };
    }
    return { ...NORMAL, state: 'pending', value, activeSince, lastActiveAt: now };
  }

  const quiet: InstanceStatus =
    observation.kind === 'nodata' && rule.noDataState === 'nodata'
      ? { ...NORMAL, state: 'nodata' }
      : { ...NORMAL, value };
  if (isAlerting(previous.state) && quiet.state === 'normal' && rule.keepFiringSeconds > 0) {
    const lastActiveAt = previous.lastActiveAt ?? now;
    if (seconds(lastActiveAt, now) < rule.keepFiringSeconds) {
      return { ...previous, state: 'recovering', value, error: null };
    }
  }
  return quiet;
}

function isActive(state: AlertState): boolean {
  return state === 'pending' || isAlerting(state);
}

const SEVERITY_OF_STATE: Record<AlertState, number> = {
  normal: 0,
  pending: 1,
  recovering: 2,
  nodata: 3,
  error: 4,
  firing: 5,
};

/** A rule shows the worst state of its instances (`normal` without any). */
export function worstState(states: Iterable<AlertState>): AlertState {
  let worst: AlertState = 'normal';
  for (const state of states) {
    if (SEVERITY_OF_STATE[state] > SEVERITY_OF_STATE[worst]) worst = state;
  }
  return worst;
}
