import { createHash } from 'node:crypto';
import type { AlertMessage, NotifiedInstance } from './contact-point';

/**
 * The body Prometheus Alertmanager's webhook receiver sends (`version: "4"`), so that any
 * receiver written for Alertmanager (or Grafana's webhook) understands ours.
 */

/** Alertmanager's `endsAt` of an alert still firing: Go's zero time. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';
/** At most this many alerts in one body; `truncatedAlerts` counts the rest. */
export const MAX_PAYLOAD_ALERTS = 100;

export type AlertmanagerStatus = 'firing' | 'resolved';

export interface AlertmanagerAlert {
  status: AlertmanagerStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** RFC 3339. */
  startsAt: string;
  /** RFC 3339; ZERO_TIME while firing. */
  endsAt: string;
  generatorURL: string;
  /** 16 hex digits, stable for an instance across notifications. */
  fingerprint: string;
  /** The last evaluated value (null without data): an addition, as in Grafana's body. */
  value: number | null;
}

export interface AlertmanagerPayload {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: AlertmanagerStatus;
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: AlertmanagerAlert[];
}

type Rule = AlertMessage['rule'];

/** The instance's fingerprint when it is already 16 hex digits, else 16 hex digits of its hash. */
export function payloadFingerprint(fingerprint: string): string {
  if (/^[0-9a-f]{16}$/.test(fingerprint)) return fingerprint;
  return createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
}

/**
 * An alert's labels: the rule's, the instance's, `alertname` (the rule's name) and `severity`,
 * and `test: "true"` on a test. What silences match and receivers route on.
 */
export function alertLabels(
  rule: Pick<Rule, 'name' | 'severity' | 'labels'>,
  instanceLabels: Record<string, string>,
  test = false,
): Record<string, string> {
  return {
    ...rule.labels,
    ...instanceLabels,
    // The rule's own name and severity win over any label that happens to share their key.
    alertname: rule.name,
    severity: rule.severity,
    ...(test ? { test: 'true' } : {}),
  };
}

function annotationsOf(rule: Rule, instanceAnnotations: Record<string, string>) {
  return {
    ...(rule.description ? { description: rule.description } : {}),
    ...rule.annotations,
    ...instanceAnnotations,
  };
}

function alertOf(
  message: AlertMessage,
  instance: NotifiedInstance,
  status: AlertmanagerStatus,
  now: Date,
): AlertmanagerAlert {
  const test = message.kind === 'test';
  return {
    status,
    labels: alertLabels(message.rule, instance.labels, test),
    annotations: annotationsOf(message.rule, instance.annotations),
    startsAt: instance.startsAt.toISOString(),
    endsAt: status === 'firing' ? ZERO_TIME : (instance.endsAt ?? now).toISOString(),
    generatorURL: message.ruleUrl,
    fingerprint: payloadFingerprint(instance.fingerprint),
    value: instance.value,
  };
}

/** A test notification with no instance of its own shows one made-up instance of the rule. */
function testInstance(message: AlertMessage, now: Date): NotifiedInstance {
  return {
    fingerprint: `${message.rule.id}:test`,
    labels: {},
    annotations: {},
    state: 'firing',
    value: null,
    startsAt: now,
    endsAt: null,
  };
}

/** The labels (or annotations) all alerts have with the same value. */
function common(records: Record<string, string>[]): Record<string, string> {
  if (records.length === 0) return {};
  const [first, ...rest] = records;
  return Object.fromEntries(
    Object.entries(first).filter(([key, value]) => rest.every((other) => other[key] === value)),
  );
}

/**
 * The webhook body of `message` for the contact point named `receiver`. Firing alerts come
 * first; past MAX_PAYLOAD_ALERTS the rest are only counted. A test message is a firing one whose
 * alerts carry the label `test: "true"`.
 */
export function alertmanagerPayload(
  receiver: string,
  message: AlertMessage,
  now: Date = new Date(),
): AlertmanagerPayload {
  let alerts: AlertmanagerAlert[];
  if (message.kind === 'test') {
    const instances = [...message.firing, ...message.resolved];
    if (instances.length === 0) instances.push(testInstance(message, now));
    alerts = instances.map((instance) => alertOf(message, instance, 'firing', now));
  } else {
    alerts = [
      ...message.firing.map((instance) => alertOf(message, instance, 'firing', now)),
      ...message.resolved.map((instance) => alertOf(message, instance, 'resolved', now)),
    ];
  }
  const commonLabels = common(alerts.map((alert) => alert.labels));
  const groupBy = message.rule.groupBy;
  return {
    version: '4',
    groupKey: message.groupKey,
    truncatedAlerts: Math.max(0, alerts.length - MAX_PAYLOAD_ALERTS),
    status: alerts.some((alert) => alert.status === 'firing') ? 'firing' : 'resolved',
    receiver,
    // Alertmanager's group labels are shared by every alert of the group: the group-by label
    // is one only while all instances have the same value.
    groupLabels: {
      alertname: message.rule.name,
      ...(groupBy && commonLabels[groupBy] !== undefined
        ? { [groupBy]: commonLabels[groupBy] }
        : {}),
    },
    commonLabels,
    commonAnnotations: common(alerts.map((alert) => alert.annotations)),
    externalURL: message.externalUrl,
    alerts: alerts.slice(0, MAX_PAYLOAD_ALERTS),
  };
}
