import type { AlertMetric } from '@ledgerlens/contracts';
import { Document } from 'yaml';
import type { AlertRule, AlertRuleFilters } from '../rules/alert-rule';

/** The histogram `GET /metrics` exports for every API request (labels method, route, status_code). */
const REQUESTS = 'http_request_duration_seconds';
/** Label-less counters: they cannot be narrowed to a route or split by one. */
const SLOW_COUNTERS: Partial<Record<AlertMetric, string>> = {
  slow_request_count: 'ledgerlens_slow_requests_total',
  slow_query_count: 'ledgerlens_slow_queries_total',
};
const QUANTILES: Partial<Record<AlertMetric, number>> = {
  p50_latency_ms: 0.5,
  p95_latency_ms: 0.95,
  p99_latency_ms: 0.99,
};
/** The request filters that are labels of the request histogram, in the order they are written. */
const REQUEST_LABEL_FILTERS = ['route', 'method'] as const;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const RULE_ID_LABEL = 'ledgerlens_rule_id';
const RULE_NAME_ANNOTATION = 'ledgerlens_rule_name';

export interface PrometheusRuleFileOptions {
  generatedAt: Date;
  /** PUBLIC_URL, named in the file's header. */
  publicUrl: string;
}

type Translation = { expr: string } | { reason: string };

interface ExportedRule {
  rule: AlertRule;
  expr: string;
  /** What differs from Ledgerlens's own evaluation, written above the rule. */
  notes: string[];
}

/**
 * The enabled rules PromQL can express over this app's own `/metrics` series, as a Prometheus
 * rule file (YAML), for teams who evaluate in their own Prometheus and Alertmanager. The rest
 * are listed, with the reason, in the file's header comment; disabled rules are left out.
 *
 * Expressible: p50/p95/p99 latency, error rate and request rate from the request histogram,
 * filtered by route and method and split by route; slow request and slow query counts from
 * their counters, without filters or split (the counters have no labels). Exception and log
 * metrics exist only inside Ledgerlens, and so do splits by module or source.
 *
 * Where Prometheus must differ, the rule is still exported and a comment above it says how:
 * - No data never fires in Prometheus, so a rule whose no-data state is `alerting` or `nodata`
 *   stays inactive there when its series are missing.
 * - Labels and annotations whose names are not Prometheus label names, or that would replace
 *   `alertname`, `severity`, `ledgerlens_rule_id` or the split label, are left out.
 *
 * A window without requests is no data: the error rate divides by a request rate above zero,
 * and a latency `!=` comparison drops the NaN quantile of an empty histogram. Label and
 * annotation text is escaped so that Prometheus shows it as written rather than expanding
 * `{{ }}` as a template. One group per evaluation interval (`ledgerlens-1m`); groups and rules
 * are sorted, so the same rules give the same file.
 */
export function prometheusRuleFile(rules: AlertRule[], options: PrometheusRuleFileOptions): string {
  const exported: ExportedRule[] = [];
  const inexpressible: { rule: AlertRule; reason: string }[] = [];
  for (const rule of [...rules].sort(byNameThenId)) {
    if (!rule.enabled) continue;
    const translation = translate(rule);
    if ('reason' in translation) inexpressible.push({ rule, reason: translation.reason });
    else exported.push({ rule, expr: translation.expr, notes: [] });
  }

  const intervals = [...new Set(exported.map(({ rule }) => rule.intervalSeconds))].sort(
    (a, b) => a - b,
  );
  const grouped = intervals.map((interval) =>
    exported.filter(({ rule }) => rule.intervalSeconds === interval),
  );
  const groups = grouped.map((entries, g) => ({
    name: `ledgerlens-${promDuration(intervals[g])}`,
    interval: promDuration(intervals[g]),
    rules: entries.map((entry) => ruleNode(entry)),
  }));

  const doc = new Document({ groups }, { version: '1.1' });
  doc.commentBefore = header(exported, inexpressible, options);
  grouped.forEach((entries, g) =>
    entries.forEach(({ notes }, r) => {
      if (notes.length === 0) return;
      const node = doc.getIn(['groups', g, 'rules', r], true) as { commentBefore?: string };
      node.commentBefore = notes.map((note) => ` ${oneLine(note)}`).join('\n');
    }),
  );
  return doc.toString({ lineWidth: 0 });
}

/** A rule of the file; records on `entry.notes` what it had to leave out. */
function ruleNode(entry: ExportedRule): Record<string, unknown> {
  const { rule } = entry;
  const splitLabel = rule.groupBy === 'route' ? 'route' : null;
  const reservedLabels = new Set(['alertname', 'severity', RULE_ID_LABEL, splitLabel]);
  const reservedAnnotations = new Set([RULE_NAME_ANNOTATION]);

  const labels = {
    severity: template(rule.severity),
    ...usableEntries(rule.labels, reservedLabels, 'labels', entry.notes),
    [RULE_ID_LABEL]: template(rule.id),
  };
  const given = usableEntries(rule.annotations, reservedAnnotations, 'annotations', entry.notes);
  const { summary = template(rule.name), description, runbook_url, ...others } = given;
  const annotations: Record<string, string> = { summary };
  const describedAs = description ?? (rule.description ? template(rule.description) : undefined);
  if (describedAs) annotations['description'] = describedAs;
  if (runbook_url) annotations['runbook_url'] = runbook_url;
  Object.assign(annotations, others, { [RULE_NAME_ANNOTATION]: template(rule.name) });

  if (rule.noDataState !== 'normal') {
    entry.notes.unshift(
      `Without data Ledgerlens makes this rule ${rule.noDataState}; Prometheus keeps it inactive.`,
    );
  }
  return {
    alert: alertNameOf(rule.name),
    expr: entry.expr,
    ...(rule.pendingSeconds > 0 ? { for: promDuration(rule.pendingSeconds) } : {}),
    ...(rule.keepFiringSeconds > 0
      ? { keep_firing_for: promDuration(rule.keepFiringSeconds) }
      : {}),
    labels,
    annotations,
  };
}

/** The condition as PromQL, or why PromQL over `/metrics` cannot say it. */
function translate(rule: AlertRule): Translation {
  const value = valueOf(rule);
  if ('reason' in value) return value;
  const threshold = String(rule.threshold);
  // An empty histogram's quantile is NaN, and NaN != x holds: drop it so no traffic stays no data.
  const nanPossible = rule.operator === '!=' && rule.metricType in QUANTILES;
  const compared = nanPossible ? `(${value.expr} > -Inf)` : value.expr;
  return { expr: `${compared} ${rule.operator} ${threshold}` };
}

function valueOf(rule: AlertRule): Translation {
  const { metricType: metric, groupBy } = rule;
  const window = `[${promDuration(rule.windowSeconds)}]`;
  const counter = SLOW_COUNTERS[metric];
  if (counter) {
    const filter = usedFilters(rule.filters)[0];
    if (filter) return { reason: `${counter} has no labels, so the ${filter} filter cannot apply` };
    if (groupBy) return { reason: `${counter} has no labels to split by ${groupBy}` };
    return { expr: `sum(increase(${counter}${window}))` };
  }
  if (!(metric in QUANTILES) && metric !== 'error_rate' && metric !== 'request_rate') {
    return { reason: `${metric} is evaluated inside Ledgerlens only: no Prometheus series` };
  }

  const unlabelled = usedFilters(rule.filters).find(
    (filter) => !(REQUEST_LABEL_FILTERS as readonly string[]).includes(filter),
  );
  if (unlabelled) return { reason: `${REQUESTS} has no ${unlabelled} label to filter by` };
  if (groupBy && groupBy !== 'route') {
    return { reason: `${REQUESTS} has no ${groupBy} label to split by` };
  }
  const matchers = REQUEST_LABEL_FILTERS.flatMap((filter) => {
    const wanted = rule.filters[filter];
    return wanted ? [`${filter}=${promString(wanted)}`] : [];
  });
  const selector = (suffix: string, extra: string[] = []) => {
    const all = [...matchers, ...extra];
    return `${REQUESTS}_${suffix}${all.length ? `{${all.join(',')}}` : ''}${window}`;
  };
  const sum = (labels: string[], inner: string) =>
    labels.length ? `sum by (${labels.join(', ')}) (${inner})` : `sum(${inner})`;
  const split = groupBy ? [groupBy] : [];

  const quantile = QUANTILES[metric];
  if (quantile !== undefined) {
    const buckets = sum(['le', ...split], `rate(${selector('bucket')})`);
    return { expr: `histogram_quantile(${quantile}, ${buckets}) * 1000` };
  }
  const requests = sum(split, `rate(${selector('count')})`);
  if (metric === 'request_rate') return { expr: requests };
  // Without a 5xx series the errors are zero, not missing: fall back to the request rate times 0.
  const errors = sum(split, `rate(${selector('count', ['status_code=~"5.."'])})`);
  return { expr: `(${errors} or ${requests} * 0) / (${requests} > 0)` };
}

function usedFilters(filters: AlertRuleFilters): string[] {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key]) => key)
    .sort();
}

/**
 * A rule's labels or annotations that Prometheus can carry, template-escaped; notes the others.
 */
function usableEntries(
  entries: Record<string, string>,
  reserved: Set<string | null>,
  kind: string,
  notes: string[],
): Record<string, string> {
  const usable: Record<string, string> = {};
  const invalid: string[] = [];
  const replaced: string[] = [];
  for (const key of Object.keys(entries).sort()) {
    if (!LABEL_NAME.test(key) || key.startsWith('__')) invalid.push(key);
    else if (reserved.has(key)) replaced.push(key);
    else usable[key] = template(entries[key]);
  }
  if (invalid.length) {
    notes.push(`${kind} left out, not Prometheus label names: ${invalid.map(quoted).join(', ')}`);
  }
  if (replaced.length) {
    notes.push(`${kind} left out, set by the export: ${replaced.map(quoted).join(', ')}`);
  }
  return usable;
}

/** `API p95 latency high` → `APIP95LatencyHigh`; the human name stays in an annotation. */
export function alertNameOf(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return /^[A-Za-z]/.test(camel) ? camel : `LedgerlensRule${camel}`;
}

/** Seconds as a Prometheus duration: `90` → `1m30s`, `3600` → `1h`. */
export function promDuration(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms <= 0) return '0s';
  let text = '';
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    const count = Math.floor(ms / size);
    if (count > 0) text += `${count}${unit}`;
    ms -= count * size;
  }
  return text;
}

/**
 * A PromQL string literal. JSON's escapes (`\"`, `\\`, `\n`, `\u0001`) are the Go escapes
 * PromQL reads.
 */
export function promString(value: string): string {
  return JSON.stringify(value);
}

/** Text Prometheus's Go templates print as written: `{{` becomes an action printing `{{`. */
function template(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

function header(
  exported: ExportedRule[],
  inexpressible: { rule: AlertRule; reason: string }[],
  { generatedAt, publicUrl }: PrometheusRuleFileOptions,
): string {
  const lines = [
    `Ledgerlens alert rules for Prometheus, exported from ${publicUrl} at ${generatedAt.toISOString()}.`,
    "They read the series of every API instance's GET /metrics; windows shorter than two scrape",
    'intervals find no data. Check with: promtool check rules <this file>',
  ];
  if (exported.some(({ rule }) => rule.keepFiringSeconds > 0)) {
    lines.push('keep_firing_for needs Prometheus 2.42 or later.');
  }
  if (exported.length === 0) lines.push('', 'No enabled rule can be expressed in PromQL.');
  if (inexpressible.length) {
    lines.push('', 'Not exported (evaluated inside Ledgerlens only):');
    for (const { rule, reason } of inexpressible) {
      lines.push(`- ${oneLine(rule.name)} (${rule.id}): ${reason}`);
    }
  }
  return lines.map((line) => (line ? ` ${line}` : '')).join('\n');
}

/** Names are people's text: one line, so none can end the comment it is written in. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

function byNameThenId(a: AlertRule, b: AlertRule): number {
  return compare(a.name, b.name) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
