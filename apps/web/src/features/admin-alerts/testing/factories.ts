import type { components } from '@ledgerlens/contracts';

type Schemas = components['schemas'];

let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;

/** An alert rule as the API lists one; override what the test cares about. */
export function aRule(overrides: Partial<Schemas['AlertRuleDto']> = {}) {
  sequence += 1;
  return {
    id: uuid(sequence),
    name: `Slow transaction list ${sequence}`,
    description: '',
    severity: 'warning',
    labels: {},
    annotations: { summary: 'Listing transactions is slow' },
    enabled: true,
    metricType: 'p95_latency_ms',
    filters: {},
    groupBy: null,
    operator: '>',
    threshold: 800,
    windowSeconds: 300,
    intervalSeconds: 60,
    pendingSeconds: 120,
    keepFiringSeconds: 0,
    noDataState: 'normal',
    notification: {
      contactPointIds: [],
      groupWaitSeconds: 30,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 14_400,
      sendResolved: true,
    },
    state: 'normal',
    value: 420,
    lastEvaluatedAt: '2026-11-21T09:59:00.000Z',
    lastError: null,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  } satisfies Schemas['AlertRuleDto'];
}

export function anInstance(overrides: Partial<Schemas['AlertInstanceDto']> = {}) {
  return {
    key: '',
    fingerprint: '684d461365cb43b7',
    labels: {},
    state: 'normal',
    value: 420,
    activeSince: null,
    firingSince: null,
    error: null,
    ...overrides,
  } satisfies Schemas['AlertInstanceDto'];
}

export function aRuleDetail(
  rule: Schemas['AlertRuleDto'] = aRule(),
  instances: Schemas['AlertInstanceDto'][] = [anInstance()],
): Schemas['AlertRuleDetailDto'] {
  return { ...rule, instances };
}

export function aPreview(overrides: Partial<Schemas['AlertPreviewDto']> = {}) {
  return {
    state: 'normal',
    instances: [anInstance()],
    error: null,
    evaluatedAt: '2026-11-21T10:00:00.000Z',
    series: aSeries([300, 420]),
    ...overrides,
  } satisfies Schemas['AlertPreviewDto'];
}

/** Points ending at 10:00 on 21 Nov 2026, one every 15 minutes, with these values. */
export function aSeries(values: (number | null)[]): Schemas['AlertSeriesPointDto'][] {
  const end = Date.parse('2026-11-21T10:00:00.000Z');
  return values.map((value, index) => ({
    at: new Date(end - (values.length - 1 - index) * 15 * 60_000).toISOString(),
    value,
  }));
}

/** The series route's answer for these rules' points. */
export function aSeriesOfRules(
  rules: { ruleId: string; points: Schemas['AlertSeriesPointDto'][] }[],
): Schemas['AlertSeriesDto'] {
  return {
    from: '2026-11-21T04:00:00.000Z',
    to: '2026-11-21T10:00:00.000Z',
    stepSeconds: 900,
    rules,
  };
}

export function aSilence(overrides: Partial<Schemas['SilenceDto']> = {}) {
  sequence += 1;
  return {
    id: uuid(5000 + sequence),
    ruleId: null,
    matchers: [],
    startsAt: '2026-11-21T09:00:00.000Z',
    endsAt: '2026-11-21T13:00:00.000Z',
    comment: 'Database maintenance',
    author: 'admin@example.com',
    state: 'active',
    createdAt: '2026-11-21T09:00:00.000Z',
    ...overrides,
  } satisfies Schemas['SilenceDto'];
}

export function aContactPoint(overrides: Partial<Schemas['ContactPointDto']> = {}) {
  sequence += 1;
  return {
    id: uuid(9000 + sequence),
    name: `On-call webhook ${sequence}`,
    type: 'webhook',
    settings: { url: 'https://hooks.example.com/alerts' },
    hasSecret: true,
    disabled: false,
    disabledReason: null,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  } satisfies Schemas['ContactPointDto'];
}

export function aTestResult(overrides: Partial<Schemas['TestDeliveryResultDto']> = {}) {
  sequence += 1;
  return {
    deliveryId: uuid(7000 + sequence),
    contactPointId: uuid(9000 + sequence),
    contactPointName: 'On-call webhook',
    contactPointType: 'webhook',
    recipient: 'https://hooks.example.com',
    status: 'sent',
    responseCode: 204,
    error: null,
    ...overrides,
  } satisfies Schemas['TestDeliveryResultDto'];
}
