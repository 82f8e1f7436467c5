import type { components } from '@ledgerlens/contracts';

type Schemas = components['schemas'];

let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-c000-${String(n).padStart(12, '0')}`;

export const RULE_ID = uuid(1);

/** A state change as the API lists it; override what the test cares about. */
export function aChange(
  overrides: Partial<Schemas['AlertHistoryEntryDto']> = {},
): Schemas['AlertHistoryEntryDto'] {
  sequence += 1;
  return {
    id: String(100 + sequence),
    ruleId: RULE_ID,
    ruleName: 'Slow endpoints',
    instanceKey: '',
    labels: {},
    fromState: 'pending',
    toState: 'firing',
    value: 812,
    threshold: 500,
    error: null,
    traceId: null,
    occurredAt: '2026-11-21T10:05:00.000Z',
    ...overrides,
  };
}

export function aChangePage(
  items: Schemas['AlertHistoryEntryDto'][],
  overrides: Partial<Schemas['AlertHistoryPageDto']> = {},
): Schemas['AlertHistoryPageDto'] {
  return { items, total: items.length, page: 1, limit: 50, ...overrides };
}

/** One notification to one recipient. */
export function aDelivery(overrides: Partial<Schemas['DeliveryDto']> = {}): Schemas['DeliveryDto'] {
  sequence += 1;
  return {
    id: uuid(2000 + sequence),
    ruleId: RULE_ID,
    contactPointId: uuid(3000),
    contactPointType: 'webhook',
    recipient: 'https://hooks.example.com',
    kind: 'firing',
    historyIds: [],
    instances: [],
    status: 'sent',
    attempts: 1,
    nextAttemptAt: null,
    responseCode: 200,
    lastError: null,
    sentAt: '2026-11-21T10:05:31.000Z',
    createdAt: '2026-11-21T10:05:30.000Z',
    ...overrides,
  };
}

export function aDeliveryPage(items: Schemas['DeliveryDto'][]): Schemas['DeliveryPageDto'] {
  return { items, total: items.length, page: 1, limit: 50 };
}
