import type { AlertMetric, AlertState } from '@ledgerlens/contracts';
import { METRIC_KINDS, type RuleFilters } from './metric-kinds';

/** How alert rules and their values read on the admin pages. */

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A measured value with its unit: "630 ms", "5.2 %" (a share), "12.5 req/s", "7"; "no data". */
export function formatValue(metric: AlertMetric, value: number | null): string {
  if (value === null) return 'no data';
  switch (METRIC_KINDS[metric].unit) {
    case 'ms':
      return `${number.format(value)} ms`;
    case 'share':
      return `${number.format(value * 100)} %`;
    case 'per_second':
      return `${number.format(value)} req/s`;
    case 'count':
      return number.format(value);
  }
}

const UNITS: [seconds: number, name: string][] = [
  [86_400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** A duration in the largest unit that divides it: "5 minutes", "1 hour", "90 seconds". */
export function durationInWords(seconds: number): string {
  const [size, name] = UNITS.find(([unit]) => seconds >= unit && seconds % unit === 0) ?? [
    1,
    'second',
  ];
  const count = seconds / size;
  return `${number.format(count)} ${name}${count === 1 ? '' : 's'}`;
}

const SOURCES: Record<string, string> = { backend: 'the API', frontend: 'browsers' };

/** What the filters narrow the metric to, in words, each starting with a space. */
function scopeOf(filters: RuleFilters): string {
  const parts: string[] = [];
  if (filters.route || filters.method) {
    parts.push(`of ${[filters.method, filters.route ?? 'every route'].filter(Boolean).join(' ')}`);
  }
  if (filters.source) parts.push(`from ${SOURCES[filters.source] ?? filters.source}`);
  if (filters.level) parts.push(`at ${filters.level} or above`);
  if (filters.module) parts.push(`in ${filters.module}`);
  if (filters.text) parts.push(`containing “${filters.text}”`);
  return parts.map((part) => ` ${part}`).join('');
}

export interface DescribedRule {
  metricType: AlertMetric;
  filters: RuleFilters;
  groupBy: string | null;
  operator: string;
  threshold: number;
  windowSeconds: number;
}

/** The condition a rule fires on: "> 800 ms". */
export const conditionText = (rule: Pick<DescribedRule, 'metricType' | 'operator' | 'threshold'>) =>
  `${rule.operator} ${formatValue(rule.metricType, rule.threshold)}`;

/**
 * What a rule measures and when it fires, in one line:
 * "p95 latency of GET /api/v1/transactions > 800 ms over 5 minutes, per route".
 */
export function describeRule(rule: DescribedRule): string {
  const measured = `${METRIC_KINDS[rule.metricType].label}${scopeOf(rule.filters)}`;
  const grouping = rule.groupBy ? `, per ${rule.groupBy}` : '';
  return `${measured} ${conditionText(rule)} over ${durationInWords(rule.windowSeconds)}${grouping}`;
}

/**
 * The one value that stands for a rule's instances, as the API computes a rule's `value`: the
 * least for `<` and `<=`, else the greatest; null when no instance has data.
 */
export function worstValue(
  operator: string,
  instances: readonly { value: number | null }[],
): number | null {
  const values = instances.map(({ value }) => value).filter((value) => value !== null);
  if (values.length === 0) return null;
  return operator === '<' || operator === '<=' ? Math.min(...values) : Math.max(...values);
}

/** States that notify or are about to: these instances "would fire". */
export const isBreaching = (state: AlertState): boolean =>
  state === 'firing' || state === 'pending' || state === 'recovering';

/** An instance's labels in words: "route=/api/v1/budgets, method=GET"; "the whole rule" without. */
export function labelsText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return 'The whole rule';
  return entries.map(([name, value]) => `${name}=${value}`).join(', ');
}

const NO_DATA_WORDS: Record<string, string> = {
  normal: 'no data counts as normal',
  alerting: 'no data counts as the condition holding',
  nodata: 'no data shows as no data',
};

/**
 * When a rule is looked at and how long it waits, in words: "Every minute; fires once the
 * condition has held for 2 minutes; no data counts as normal".
 */
export function timingText(rule: {
  intervalSeconds: number;
  pendingSeconds: number;
  keepFiringSeconds: number;
  noDataState: string;
}): string {
  const parts = [
    `Every ${durationInWords(rule.intervalSeconds).replace(/^1 /, '')}`,
    rule.pendingSeconds > 0
      ? `fires once the condition has held for ${durationInWords(rule.pendingSeconds)}`
      : 'fires as soon as the condition holds',
  ];
  if (rule.keepFiringSeconds > 0) {
    parts.push(`keeps firing ${durationInWords(rule.keepFiringSeconds)} after it stops`);
  }
  parts.push(NO_DATA_WORDS[rule.noDataState] ?? `no data: ${rule.noDataState}`);
  return parts.join('; ');
}
