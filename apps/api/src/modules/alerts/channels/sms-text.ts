import { formatValue, headlineValue, instancesOf, oneLine, truncate } from './alert-text';
import type { AlertMessage } from './contact-point';

/** One SMS segment of GSM-7 text; longer texts are split and cost more. */
export const SMS_SEGMENT = 160;
/** Even a rule with a very long name keeps this much of it. */
const MIN_NAME = 20;

function count(instances: number): string {
  return `${instances} instance${instances === 1 ? '' : 's'}`;
}

/** `350 > 200 ms`: the unit once, after the threshold, where both share it. */
function breach(message: AlertMessage): string {
  const { rule } = message;
  const value = headlineValue(rule.operator, message.firing);
  const threshold = formatValue(rule.metricType, rule.threshold);
  if (value === null) return `no data (${rule.operator} ${threshold})`;
  const shown = formatValue(rule.metricType, value).replace(/ ms$/, '');
  return `${shown} ${rule.operator} ${threshold}`;
}

function textWith(message: AlertMessage, name: string): string {
  const { rule } = message;
  const head = `${name} ${rule.severity}`;
  if (message.kind === 'test') return `TEST: ${head}, a test notification from Ledgerlens`;
  const instances = count(instancesOf(message).length);
  if (message.kind === 'resolved') return `RESOLVED: ${head}, ${instances} back to normal`;
  return `FIRING: ${head} ${instances}, ${breach(message)}`;
}

/**
 * A short text for an SMS, e.g. `FIRING: High p95 latency critical 2 instances, 350 > 200 ms`,
 * within one segment where possible: the rule's name is shortened first, and the rule's link
 * is added only when it still fits.
 */
export function smsText(message: AlertMessage): string {
  const name = oneLine(message.rule.name);
  let text = textWith(message, name);
  if (text.length > SMS_SEGMENT) {
    const room = Math.max(MIN_NAME, name.length - (text.length - SMS_SEGMENT));
    text = textWith(message, truncate(name, room));
  }
  const withLink = `${text} ${message.ruleUrl}`;
  return withLink.length <= SMS_SEGMENT ? withLink : text;
}
