import type { components } from '@ledgerlens/contracts';

type Schemas = components['schemas'];

let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;

/** A contact point as the API lists it (a webhook with a secret unless told otherwise). */
export function aContactPoint(
  overrides: Partial<Schemas['ContactPointDto']> = {},
): Schemas['ContactPointDto'] {
  sequence += 1;
  return {
    id: uuid(sequence),
    name: `Incident bot ${sequence}`,
    type: 'webhook',
    settings: { url: 'https://hooks.example.com/alerts' },
    hasSecret: true,
    disabled: false,
    disabledReason: null,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

export const aContactPointList = (items: Schemas['ContactPointDto'][]) => ({ items });

/** One recipient's result of a test notification. */
export function aTestResult(
  overrides: Partial<Schemas['TestDeliveryResultDto']> = {},
): Schemas['TestDeliveryResultDto'] {
  sequence += 1;
  return {
    deliveryId: uuid(1000 + sequence),
    contactPointId: uuid(1),
    contactPointName: 'Incident bot',
    contactPointType: 'webhook',
    recipient: 'https://hooks.example.com',
    status: 'sent',
    responseCode: 200,
    error: null,
    ...overrides,
  };
}
