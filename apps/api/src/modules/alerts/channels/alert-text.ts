import type { AlertMessage, NotifiedInstance } from './contact-point';

/**
 * How alert values read for people, shared by the email, SMS and any other text a notification
 * carries: the metric's name and unit, the condition, the window in words.
 */

type Rule = AlertMessage['rule'];

const METRIC_NAMES: Record<string, string> = {
  p50_latency_ms: 'p50 latency',
  p95_latency_ms: 'p95 latency',
  p99_latency_ms: 'p99 latency',
  error_rate: 'error rate',
  request_rate: 'request rate',
  slow_request_count: 'slow requests',
  slow_query_count: 'slow queries',
  exception_count: 'exceptions',
  new_exception_group: 'new exception groups',
  log_count: 'log records',
};

/** What the metric measures, in words (the metric's name for one we do not know). */
export function metricName(metricType: string): string {
  return METRIC_NAMES[metricType] ?? metricType.replace(/_/g, ' ');
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A value with its unit: `350 ms`, `5.2%` (error rate is a share), `12.5/s`, `7`. */
export function formatValue(metricType: string, value: number | null): string {
  if (value === null) return 'no data';
  if (metricType.endsWith('_ms')) return `${number.format(value)} ms`;
  if (metricType === 'error_rate') return `${number.format(value * 100)}%`;
  if (metricType === 'request_rate') return `${number.format(value)}/s`;
  return number.format(value);
}

/** The condition a rule fires on, e.g. `> 200 ms`. */
export function conditionText(rule: Pick<Rule, 'metricType' | 'operator' | 'threshold'>): string {
  return `${rule.operator} ${formatValue(rule.metricType, rule.threshold)}`;
}

const UNITS: [seconds: number, name: string][] = [
  [86_400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** A duration in words, in the largest unit that divides it: `5 minutes`, `1 hour`, `90 seconds`. */
export function durationInWords(seconds: number): string {
  const [size, name] = UNITS.find(([unit]) => seconds >= unit && seconds % unit === 0) ?? [
    1,
    'second',
  ];
  const count = seconds / size;
  return `${number.format(count)} ${name}${count === 1 ? '' : 's'}`;
}

/** The instances a message is about: the firing ones, or the resolved ones once all resolved. */
export function instancesOf(message: AlertMessage): NotifiedInstance[] {
  return message.firing.length > 0 ? message.firing : message.resolved;
}

/**
 * The value that shows the breach best: the highest for `>`/`>=`, the lowest for `<`/`<=`,
 * otherwise the first. Null when no instance has a value.
 */
export function headlineValue(
  operator: string,
  instances: readonly NotifiedInstance[],
): number | null {
  const values = instances
    .map((instance) => instance.value)
    .filter((value): value is number => value !== null);
  if (values.length === 0) return null;
  if (operator.startsWith('>')) return Math.max(...values);
  if (operator.startsWith('<')) return Math.min(...values);
  return values[0];
}

/** Text on one line: control characters and line breaks (header injection) become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** `text` cut to `max` characters (whole code points) with an ellipsis when it was longer. */
export function truncate(text: string, max: number): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= max) return text;
  return `${codePoints.slice(0, Math.max(0, max - 1)).join('')}…`;
}
