import type { AlertRule } from '../rules/alert-rule';
import { NORMAL } from './instance-state';
import { WHOLE } from './metric-readers';
import { evaluateRule, InstanceRecord } from './rule-evaluation';

const now = new Date('2026-12-06T10:00:00Z');

function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r1',
    name: 'Errors',
    description: '',
    severity: 'warning',
    labels: {},
    annotations: {},
    enabled: true,
    metricType: 'slow_request_count',
    filters: {},
    groupBy: 'route',
    operator: '>',
    threshold: 1,
    windowSeconds: 300,
    intervalSeconds: 60,
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

const record = (key: string, state: InstanceRecord['state']): InstanceRecord => ({
  ...NORMAL,
  state,
  key,
  labels: key === WHOLE ? {} : { route: key },
  historyId: null,
});

describe('evaluateRule', () => {
  it('gives a grouped rule whose query fails one stand-in instance in error, dropped once it recovers', () => {
    const failed = evaluateRule(rule(), new Map(), { error: 'relation gone' }, now);
    expect(failed.instances.map(({ key, state }) => [key, state])).toEqual([[WHOLE, 'error']]);

    const previous = new Map(failed.instances.map((instance) => [instance.key, instance]));
    const measured = new Map([['/a', { labels: { route: '/a' }, value: 3 }]]);
    const recovered = evaluateRule(rule(), previous, { measured }, now);
    expect(recovered.dropped).toEqual([WHOLE]);
    expect(recovered.instances.map(({ key, state }) => [key, state])).toEqual([['/a', 'firing']]);
  });

  it('lets an alerting instance that no longer fits the grouping resolve before dropping it', () => {
    const previous = new Map([[WHOLE, record(WHOLE, 'firing')]]);
    const first = evaluateRule(rule(), previous, { measured: new Map() }, now);
    expect(first.dropped).toEqual([]);
    expect(first.transitions).toMatchObject([{ key: WHOLE, from: 'firing', to: 'normal' }]);

    const after = new Map(first.instances.map((instance) => [instance.key, instance]));
    expect(evaluateRule(rule(), after, { measured: new Map() }, now).dropped).toEqual([WHOLE]);
  });

  it('drops grouped instances when the rule stops grouping, and always keeps its whole instance', () => {
    const previous = new Map([['/a', record('/a', 'normal')]]);
    const ungrouped = evaluateRule(rule({ groupBy: null }), previous, { measured: new Map() }, now);
    expect(ungrouped.dropped).toEqual(['/a']);
    expect(ungrouped.instances.map(({ key, value }) => [key, value])).toEqual([[WHOLE, 0]]);
  });
});
