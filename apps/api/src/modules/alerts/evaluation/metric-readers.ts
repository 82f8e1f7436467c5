import { Injectable } from '@nestjs/common';
import { LOG_SEVERITY_NUMBERS } from '@ledgerlens/contracts';
import { DataSource } from 'typeorm';
import type { PerformanceMetricsTable } from '../../../database/generated/db-tables';
import { CastColumns, rowsOf } from '../../../database/typed-rows';
import { LatencyHistogram, emptyHistogram, mergeInto, percentileUs } from '../../monitoring';
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
export const WHOLE = '';

/** Marks the evaluator's queries in logs and pg_stat_statements. */
const MARK = '/* alerting */';

/** A minute of one endpoint's requests. */
interface RequestRow extends LatencyHistogram {
  name: string;
  periodStart: Date;
  count5xx: number;
}

/** A minute of `performance_metrics`, its counters read as numbers. */
type MinuteRow = Pick<PerformanceMetricsTable, 'metric_name' | 'period_start'> &
  CastColumns<PerformanceMetricsTable, 'count' | 'count_5xx' | 'sum_us' | 'max_us', number> &
  CastColumns<PerformanceMetricsTable, 'buckets', number[]>;

function requestRowOf(row: MinuteRow): RequestRow {
  return {
    name: row.metric_name,
    periodStart: row.period_start,
    count: row.count,
    count5xx: row.count_5xx,
    sumUs: row.sum_us,
    maxUs: row.max_us,
    buckets: row.buckets,
  };
}

interface CountRow {
  ruleId: string;
  key: string;
  label: string | null;
  value: number;
}

const fromOf = (rule: AlertRule, now: Date) => new Date(now.getTime() - rule.windowSeconds * 1000);

/** A request series name, `METHOD route`, as the labels `route` and `method`. */
function routeLabels(name: string): { route: string; method: string } {
  const space = name.indexOf(' ');
  return { method: name.slice(0, space), route: name.slice(space + 1) };
}

/** `%`, `_` and `\` taken literally in ILIKE. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const QUANTILES: Partial<Record<AlertRule['metricType'], number>> = {
  p50_latency_ms: 0.5,
  p95_latency_ms: 0.95,
  p99_latency_ms: 0.99,
};

/**
 * Reads what rules measure, one query per metric family per cycle however many rules there are:
 * request histograms are read once for the longest window and merged per rule here; counts are
 * computed in PostgreSQL for every rule at once, the rules passed in as a JSON recordset.
 */
@Injectable()
export class MetricReaders {
  constructor(private readonly dataSource: DataSource) {}

  read(family: MetricFamily, rules: readonly AlertRule[], now: Date): Promise<Measurements> {
    switch (family) {
      case 'requests':
        return this.requests(rules, now);
      case 'slow_requests':
        return this.counts(rules, now, SLOW_REQUESTS);
      case 'slow_queries':
        return this.counts(rules, now, SLOW_QUERIES);
      case 'exceptions':
        return this.counts(rules, now, EXCEPTIONS);
      case 'new_exception_groups':
        return this.counts(rules, now, NEW_EXCEPTION_GROUPS);
      case 'logs':
        return this.counts(rules, now, LOGS);
    }
  }

  private async requests(rules: readonly AlertRule[], now: Date): Promise<Measurements> {
    const longest = Math.max(...rules.map((rule) => rule.windowSeconds));
    const rows = await rowsOf<MinuteRow>(
      this.dataSource,
      `${MARK} SELECT metric_name, period_start, count::float8 AS count,
         count_5xx::float8 AS count_5xx, sum_us::float8 AS sum_us, max_us::float8 AS max_us,
         buckets::float8[] AS buckets
       FROM performance_metrics
       WHERE aggregation_period = '1m' AND metric_type = 'http_request'
         AND period_start >= $1 AND period_start <= $2`,
      [new Date(now.getTime() - longest * 1000), now],
    );
    const windows = new RequestWindows(rows.map(requestRowOf), now);
    return new Map(rules.map((rule) => [rule.id, measureRequests(rule, windows)]));
  }

  private async counts(
    rules: readonly AlertRule[],
    now: Date,
    query: CountQuery,
  ): Promise<Measurements> {
    const rows = await rowsOf<CountRow>(this.dataSource, `${MARK} ${query.sql}`, [
      JSON.stringify(rules.map((rule) => query.parameters(rule, now))),
      now,
    ]);
    const measurements: Measurements = new Map(rules.map((rule) => [rule.id, new Map()]));
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    for (const row of rows) {
      const rule = byId.get(row.ruleId);
      const labels: Record<string, string> =
        rule?.groupBy && row.label !== null
          ? (query.labels?.(row.label) ?? { [rule.groupBy]: row.label })
          : {};
      measurements.get(row.ruleId)?.set(row.key, { labels, value: row.value });
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
  readonly endpoints = new Map<string, { route: string; method: string; rows: RequestRow[] }>();
  private readonly totals = new Map<string, RequestTotal>();

  constructor(
    rows: readonly RequestRow[],
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

/** A count family's SQL (rules as the recordset `$1`, the cycle's time `$2`) and each rule's row. */
interface CountQuery {
  sql: string;
  parameters(rule: AlertRule, now: Date): Record<string, unknown>;
  /** A grouped instance's labels from its group value, when not `{ [groupBy]: value }`. */
  labels?(value: string): Record<string, string>;
}

const RULES = `jsonb_to_recordset($1::jsonb) AS r(id uuid, "from" timestamptz, route text,
  method text, source text, level text, min_severity int, module text, text text, group_by text)`;

const ruleParameters = (rule: AlertRule, now: Date) => ({
  id: rule.id,
  from: fromOf(rule, now),
  route: rule.filters.route ?? null,
  method: rule.filters.method ?? null,
  source: rule.filters.source ?? null,
  level: rule.filters.level ?? null,
  min_severity: rule.filters.level ? LOG_SEVERITY_NUMBERS[rule.filters.level] : null,
  module: rule.filters.module ?? null,
  text: rule.filters.text === undefined ? null : likeLiteral(rule.filters.text),
  group_by: rule.groupBy,
});

/** `key`/`label` of a grouped count: the dimension's value, or the whole-rule key. */
const grouped = (dimension: string, expression: string) =>
  `CASE WHEN r.group_by = '${dimension}' THEN coalesce(${expression}, '(none)') ELSE '' END`;

const countQuery = (table: string, key: string, join: string, value = 'count(*)'): string => `
  SELECT r.id AS "ruleId", ${key} AS key, nullif(${key}, '') AS label, ${value}::float8 AS value
  FROM ${RULES} JOIN ${table} ON ${join}
  GROUP BY r.id, 2`;

const SLOW_REQUESTS: CountQuery = {
  sql: countQuery(
    'slow_requests s',
    grouped('route', `s.method || ' ' || s.route`),
    `s.started_at >= r."from" AND s.started_at <= $2
     AND (r.route IS NULL OR s.route = r.route) AND (r.method IS NULL OR s.method = r.method)`,
  ),
  parameters: ruleParameters,
  // Labelled as request metrics are, so one silence or matcher on `route` covers both.
  labels: routeLabels,
};

const SLOW_QUERIES: CountQuery = {
  // A slow query's `route` is the endpoint that ran it, method first (`GET /api/v1/…`).
  sql: countQuery(
    'slow_queries q',
    grouped('route', 'q.route'),
    `q.started_at >= r."from" AND q.started_at <= $2
     AND (r.route IS NULL OR split_part(q.route, ' ', 2) = r.route)
     AND (r.method IS NULL OR split_part(q.route, ' ', 1) = r.method)`,
  ),
  parameters: ruleParameters,
  labels: (value) => (value.includes(' ') ? routeLabels(value) : { route: value }),
};

/**
 * The counts of the longest window first (the bucket index finds them), then the rules: joined
 * the other way, each rule would read every group's whole history.
 */
const EXCEPTIONS: CountQuery = {
  sql: countQuery(
    `(SELECT c.bucket_start, c.count, g.source, g.level
      FROM exception_counts c JOIN exception_groups g ON g.id = c.group_id
      WHERE c.bucket_start <= $2 AND c.bucket_start >= (SELECT date_trunc('minute', min(w."from"))
        FROM jsonb_to_recordset($1::jsonb) AS w("from" timestamptz))) e`,
    grouped('source', 'e.source'),
    `e.bucket_start >= date_trunc('minute', r."from")
     AND (r.source IS NULL OR e.source = r.source)
     AND (r.level IS NULL OR r.level = 'error' OR e.level = 'fatal')`,
    'sum(e.count)',
  ),
  parameters: ruleParameters,
};

const NEW_EXCEPTION_GROUPS: CountQuery = {
  sql: countQuery(
    'exception_groups g',
    grouped('source', 'g.source'),
    `g.first_seen >= r."from" AND g.first_seen <= $2 AND (r.source IS NULL OR g.source = r.source)`,
  ),
  parameters: ruleParameters,
};

const LOGS: CountQuery = {
  sql: countQuery(
    'app_logs l',
    `CASE r.group_by WHEN 'module' THEN coalesce(l.module, '(none)')
       WHEN 'source' THEN l.source ELSE '' END`,
    `l.logged_at >= r."from" AND l.logged_at <= $2
     AND (r.min_severity IS NULL OR l.severity_number >= r.min_severity)
     AND (r.source IS NULL OR l.source = r.source)
     AND (r.module IS NULL OR l.module = r.module)
     AND (r.text IS NULL OR l.message ILIKE '%' || r.text || '%')`,
  ),
  parameters: ruleParameters,
};

/** The families of the given rules, each with its rules. */
export function byFamily(rules: readonly AlertRule[]): Map<MetricFamily, AlertRule[]> {
  const families = new Map<MetricFamily, AlertRule[]>();
  for (const rule of rules) {
    const family = FAMILY_OF[rule.metricType];
    families.set(family, [...(families.get(family) ?? []), rule]);
  }
  return families;
}
