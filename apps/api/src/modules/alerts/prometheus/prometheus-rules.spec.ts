import { ALERT_METRICS, CONDITION_OPERATORS } from '@ledgerlens/contracts';
import Ajv from 'ajv';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PrometheusMetrics } from '../../monitoring/prometheus/prometheus-metrics';
import type { AlertRule } from '../rules/alert-rule';
import { alertNameOf, promDuration, prometheusRuleFile } from './prometheus-rules';

const OPTIONS = {
  generatedAt: new Date('2026-03-01T12:00:00.000Z'),
  publicUrl: 'https://ledgerlens.example.com',
};
const ROUTE = '/api/v1/transactions/:id';

let nextId = 0;
function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    name: `Rule ${nextId}`,
    description: '',
    severity: 'warning',
    labels: {},
    annotations: {},
    enabled: true,
    metricType: 'p95_latency_ms',
    filters: {},
    groupBy: null,
    windowSeconds: 300,
    intervalSeconds: 60,
    operator: '>',
    threshold: 200,
    pendingSeconds: 0,
    keepFiringSeconds: 0,
    noDataState: 'normal',
    notification: {
      contactPointIds: [],
      groupWaitSeconds: 30,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 14_400,
      sendResolved: true,
    },
    ...overrides,
  };
}

interface RuleFile {
  groups: {
    name: string;
    interval: string;
    rules: {
      alert: string;
      expr: string;
      for?: string;
      keep_firing_for?: string;
      labels: Record<string, string>;
      annotations: Record<string, string>;
    }[];
  }[];
}

const exportOf = (rules: AlertRule[]) => prometheusRuleFile(rules, OPTIONS);
const parsed = (rules: AlertRule[]) => parse(exportOf(rules), { version: '1.1' }) as RuleFile;
const exprOf = (one: AlertRule) => parsed([one]).groups[0].rules[0].expr;
const commentLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trimStart().startsWith('#'))
    .map((line) => line.trim());

describe('prometheusRuleFile', () => {
  describe('PromQL of each expressible metric', () => {
    it('latency: a quantile of the request histogram in milliseconds, filtered by route and method', () => {
      const latency = rule({ filters: { route: ROUTE, method: 'GET' }, windowSeconds: 300 });
      expect(exprOf(latency)).toBe(
        'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket' +
          `{route="${ROUTE}",method="GET"}[5m]))) * 1000 > 200`,
      );
      expect(exprOf(rule({ metricType: 'p99_latency_ms', groupBy: 'route', operator: '>=' }))).toBe(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m]))) * 1000 >= 200',
      );
    });

    it('latency !=: the NaN quantile of a window without requests is dropped, not compared', () => {
      expect(exprOf(rule({ metricType: 'p50_latency_ms', operator: '!=', threshold: 0 }))).toBe(
        '(histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) * 1000 > -Inf) != 0',
      );
    });

    it('error rate: the 5xx share, zero (not missing) without 5xx, no data without requests', () => {
      const requests =
        'sum by (route) (rate(http_request_duration_seconds_count{method="POST"}[1m]))';
      expect(
        exprOf(
          rule({
            metricType: 'error_rate',
            filters: { method: 'POST' },
            groupBy: 'route',
            windowSeconds: 60,
            threshold: 0.05,
          }),
        ),
      ).toBe(
        '(sum by (route) (rate(http_request_duration_seconds_count{method="POST",status_code=~"5.."}[1m]))' +
          ` or ${requests} * 0) / (${requests} > 0) > 0.05`,
      );
    });

    it('request rate: requests per second; slow counts: the counter increase', () => {
      expect(
        exprOf(
          rule({ metricType: 'request_rate', operator: '<', threshold: 1, windowSeconds: 90 }),
        ),
      ).toBe('sum(rate(http_request_duration_seconds_count[1m30s])) < 1');
      expect(exprOf(rule({ metricType: 'slow_request_count', operator: '==', threshold: 3 }))).toBe(
        'sum(increase(ledgerlens_slow_requests_total[5m])) == 3',
      );
      expect(
        exprOf(rule({ metricType: 'slow_query_count', windowSeconds: 3600, threshold: 10 })),
      ).toBe('sum(increase(ledgerlens_slow_queries_total[1h])) > 10');
    });

    it('escapes quotes and backslashes in label values as PromQL strings', () => {
      const odd = rule({ filters: { route: '/a"b\\c\nd', method: 'GET' } });
      expect(exprOf(odd)).toContain('{route="/a\\"b\\\\c\\nd",method="GET"}');
    });
  });

  it('writes alert name, for, keep_firing_for, labels and annotations', () => {
    const slow = rule({
      name: 'API p95 latency: too high!',
      description: 'Transactions answer slowly',
      severity: 'critical',
      labels: { team: 'payments', 'bad-key': 'x', severity: 'info', alertname: 'Other' },
      annotations: {
        runbook_url: 'https://runbooks.example.com/latency',
        summary: 'p95 over 200 ms',
        dashboard: 'Latency {{ not a template }}',
      },
      pendingSeconds: 120,
      keepFiringSeconds: 600,
      intervalSeconds: 30,
    });
    const file = parsed([slow]);
    expect(file.groups).toEqual([
      {
        name: 'ledgerlens-30s',
        interval: '30s',
        rules: [
          {
            alert: 'APIP95LatencyTooHigh',
            expr: expect.any(String) as unknown,
            for: '2m',
            keep_firing_for: '10m',
            labels: { severity: 'critical', team: 'payments', ledgerlens_rule_id: slow.id },
            annotations: {
              summary: 'p95 over 200 ms',
              description: 'Transactions answer slowly',
              runbook_url: 'https://runbooks.example.com/latency',
              dashboard: 'Latency {{ "{{" }} not a template }}',
              ledgerlens_rule_name: 'API p95 latency: too high!',
            },
          },
        ],
      },
    ]);
    expect(commentLines(exportOf([slow]))).toEqual(
      expect.arrayContaining([
        '# labels left out, not Prometheus label names: "bad-key"',
        '# labels left out, set by the export: "alertname", "severity"',
      ]),
    );
  });

  it('leaves for and keep_firing_for out when zero, and defaults the summary to the name', () => {
    const [exported] = parsed([rule({ name: 'Quiet' })]).groups[0].rules;
    expect(exported).not.toHaveProperty('for');
    expect(exported).not.toHaveProperty('keep_firing_for');
    expect(exported.annotations).toEqual({ summary: 'Quiet', ledgerlens_rule_name: 'Quiet' });
  });

  it('lists inexpressible rules with their reasons in the header, and leaves disabled ones out', () => {
    const rules = [
      rule({ name: 'Exceptions', metricType: 'exception_count' }),
      rule({ name: 'New groups', metricType: 'new_exception_group' }),
      rule({ name: 'Errors in logs', metricType: 'log_count', filters: { level: 'error' } }),
      rule({ name: 'By module', metricType: 'request_rate', groupBy: 'module' }),
      rule({ name: 'Slow on route', metricType: 'slow_request_count', filters: { route: ROUTE } }),
      rule({ name: 'Slow by route', metricType: 'slow_query_count', groupBy: 'route' }),
      rule({ name: 'Latency of a module', filters: { module: 'budgets' } }),
      rule({ name: 'Multi\nline', metricType: 'exception_count' }),
      rule({ name: 'Switched off', enabled: false }),
      rule({ name: 'Switched off too', enabled: false, metricType: 'log_count' }),
    ];
    const text = exportOf(rules);
    const reasons = commentLines(text).filter((line) => line.startsWith('# - '));
    const idOf = (name: string) => rules.find((one) => one.name === name)?.id;
    expect(reasons).toEqual([
      `# - By module (${idOf('By module')}): http_request_duration_seconds has no module label to split by`,
      `# - Errors in logs (${idOf('Errors in logs')}): log_count is evaluated inside Ledgerlens only: no Prometheus series`,
      `# - Exceptions (${idOf('Exceptions')}): exception_count is evaluated inside Ledgerlens only: no Prometheus series`,
      `# - Latency of a module (${idOf('Latency of a module')}): http_request_duration_seconds has no module label to filter by`,
      `# - Multi line (${idOf('Multi\nline')}): exception_count is evaluated inside Ledgerlens only: no Prometheus series`,
      `# - New groups (${idOf('New groups')}): new_exception_group is evaluated inside Ledgerlens only: no Prometheus series`,
      `# - Slow by route (${idOf('Slow by route')}): ledgerlens_slow_queries_total has no labels to split by route`,
      `# - Slow on route (${idOf('Slow on route')}): ledgerlens_slow_requests_total has no labels, so the route filter cannot apply`,
    ]);
    expect(text).not.toContain('Switched off');
    expect(parsed(rules).groups).toEqual([]);
    expect(text).toContain('No enabled rule can be expressed in PromQL.');
  });

  it('says above a rule that no data does not fire in Prometheus', () => {
    const text = exportOf([rule({ name: 'Silent', noDataState: 'alerting' })]);
    const lines = text.split('\n');
    const alertLine = lines.findIndex((line) => line.includes('alert: Silent'));
    expect(lines[alertLine - 1].trim()).toBe(
      '# Without data Ledgerlens makes this rule alerting; Prometheus keeps it inactive.',
    );
  });

  it('is the same text for the same rules in any order, one group per interval', () => {
    const rules = [
      rule({ name: 'b', intervalSeconds: 300 }),
      rule({ name: 'a', intervalSeconds: 300 }),
      rule({ name: 'c', intervalSeconds: 60 }),
      rule({ name: 'a', intervalSeconds: 60 }),
    ];
    const text = exportOf(rules);
    expect(exportOf([...rules].reverse())).toBe(text);
    expect(
      parsed(rules).groups.map((group) => [group.name, group.rules.map((one) => one.alert)]),
    ).toEqual([
      ['ledgerlens-1m', ['A', 'C']],
      ['ledgerlens-5m', ['A', 'B']],
    ]);
    expect(text.startsWith('# Ledgerlens alert rules for Prometheus, exported from ')).toBe(true);
    expect(text).toContain('https://ledgerlens.example.com at 2026-03-01T12:00:00.000Z.');
  });

  it('derives alert names and durations Prometheus accepts', () => {
    expect(alertNameOf('error rate > 5% on /budgets')).toBe('ErrorRate5OnBudgets');
    expect(alertNameOf('5xx burst')).toBe('LedgerlensRule5xxBurst');
    expect(alertNameOf('Ошибки')).toBe('LedgerlensRule');
    expect([30, 60, 90, 3600, 5400, 86_400, 93_784, 0.5].map(promDuration)).toEqual([
      '30s',
      '1m',
      '1m30s',
      '1h',
      '1h30m',
      '1d',
      '1d2h3m4s',
      '500ms',
    ]);
  });

  describe('Prometheus accepts the file', () => {
    const varied = variedRules();
    const text = exportOf(varied);
    const expressible = varied.filter(
      (one) =>
        one.enabled &&
        !['exception_count', 'new_exception_group', 'log_count'].includes(one.metricType),
    );

    it('covers every metric and operator', () => {
      expect(new Set(varied.map((one) => one.metricType))).toEqual(new Set(ALERT_METRICS));
      expect(new Set(varied.map((one) => one.operator))).toEqual(new Set(CONDITION_OPERATORS));
      expect(parsed(varied).groups.flatMap((group) => group.rules)).toHaveLength(
        expressible.length,
      );
    });

    it('reads only series and labels that GET /metrics exports', async () => {
      const metrics = new PrometheusMetrics();
      metrics.observeRequest('GET', ROUTE, 500, 120);
      metrics.countSlow('request');
      metrics.countSlow('query');
      const exposition = await metrics.metrics();
      const exprs = parsed(varied).groups.flatMap((group) => group.rules.map((one) => one.expr));
      const series = new Set(exprs.flatMap((expr) => expr.match(/[a-z_]+(?=[{[])/g) ?? []));
      expect([...series].sort()).toEqual([
        'http_request_duration_seconds_bucket',
        'http_request_duration_seconds_count',
        'ledgerlens_slow_queries_total',
        'ledgerlens_slow_requests_total',
      ]);
      for (const name of series) expect(exposition).toMatch(new RegExp(`^${name}[ {]`, 'm'));
      expect(exposition).toContain(
        `http_request_duration_seconds_count{method="GET",route="${ROUTE}",status_code="500"} 1`,
      );
      expect(exposition).toMatch(/^ledgerlens_slow_requests_total 1$/m);
    });

    it('is a valid rule file: the schema always; promtool check and unit tests when installed', () => {
      const validate = new Ajv({ allErrors: true }).compile(RULE_FILE_SCHEMA);
      expect(validate(parse(text, { version: '1.1' })) ? [] : validate.errors).toEqual([]);
      // The schema must be able to fail, or its pass proves nothing.
      expect(validate({ groups: [{ name: 'g', rules: [{ alert: 'A', for: '5 min' }] }] })).toBe(
        false,
      );
      if (!promtoolInstalled()) return;

      const check = promtool(['check', 'rules', 'rules.yml'], { 'rules.yml': text });
      expect(check.output).toContain(`SUCCESS: ${expressible.length} rules found`);
      expect(check.status).toBe(0);
      // Synthetic series: the generated latency and error-rate rules fire where they should.
      const unit = promtool(['test', 'rules', 'tests.yml'], {
        'rules.yml': exportOf(firingRules()),
        'tests.yml': stringify(firingTest()),
      });
      expect(unit.output).toContain('SUCCESS');
      expect(unit.status).toBe(0);
    });
  });
});

/** All metric kinds, all operators, filters and splits; a few inexpressible and disabled. */
function variedRules(): AlertRule[] {
  const rules: AlertRule[] = [];
  ALERT_METRICS.forEach((metricType, m) => {
    CONDITION_OPERATORS.forEach((operator, o) => {
      const http = metricType.includes('latency') || metricType.endsWith('_rate');
      rules.push(
        rule({
          name: `${metricType} ${operator} #${o}`,
          metricType,
          operator,
          threshold: [0, 0.5, 200, 1e-3, 12, -1][o],
          filters: http && o % 2 === 0 ? { route: `/api/v1/x/:id"\\{{${o}`, method: 'GET' } : {},
          groupBy: http && o % 3 === 0 ? 'route' : null,
          windowSeconds: [60, 300, 90, 3600, 30, 86_400][o],
          intervalSeconds: [60, 30][(m + o) % 2],
          pendingSeconds: [0, 60][o % 2],
          keepFiringSeconds: [0, 300][(o + 1) % 2],
          noDataState: (['normal', 'alerting', 'nodata'] as const)[o % 3],
          labels: { team: 'core', 'not valid': 'x', quoted: 'say "hi" {{ $value }}' },
          annotations: { runbook_url: 'https://runbooks.example.com/x', summary: 'yes' },
        }),
      );
    });
  });
  rules.push(rule({ name: 'disabled', enabled: false }));
  return rules;
}

const FAST_ROUTE = '/api/v1/budgets';
const slowLatency = rule({
  name: 'Slow transaction reads',
  filters: { route: ROUTE, method: 'GET' },
  pendingSeconds: 60,
  // Prometheus would expand `{{ $value }}`; the alert must carry the text as written.
  labels: { team: 'payments', note: 'p95 {{ $value }}' },
  annotations: { runbook_url: 'https://runbooks.example.com/latency' },
});
const fastLatency = rule({ name: 'Slow budget reads', filters: { route: FAST_ROUTE } });
const failing = rule({
  name: 'Failing routes',
  metricType: 'error_rate',
  groupBy: 'route',
  threshold: 0.1,
});
const healthy = rule({
  name: 'Healthy routes',
  metricType: 'error_rate',
  groupBy: 'route',
  operator: '<',
  threshold: 0.01,
});

function firingRules(): AlertRule[] {
  return [slowLatency, fastLatency, failing, healthy];
}

/**
 * Ten GET requests a minute on each route: transaction reads take 250–500 ms (p95 ≈ 488 ms),
 * a third of them 500s; budget reads take under 100 ms and never fail.
 */
function firingTest() {
  const series = (name: string, labels: Record<string, string>, values: string) => ({
    series: `${name}{${Object.entries(labels)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
      .join(',')}}`,
    values,
  });
  const input_series = [];
  for (const [route, statuses] of [
    [ROUTE, { '200': 'slow', '500': 'slow' }],
    [FAST_ROUTE, { '200': 'fast' }],
  ] as const) {
    for (const [status_code, speed] of Object.entries(statuses)) {
      const perMinute = route === ROUTE ? (status_code === '200' ? 20 : 10) : 30;
      const labels = { method: 'GET', route, status_code };
      const growing = `0+${perMinute}x20`;
      const flat = '0+0x20';
      for (const le of ['0.1', '0.25', '0.5', '+Inf']) {
        const counted = speed === 'fast' || le === '0.5' || le === '+Inf';
        const name = 'http_request_duration_seconds_bucket';
        input_series.push(series(name, { ...labels, le }, counted ? growing : flat));
      }
      input_series.push(series('http_request_duration_seconds_count', labels, growing));
    }
  }
  const alert = (one: AlertRule, extra: Record<string, string> = {}) => ({
    exp_labels: { severity: one.severity, ...one.labels, ledgerlens_rule_id: one.id, ...extra },
    exp_annotations: {
      summary: one.name,
      ...one.annotations,
      ledgerlens_rule_name: one.name,
    },
  });
  return {
    rule_files: ['rules.yml'],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series,
        alert_rule_test: [
          { eval_time: '10m', alertname: 'SlowTransactionReads', exp_alerts: [alert(slowLatency)] },
          { eval_time: '10m', alertname: 'SlowBudgetReads', exp_alerts: [] },
          {
            eval_time: '10m',
            alertname: 'FailingRoutes',
            exp_alerts: [alert(failing, { route: ROUTE })],
          },
          {
            eval_time: '10m',
            alertname: 'HealthyRoutes',
            exp_alerts: [alert(healthy, { route: FAST_ROUTE })],
          },
        ],
      },
    ],
  };
}

function promtoolInstalled(): boolean {
  return !spawnSync('promtool', ['--version']).error;
}

function promtool(args: string[], files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-rules-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const result = spawnSync('promtool', args, { cwd: dir, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DURATION = '^(\\d+y)?(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?$';
const LABELS = {
  type: 'object',
  propertyNames: { pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$', not: { pattern: '^__' } },
  additionalProperties: { type: 'string' },
};
/** Prometheus's rule-file format (rulefmt), alerting rules only. */
const RULE_FILE_SCHEMA = {
  type: 'object',
  required: ['groups'],
  additionalProperties: false,
  properties: {
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'rules'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          interval: { type: 'string', pattern: DURATION, minLength: 2 },
          rules: {
            type: 'array',
            items: {
              type: 'object',
              required: ['alert', 'expr'],
              additionalProperties: false,
              properties: {
                alert: { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' },
                expr: { type: 'string', minLength: 1 },
                for: { type: 'string', pattern: DURATION, minLength: 2 },
                keep_firing_for: { type: 'string', pattern: DURATION, minLength: 2 },
                labels: LABELS,
                annotations: LABELS,
              },
            },
          },
        },
      },
    },
  },
};
