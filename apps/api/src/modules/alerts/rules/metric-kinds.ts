import type { AlertGroupBy, AlertMetric } from '@ledgerlens/contracts';
import type { AlertRuleFilters } from './alert-rule';

/** The data a metric is computed from: each family is read with one query per evaluation cycle. */
export type MetricFamily =
  'requests' | 'slow_requests' | 'slow_queries' | 'exceptions' | 'new_exception_groups' | 'logs';

export const FAMILY_OF: Record<AlertMetric, MetricFamily> = {
  p50_latency_ms: 'requests',
  p95_latency_ms: 'requests',
  p99_latency_ms: 'requests',
  error_rate: 'requests',
  request_rate: 'requests',
  slow_request_count: 'slow_requests',
  slow_query_count: 'slow_queries',
  exception_count: 'exceptions',
  new_exception_group: 'new_exception_groups',
  log_count: 'logs',
};

/** The filters each family can honour. */
export const FILTERS_OF: Record<MetricFamily, readonly (keyof AlertRuleFilters)[]> = {
  requests: ['route', 'method'],
  slow_requests: ['route', 'method'],
  slow_queries: ['route', 'method'],
  exceptions: ['source', 'level'],
  new_exception_groups: ['source'],
  logs: ['level', 'source', 'module', 'text'],
};

/** The dimensions each family can be split by. */
export const GROUP_BY_OF: Record<MetricFamily, readonly AlertGroupBy[]> = {
  requests: ['route'],
  slow_requests: ['route'],
  slow_queries: ['route'],
  exceptions: ['source'],
  new_exception_groups: ['source'],
  logs: ['module', 'source'],
};

/**
 * Whether a window without rows means zero (counts and request rate) rather than no data
 * (percentiles and the error share, which have no value without requests).
 */
export function isZeroWithoutData(metric: AlertMetric): boolean {
  return !metric.endsWith('_latency_ms') && metric !== 'error_rate';
}
