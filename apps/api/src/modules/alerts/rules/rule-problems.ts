import type { FieldErrors } from '../../../common/errors/domain-errors';
import type { AlertRule } from './alert-rule';
import { FAMILY_OF, FILTERS_OF, GROUP_BY_OF } from './metric-kinds';

/** An endpoint the API serves, e.g. `GET /api/v1/transactions/:id`. */
export interface KnownRoute {
  method: string;
  path: string;
}

export type RuleDraft = Omit<AlertRule, 'id'>;

const DESCRIBED: Record<string, string> = {
  requests: 'request metrics',
  slow_requests: 'slow_request_count',
  slow_queries: 'slow_query_count',
  exceptions: 'exception_count',
  new_exception_groups: 'new_exception_group',
  logs: 'log_count',
};

/**
 * What makes a well-formed rule impossible, by field, in words an admin understands: filters or
 * a grouping its metric cannot honour, a window shorter than the interval, a share above 1, a
 * route the API does not serve. Contact points are checked against the database separately.
 */
export function ruleProblems(rule: RuleDraft, routes: readonly KnownRoute[]): FieldErrors {
  const problems: FieldErrors = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  const family = FAMILY_OF[rule.metricType];

  if (rule.windowSeconds < rule.intervalSeconds) {
    add(
      'windowSeconds',
      `the window (${rule.windowSeconds} s) must be at least the evaluation interval (${rule.intervalSeconds} s)`,
    );
  }
  for (const [name, value] of Object.entries(rule.filters)) {
    if (value === undefined) continue;
    if (!FILTERS_OF[family].includes(name as keyof RuleDraft['filters'])) {
      add(
        `filters.${name}`,
        `${rule.metricType} cannot be filtered by ${name}; it can be by ${FILTERS_OF[family].join(', ')}`,
      );
    }
  }
  if (rule.groupBy !== null && !GROUP_BY_OF[family].includes(rule.groupBy)) {
    add(
      'groupBy',
      `${DESCRIBED[family]} cannot be grouped by ${rule.groupBy}; it can be by ${GROUP_BY_OF[family].join(', ')}`,
    );
  }
  if (rule.metricType === 'error_rate' && (rule.threshold < 0 || rule.threshold > 1)) {
    add('threshold', 'error_rate is a share between 0 and 1 (0.05 means 5 %)');
  }
  if (rule.metricType === 'exception_count' && rule.filters.level !== undefined) {
    if (rule.filters.level !== 'error' && rule.filters.level !== 'fatal') {
      add('filters.level', 'exceptions are recorded at error or fatal level');
    }
  }
  const { route, method } = rule.filters;
  if (route !== undefined && FILTERS_OF[family].includes('route')) {
    const matching = routes.filter((known) => known.path === route);
    if (matching.length === 0) {
      add(
        'filters.route',
        `the API has no route ${route}; use a template such as /api/v1/transactions/:id`,
      );
    } else if (method !== undefined && !matching.some((known) => known.method === method)) {
      add(
        'filters.method',
        `${route} does not answer ${method}; it answers ${matching.map((known) => known.method).join(', ')}`,
      );
    }
  }
  return problems;
}
