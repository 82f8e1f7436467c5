import type { AlertGroupBy, AlertMetric, components } from '@ledgerlens/contracts';

export type RuleFilters = components['schemas']['AlertRuleFiltersDto'];
export type FilterName = keyof RuleFilters;

/** How a metric's values are read: the form takes a share as a percentage. */
export type MetricUnit = 'ms' | 'share' | 'per_second' | 'count';

export interface MetricKind {
  /** What it measures, in words: "p95 latency". */
  label: string;
  unit: MetricUnit;
  /** The filters and groupings the API accepts for it (docs/alerting.md, "What a rule can measure"). */
  filters: readonly FilterName[];
  groupBy: readonly AlertGroupBy[];
  /** A first threshold worth starting from, in the form's unit. */
  suggestedThreshold: number;
}

const REQUESTS = { filters: ['route', 'method'], groupBy: ['route'] } as const;

/**
 * What each metric can be narrowed and split by, mirroring the API's `rules/metric-kinds.ts`
 * so the form offers only what the API would accept.
 */
export const METRIC_KINDS: Record<AlertMetric, MetricKind> = {
  p50_latency_ms: { label: 'p50 latency', unit: 'ms', ...REQUESTS, suggestedThreshold: 250 },
  p95_latency_ms: { label: 'p95 latency', unit: 'ms', ...REQUESTS, suggestedThreshold: 500 },
  p99_latency_ms: { label: 'p99 latency', unit: 'ms', ...REQUESTS, suggestedThreshold: 1000 },
  error_rate: { label: 'error rate', unit: 'share', ...REQUESTS, suggestedThreshold: 2 },
  request_rate: { label: 'request rate', unit: 'per_second', ...REQUESTS, suggestedThreshold: 10 },
  slow_request_count: {
    label: 'slow requests',
    unit: 'count',
    ...REQUESTS,
    suggestedThreshold: 10,
  },
  slow_query_count: { label: 'slow queries', unit: 'count', ...REQUESTS, suggestedThreshold: 10 },
  exception_count: {
    label: 'exceptions',
    unit: 'count',
    filters: ['source', 'level'],
    groupBy: ['source'],
    suggestedThreshold: 5,
  },
  new_exception_group: {
    label: 'new exception groups',
    unit: 'count',
    filters: ['source'],
    groupBy: ['source'],
    suggestedThreshold: 0,
  },
  log_count: {
    label: 'log lines',
    unit: 'count',
    filters: ['level', 'source', 'module', 'text'],
    groupBy: ['module', 'source'],
    suggestedThreshold: 100,
  },
};

/** The metric choices of the form, as an admin would look for them. */
export const METRIC_OPTIONS: { metric: AlertMetric; label: string }[] = [
  { metric: 'p95_latency_ms', label: 'p95 latency (ms)' },
  { metric: 'p99_latency_ms', label: 'p99 latency (ms)' },
  { metric: 'p50_latency_ms', label: 'p50 latency (ms)' },
  { metric: 'error_rate', label: 'Error rate: share of requests answered 5xx (%)' },
  { metric: 'request_rate', label: 'Request rate (requests per second)' },
  { metric: 'slow_request_count', label: 'Slow requests (count)' },
  { metric: 'slow_query_count', label: 'Slow queries (count)' },
  { metric: 'exception_count', label: 'Exceptions (count)' },
  { metric: 'new_exception_group', label: 'New exception groups (count)' },
  { metric: 'log_count', label: 'Stored log lines (count)' },
];
