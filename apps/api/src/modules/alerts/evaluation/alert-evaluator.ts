import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AlertEventPayload, AlertStateChangedPayload, DomainEvent } from '@ledgerlens/contracts';
import { RequestContext } from '../../../common/context/request-context';
import type { AlertRule } from '../rules/alert-rule';
import { AlertRulesStore } from '../rules/alert-rules.store';
import { conditionText, formatValue, metricName } from '../channels/alert-text';
import { AlertInstancesStore, RuleCycle } from './alert-instances.store';
import { isAlerting } from './instance-state';
import { byFamily, Measured, MetricReaders } from './metric-readers';
import { evaluateRule, InstanceRecord, RuleMeasurement, Transition } from './rule-evaluation';

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Evaluates rules: reads each metric family once for all due rules, moves every instance on
 * (see instance-state.ts), stores the changes and tells admins of alerts that fire or resolve.
 * A family whose query fails puts its rules' instances in `error`; the others go on.
 */
@Injectable()
export class AlertEvaluator {
  private readonly logger = new Logger('Alerting');

  constructor(
    private readonly rules: AlertRulesStore,
    private readonly readers: MetricReaders,
    private readonly instances: AlertInstancesStore,
    private readonly context: RequestContext,
    private readonly events: EventEmitter2,
  ) {}

  /** Evaluates the rules due at `now` and stores the outcome; returns how many ran. */
  async evaluateDue(now: Date): Promise<number> {
    const due = await this.rules.due(now);
    if (due.length === 0) return 0;
    const previous = await this.instances.load(due.map((rule) => rule.id));
    const measurements = await this.measure(due, now);
    const cycles: RuleCycle[] = due.map((rule) => ({
      ruleId: rule.id,
      threshold: rule.threshold,
      ...evaluateRule(
        rule,
        previous.get(rule.id) ?? new Map(),
        measurementOf(measurements, rule),
        now,
      ),
    }));
    const historyIds = await this.instances.save(cycles, now, this.context.traceId);
    await this.rules.recordRuns(
      due.map((rule) => {
        const measurement = measurements.get(rule.id);
        return {
          ruleId: rule.id,
          nextAt: new Date(now.getTime() + rule.intervalSeconds * 1000),
          error: measurement && 'error' in measurement ? measurement.error : null,
        };
      }),
      now,
    );
    this.announce(due, cycles, historyIds, now);
    return due.length;
  }

  /** A rule's instances as if evaluated now, stored nowhere and notifying no one. */
  async preview(
    rule: AlertRule,
    now: Date,
  ): Promise<{ instances: InstanceRecord[]; error: string | null }> {
    const previous = await this.instances.load([rule.id]);
    const measurement = measurementOf(await this.measure([rule], now), rule);
    const { instances } = evaluateRule(rule, previous.get(rule.id) ?? new Map(), measurement, now);
    return { instances, error: 'error' in measurement ? measurement.error : null };
  }

  private async measure(
    rules: readonly AlertRule[],
    now: Date,
  ): Promise<Map<string, RuleMeasurement>> {
    const results = new Map<string, RuleMeasurement>();
    await Promise.all(
      [...byFamily(rules)].map(async ([family, members]) => {
        try {
          const measured = await this.readers.read(family, members, now);
          for (const rule of members)
            results.set(rule.id, {
              measured: measured.get(rule.id) ?? new Map<string, Measured>(),
            });
        } catch (error) {
          this.logger.error({ err: error, family }, `Alert evaluation of ${family} failed`);
          for (const rule of members) results.set(rule.id, { error: errorText(error) });
        }
      }),
    );
    return results;
  }

  /**
   * `alert.state_changed` for every change of an instance's state; besides, `alert.fired` when it
   * starts firing, `alert.resolved` when it stops alerting (`cycles[i]` is the cycle of `rules[i]`).
   */
  private announce(
    rules: readonly AlertRule[],
    cycles: readonly RuleCycle[],
    historyIds: ReadonlyMap<Transition, string>,
    now: Date,
  ): void {
    cycles.forEach((cycle, index) => {
      const rule = rules[index];
      for (const transition of cycle.transitions) {
        this.events.emit(DomainEvent.AlertStateChanged, {
          alertId: rule.id,
          historyId: historyIds.get(transition) ?? '',
          name: rule.name,
          from: transition.from,
          to: transition.to,
          labels: transition.labels,
          value: transition.value,
          occurredAt: now.toISOString(),
          traceId: this.context.traceId,
        } satisfies AlertStateChangedPayload);
        const fired = transition.to === 'firing' && !isAlerting(transition.from);
        const resolved = isAlerting(transition.from) && !isAlerting(transition.to);
        if (!fired && !resolved) continue;
        const payload: AlertEventPayload = {
          alertId: rule.id,
          historyId: historyIds.get(transition) ?? '',
          name: rule.name,
          severity: rule.severity,
          metric: rule.metricType,
          value: transition.value ?? 0,
          threshold: rule.threshold,
          message: messageOf(rule, transition, fired),
          occurredAt: now.toISOString(),
          traceId: this.context.traceId,
        };
        this.events.emit(fired ? DomainEvent.AlertFired : DomainEvent.AlertResolved, payload);
      }
    });
  }
}

/** A rule's measurement; a rule its family's query did not answer for measured nothing. */
function measurementOf(measurements: ReadonlyMap<string, RuleMeasurement>, rule: AlertRule) {
  return measurements.get(rule.id) ?? { measured: new Map() };
}

function messageOf(rule: AlertRule, transition: Transition, fired: boolean): string {
  const where = Object.values(transition.labels).join(' ');
  const subject = `${rule.name}${where ? ` (${where})` : ''}`;
  const value = `${metricName(rule.metricType)} ${formatValue(rule.metricType, transition.value)}`;
  return fired ? `${subject}: ${value} ${conditionText(rule)}` : `${subject} resolved: ${value}`;
}
