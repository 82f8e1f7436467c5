import { Injectable } from '@nestjs/common';
import {
  CountFilter,
  WHOLE_FILTER,
  WindowedCount,
  WindowedCountsRequest,
} from '../../../database/windowed-counts';
import { ExceptionWindowedCountsStore } from '../../exceptions';
import { LogWindowedCountsStore } from '../../logging';
import {
  LatencyHistogram,
  emptyHistogram,
  mergeInto,
  MonitoringWindowedCountsStore,
  percentileUs,
  RequestMinute,
} from '../../monitoring';
import type { AlertRule } from '../rules/alert-rule';
import { FAMILY_OF, MetricFamily } from '../rules/metric-kinds';

/** One instance's measurement: its labels and value (undefined: no data). */
export interface Measured {
  labels: Record<string, string>;
  value: number | undefined;
}

/** Per rule ID, per instance key, what the window held. */
export type Measurements = Map<string, Map<string, Measured>>;

/** The instance key of a rule without group-by. */
export const WHOLE = WHOLE_FILTER;

/** Names the evaluator's queries in logs and pg_stat_statements, as their leading comment. */
const READER = 'alerting';

const fromOf = (rule: AlertRule, now: Date) => new Date(now.getTime() - rule.windowSeconds * 1000);

/** A rule's window and filters, as the modules that own the data count them. */
const filterOf = (rule: AlertRule, now: Date): CountFilter => ({
  ...rule.filters,
  id: rule.id,
  from: fromOf(rule, now),
  groupBy: rule.groupBy,
});

/** A request series name, `METHOD route`, as the labels `route` and `method`. */
function routeLabels(name: string): { route: string; method: string } {
  const space = name.indexOf(' ');
  return { method: name.slice(0, space), route: name.slice(space + 1) };
}

const QUANTILES: Partial<Record<AlertRule['metricType'], number>> = {
  p50_latency_ms: 0.5,
  p95_latency_ms: 0.95,
  p99_latency_ms: 0.99,
};

/** A count family: its counts for every rule at once, from the module that owns the data. */
interface CountFamily {
  counts(request: WindowedCountsRequest): Promise<WindowedCount[]>;
  /** A grouped instance's labels from its group value, when not `{ [groupBy]: value }`. */
  labels?(value: string): Record<string, string>;
}

/**
 * Reads what rules measure, one query per metric family per cycle however many rules there are:
 * request histograms are read once for the longest window and merged per rule here; counts are
 * computed in PostgreSQL for every rule at once by the modules that own the tables (monitoring,
 * exceptions, logging), the rules passed as filters with their windows.
 */
@Injectable()
export class MetricReaders {
  private readonly families: Record<Exclude<MetricFamily, 'requests'>, CountFamily>;

  constructor(
    private readonly monitoring: MonitoringWindowedCountsStore,
    exceptions: ExceptionWindowedCountsStore,
    logs: LogWindowedCountsStore,
  ) {
    this.families = {
      // Labelled as request metrics are, so one silence or matcher on `route` covers both.
      slow_requests: {
        counts: (request) => monitoring.slowRequestCounts(request),
        labels: routeLabels,
      },
      // A slow query's group is the endpoint that ran it, method first (`GET /api/v1/…`).
      slow_queries: {
        counts: (request) => monitoring.slowQueryCounts(request),
        labels: (value) => (value.includes(' ') ? routeLabels(value) : { route: value }),
      },
      exceptions: { counts: (request) => exceptions.exceptionCounts(request) },
      new_exception_groups: { counts: (request) => exceptions.newGroupCounts(request) },
      logs: { counts: (request) => logs.logCounts(request) },
    };
  }

  read(family: MetricFamily, rules: readonly AlertRule[], now: Date): Promise<Measurements> {
    return family === 'requests'
      ? this.requests(rules, now)
      : this.counts(rules, now, this.families[family]);
  }

  private async requests(rules: readonly AlertRule[], now: Date): Promise<Measurements> {
    const longest = Math.max(...rules.map((rule) => rule.windowSeconds));
    const minutes = await this.monitoring.requestMinutes({
      from: new Date(now.getTime() - longest * 1000),
      until: now,
      reader: READER,
    });
    const windows = new RequestWindows(minutes, now);
    return new Map(rules.map((rule) => [rule.id, measureRequests(rule, windows)]));
  }

  private async counts(
    rules: readonly AlertRule[],
    now: Date,
    family: CountFamily,
  ): Promise<Measurements> {
    const rows = await family.counts({
      filters: rules.map((rule) => filterOf(rule, now)),
      until: now,
      reader: READER,
    });
    const measurements: Measurements = new Map(
      rules.map((rule) => [rule.id, new Map<string, Measured>()]),
    );
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    for (const row of rows) {
      const rule = byId.get(row.filterId);
      const labels: Record<string, string> =
        rule?.groupBy && row.label !== null
          ? (family.labels?.(row.label) ?? { [rule.groupBy]: row.label })
          : {};
      measurements.get(row.filterId)?.set(row.key, { labels, value: row.value });
    }
    return measurements;
  }
}

/** Request totals: a histogram with its 5xx count. */
type RequestTotal = LatencyHistogram & { count5xx: number };

const emptyTotal = (): RequestTotal => ({ ...emptyHistogram(), count5xx: 0 });

function addTotal(into: RequestTotal, other: RequestTotal): void {
  mergeInto(into, other);
  into.count5xx += other.count5xx;
}

/**
 * The minute rows of the longest window, by endpoint, each endpoint's rows merged once per
 * window length: rules share a handful of window lengths, so a cycle merges each endpoint's
 * buckets a few times rather than once per rule.
 */
class RequestWindows {
  readonly endpoints = new Map<string, { route: string; method: string; rows: RequestMinute[] }>();
  private readonly totals = new Map<string, RequestTotal>();

  constructor(
    rows: readonly RequestMinute[],
    private readonly now: Date,
  ) {
    for (const row of rows) {
      const endpoint = this.endpoints.get(row.name);
      if (endpoint) endpoint.rows.push(row);
      else this.endpoints.set(row.name, { ...routeLabels(row.name), rows: [row] });
    }
  }

  total(name: string, windowSeconds: number): RequestTotal {
    const cacheKey = `${windowSeconds} ${name}`;
    let total = this.totals.get(cacheKey);
    if (!total) {
      total = emptyTotal();
      const from = new Date(this.now.getTime() - windowSeconds * 1000);
      for (const row of this.endpoints.get(name)?.rows ?? []) {
        if (row.periodStart >= from) addTotal(total, row);
      }
      this.totals.set(cacheKey, total);
    }
    return total;
  }
}

/** Adds up the window's totals of the endpoints a rule covers, per instance, into its metric. */
function measureRequests(rule: AlertRule, windows: RequestWindows): Map<string, Measured> {
  const { route, method } = rule.filters;
  const groups = new Map<string, { labels: Record<string, string>; total: RequestTotal }>();
  for (const [name, endpoint] of windows.endpoints) {
    if (
      (route !== undefined && endpoint.route !== route) ||
      (method !== undefined && endpoint.method !== method)
    ) {
      continue;
    }
    const total = windows.total(name, rule.windowSeconds);
    if (total.count === 0) continue;
    const key = rule.groupBy === 'route' ? name : WHOLE;
    let group = groups.get(key);
    if (!group) {
      const labels: Record<string, string> =
        key === WHOLE ? {} : { route: endpoint.route, method: endpoint.method };
      group = { labels, total: emptyTotal() };
      groups.set(key, group);
    }
    addTotal(group.total, total);
  }
  const measured = new Map<string, Measured>();
  for (const [key, { labels, total }] of groups) {
    measured.set(key, { labels, value: requestValue(rule, total) });
  }
  return measured;
}

function requestValue(rule: AlertRule, total: RequestTotal): number | undefined {
  if (rule.metricType === 'request_rate') return total.count / rule.windowSeconds;
  if (total.count === 0) return undefined;
  if (rule.metricType === 'error_rate') return total.count5xx / total.count;
  const us = percentileUs(total, QUANTILES[rule.metricType] ?? 0.5);
  return us === undefined ? undefined : us / 1000;
}

/** The families of the given rules, each with its rules. */
export function byFamily(rules: readonly AlertRule[]): Map<MetricFamily, AlertRule[]> {
  const families = new Map<MetricFamily, AlertRule[]>();
  for (const rule of rules) {
    const family = FAMILY_OF[rule.metricType];
    families.set(family, [...(families.get(family) ?? []), rule]);
  }
  return families;
}
