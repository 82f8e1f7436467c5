import type { AlertMessage, NotifiedInstance } from '../contact-point';

/** Messages for the senders' tests: a p95 latency rule split by route. */

export const STARTED_AT = new Date('2026-03-01T10:00:00.000Z');
export const ENDED_AT = new Date('2026-03-01T10:30:00.000Z');

export function instance(
  route: string,
  value: number | null,
  overrides: Partial<NotifiedInstance> = {},
): NotifiedInstance {
  return {
    fingerprint: `rule-1:${route}`,
    labels: { route },
    annotations: {},
    state: 'firing',
    value,
    startsAt: STARTED_AT,
    endsAt: null,
    ...overrides,
  };
}

export function resolvedInstance(route: string, value: number | null): NotifiedInstance {
  return instance(route, value, { state: 'normal', endsAt: ENDED_AT });
}

export function firingMessage(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    kind: 'firing',
    rule: {
      id: '6f1c1e1a-0000-4000-8000-000000000001',
      name: 'High p95 latency',
      description: 'Requests are slow',
      severity: 'critical',
      metricType: 'p95_latency_ms',
      operator: '>',
      threshold: 200,
      windowSeconds: 300,
      groupBy: 'route',
      labels: { team: 'payments' },
      annotations: {
        summary: 'p95 latency is above 200 ms',
        runbook_url: 'https://runbooks.example.com/latency',
      },
    },
    groupKey: '{}:{alertname="High p95 latency"}',
    firing: [instance('/api/v1/transactions', 350), instance('/api/v1/budgets', 260)],
    resolved: [],
    ruleUrl: 'https://ledgerlens.example.com/alerts/rules/6f1c1e1a-0000-4000-8000-000000000001',
    externalUrl: 'https://ledgerlens.example.com',
    ...overrides,
  };
}

export function resolvedMessage(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return firingMessage({
    kind: 'resolved',
    firing: [],
    resolved: [
      resolvedInstance('/api/v1/transactions', 120),
      resolvedInstance('/api/v1/budgets', 90),
    ],
    ...overrides,
  });
}

export function testMessage(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return firingMessage({ kind: 'test', firing: [], resolved: [], ...overrides });
}
