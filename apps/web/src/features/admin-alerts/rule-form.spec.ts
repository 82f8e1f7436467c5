import {
  durationOf,
  formValuesOf,
  inputOfRule,
  newRuleValues,
  ruleInputOf,
  type RuleFormValues,
  withMetric,
} from './rule-form';
import { aRule } from './testing/factories';

const inputOf = (values: RuleFormValues) => {
  const checked = ruleInputOf(values);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.input;
};

describe('durationOf', () => {
  it('picks the largest unit that holds the seconds exactly', () => {
    expect(durationOf(300)).toEqual({ amount: '5', unit: 'minutes' });
    expect(durationOf(14_400)).toEqual({ amount: '4', unit: 'hours' });
    expect(durationOf(90)).toEqual({ amount: '90', unit: 'seconds' });
    expect(durationOf(604_800)).toEqual({ amount: '7', unit: 'days' });
    expect(durationOf(0)).toEqual({ amount: '0', unit: 'seconds' });
  });
});

describe('ruleInputOf', () => {
  it('turns a new rule’s defaults into the API’s body, durations in seconds', () => {
    expect(inputOf({ ...newRuleValues(), name: '  Slow pages  ' })).toEqual({
      name: 'Slow pages',
      description: '',
      severity: 'warning',
      enabled: true,
      metricType: 'p95_latency_ms',
      filters: {},
      groupBy: null,
      operator: '>',
      threshold: 500,
      windowSeconds: 300,
      intervalSeconds: 60,
      pendingSeconds: 120,
      keepFiringSeconds: 0,
      noDataState: 'normal',
      labels: {},
      annotations: { summary: '' },
      notification: {
        contactPointIds: [],
        groupWaitSeconds: 30,
        groupIntervalSeconds: 300,
        repeatIntervalSeconds: 14_400,
        sendResolved: true,
      },
    });
  });

  it('sends an error rate typed as a percentage as a share', () => {
    const values = withMetric(newRuleValues(), 'error_rate');
    expect(inputOf({ ...values, threshold: '2.5' }).threshold).toBe(0.025);
  });

  it('sends only filled filters the metric can honour, and the grouping', () => {
    const values: RuleFormValues = {
      ...newRuleValues(),
      filters: {
        route: ' /api/v1/budgets ',
        method: 'GET',
        module: 'left over',
        source: '',
        level: '',
        text: '',
      },
      groupBy: 'route',
    };
    const input = inputOf(values);
    expect(input.filters).toEqual({ route: '/api/v1/budgets', method: 'GET' });
    expect(input.groupBy).toBe('route');
  });

  it('converts each unit and drops empty label rows', () => {
    const input = inputOf({
      ...newRuleValues(),
      window: { amount: '1.5', unit: 'hours' },
      repeatInterval: { amount: '1', unit: 'days' },
      labels: [
        { key: ' team ', value: ' payments ' },
        { key: '', value: '' },
      ],
      annotations: [{ key: 'runbook_url', value: 'https://wiki/runbook' }],
    });
    expect(input.windowSeconds).toBe(5400);
    expect(input.notification?.repeatIntervalSeconds).toBe(86_400);
    expect(input.labels).toEqual({ team: 'payments' });
    expect(input.annotations).toEqual({ runbook_url: 'https://wiki/runbook' });
  });

  it('refuses what only the form can tell, by the API’s field names', () => {
    expect(
      ruleInputOf({
        ...newRuleValues(),
        threshold: 'lots',
        pending: { amount: '', unit: 'minutes' },
        groupWait: { amount: 'x', unit: 'seconds' },
        labels: [{ key: ' ', value: 'payments' }],
      }),
    ).toEqual({
      ok: false,
      errors: {
        threshold: 'Enter the threshold as a number.',
        pendingSeconds: 'Enter a number.',
        'notification.groupWaitSeconds': 'Enter a number.',
        labels: 'Give every label a name.',
      },
    });
  });
});

describe('formValuesOf', () => {
  it('reads a saved rule back into the form, and the form gives the same body', () => {
    const rule = aRule({
      metricType: 'error_rate',
      threshold: 0.0525,
      filters: { route: '/api/v1/budgets' },
      groupBy: 'route',
      windowSeconds: 600,
      pendingSeconds: 90,
      labels: { team: 'payments' },
      notification: {
        contactPointIds: ['00000000-0000-4000-b000-000000000009'],
        groupWaitSeconds: 0,
        groupIntervalSeconds: 600,
        repeatIntervalSeconds: 86_400,
        sendResolved: false,
      },
    });
    const values = formValuesOf(rule);
    expect(values.threshold).toBe('5.25');
    expect(values.window).toEqual({ amount: '10', unit: 'minutes' });
    expect(values.pending).toEqual({ amount: '90', unit: 'seconds' });
    expect(values.filters.route).toBe('/api/v1/budgets');
    expect(values.labels).toEqual([{ key: 'team', value: 'payments' }]);
    expect(inputOf(values)).toEqual(inputOfRule(rule));
  });
});

describe('withMetric', () => {
  it('drops filters and a grouping the new metric cannot honour', () => {
    const values: RuleFormValues = {
      ...newRuleValues(),
      filters: { ...newRuleValues().filters, route: '/api/v1/budgets', method: 'GET' },
      groupBy: 'route',
    };
    const changed = withMetric(values, 'exception_count');
    expect(changed.filters.route).toBe('');
    expect(changed.filters.method).toBe('');
    expect(changed.groupBy).toBe('');
    expect(withMetric(values, 'p99_latency_ms').groupBy).toBe('route');
    expect(withMetric(values, 'p99_latency_ms').filters.route).toBe('/api/v1/budgets');
  });

  it('keeps the threshold within one unit, and starts over from a suggestion across units', () => {
    const values = { ...newRuleValues(), threshold: '630' };
    expect(withMetric(values, 'p99_latency_ms').threshold).toBe('630');
    expect(withMetric(values, 'error_rate').threshold).toBe('2');
  });
});

describe('inputOfRule', () => {
  it('replaces a rule with itself but for the changes', () => {
    const rule = aRule({ enabled: true });
    const input = inputOfRule(rule, { enabled: false });
    expect(input.enabled).toBe(false);
    expect(input.name).toBe(rule.name);
    for (const readOnly of ['id', 'state', 'lastEvaluatedAt', 'createdAt']) {
      expect(input).not.toHaveProperty(readOnly);
    }
  });
});
