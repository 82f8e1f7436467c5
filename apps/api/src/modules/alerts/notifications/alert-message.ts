import type { AlertNotificationKind } from '@ledgerlens/contracts';
import { createHash } from 'node:crypto';
import type { AlertMessage, NotifiedInstance } from '../channels/contact-point';
import type { InstanceRecord } from '../evaluation/rule-evaluation';
import type { AlertRule } from '../rules/alert-rule';

/** An instance's fingerprint: 16 hex digits, stable across evaluations and restarts. */
export function fingerprintOf(ruleId: string, key: string): string {
  return createHash('sha256').update(`${ruleId}\0${key}`).digest('hex').slice(0, 16);
}

/** The SPA page of a rule, for links in notifications. */
export function ruleUrlOf(publicUrl: string, ruleId: string): string {
  return `${publicUrl}/admin/alerts/${ruleId}`;
}

function annotationsOf(rule: AlertRule): Record<string, string> {
  return rule.description && rule.annotations.description === undefined
    ? { ...rule.annotations, description: rule.description }
    : rule.annotations;
}

function notified(
  rule: AlertRule,
  instance: InstanceRecord,
  now: Date,
  resolved: boolean,
): NotifiedInstance {
  return {
    fingerprint: fingerprintOf(rule.id, instance.key),
    labels: instance.labels,
    annotations: annotationsOf(rule),
    state: instance.state,
    value: instance.value,
    startsAt: instance.firingSince ?? instance.activeSince ?? now,
    endsAt: resolved ? now : null,
  };
}

/** What a rule's notification says, whichever contact point carries it. */
export function alertMessage(
  rule: AlertRule,
  kind: AlertNotificationKind,
  instances: { firing: readonly InstanceRecord[]; resolved: readonly InstanceRecord[] },
  publicUrl: string,
  now: Date,
): AlertMessage {
  return {
    kind,
    rule: {
      id: rule.id,
      name: rule.name,
      description: rule.description,
      severity: rule.severity,
      metricType: rule.metricType,
      operator: rule.operator,
      threshold: rule.threshold,
      windowSeconds: rule.windowSeconds,
      groupBy: rule.groupBy,
      labels: rule.labels,
      annotations: annotationsOf(rule),
    },
    groupKey: `{}:{ledgerlens_rule_id="${rule.id}"}`,
    firing: instances.firing.map((instance) => notified(rule, instance, now, false)),
    resolved: instances.resolved.map((instance) => notified(rule, instance, now, true)),
    ruleUrl: ruleUrlOf(publicUrl, rule.id),
    externalUrl: publicUrl,
  };
}
