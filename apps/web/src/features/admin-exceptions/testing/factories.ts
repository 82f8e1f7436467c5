import type { components } from '@ledgerlens/contracts';

type Schemas = components['schemas'];

let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;

/** An exception group as the API describes one; override what the test cares about. */
export function aGroup(overrides: Partial<Schemas['ExceptionGroupDto']> = {}) {
  sequence += 1;
  return {
    id: uuid(sequence),
    fingerprint: 'f'.repeat(64),
    title: `TypeError: Cannot read properties of undefined (reading 'amount') #${sequence}`,
    type: 'TypeError',
    culprit: 'BudgetsService.spent (apps/api/src/modules/budgets/budgets.service.ts)',
    level: 'error',
    source: 'backend',
    status: 'unresolved',
    regressed: false,
    regressedAt: null,
    count: 42,
    firstSeen: '2026-11-20T08:00:00.000Z',
    lastSeen: '2026-11-21T09:30:00.000Z',
    affectedUsers: 3,
    resolutionNotes: null,
    resolvedBy: null,
    resolvedAt: null,
    ignoredUntil: null,
    ignoreUntilCount: null,
    ignoreRemaining: null,
    statusChangedAt: '2026-11-20T08:00:00.000Z',
    sparkline: Array<number>(24).fill(0),
    ...overrides,
  } satisfies Schemas['ExceptionGroupDto'];
}

export function aGroupPage(
  items: Schemas['ExceptionGroupDto'][],
  overrides: Partial<Schemas['ExceptionGroupPageDto']> = {},
): Schemas['ExceptionGroupPageDto'] {
  return { items, total: items.length, page: 1, limit: 50, ...overrides };
}

export const A_STACK = [
  "TypeError: Cannot read properties of undefined (reading 'amount')",
  '    at BudgetsService.spent (/srv/app/apps/api/src/modules/budgets/budgets.service.ts:120:17)',
  '    at /srv/app/node_modules/@nestjs/core/router/router-execution-context.js:46:28',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
].join('\n');

export function anOccurrence(overrides: Partial<Schemas['ExceptionOccurrenceDto']> = {}) {
  sequence += 1;
  return {
    id: String(1000 + sequence),
    occurredAt: '2026-11-21T09:30:00.000Z',
    level: 'error',
    type: 'TypeError',
    message: "Cannot read properties of undefined (reading 'amount')",
    source: 'backend',
    traceId: `${String(sequence).padStart(4, '0')}${'a'.repeat(28)}`,
    userId: uuid(900 + sequence),
    requestMethod: 'GET',
    requestPath: '/api/v1/budgets',
    release: '1.4.0',
    ...overrides,
  } satisfies Schemas['ExceptionOccurrenceDto'];
}

export function aGroupDetail(
  group: Schemas['ExceptionGroupDto'] = aGroup(),
  overrides: Partial<Schemas['ExceptionGroupDetailDto']> = {},
): Schemas['ExceptionGroupDetailDto'] {
  const latest = anOccurrence();
  return {
    group,
    latestOccurrence: { ...latest, stack: A_STACK, context: { origin: 'http' } },
    recentOccurrences: [latest, anOccurrence({ traceId: null, userId: null })],
    storedOccurrences: 40,
    hourly: {
      from: '2026-11-20T10:00:00.000Z',
      to: '2026-11-21T10:00:00.000Z',
      total: 5,
      buckets: [
        { start: '2026-11-21T08:00:00.000Z', count: 2 },
        { start: '2026-11-21T09:00:00.000Z', count: 3 },
      ],
    },
    ...overrides,
  };
}

export function somePatterns(
  overrides: Partial<Schemas['ExceptionPatternsDto']> = {},
): Schemas['ExceptionPatternsDto'] {
  return {
    from: '2026-11-20T10:00:00.000Z',
    to: '2026-11-21T10:00:00.000Z',
    bucketSeconds: 3600,
    bucketStarts: ['2026-11-21T08:00:00.000Z', '2026-11-21T09:00:00.000Z'],
    buckets: [4, 6],
    trend: { count: 10, previousCount: 8, changePercent: 25 },
    newGroups: 1,
    byType: [
      { type: 'TypeError', count: 7, previousCount: 8, changePercent: -12.5, buckets: [3, 4] },
      { type: 'RangeError', count: 3, previousCount: 0, changePercent: null, buckets: [1, 2] },
    ],
    topGroups: [
      {
        groupId: uuid(77),
        title: 'TypeError: amount is undefined',
        type: 'TypeError',
        source: 'backend',
        status: 'unresolved',
        count: 7,
        previousCount: 8,
        changePercent: -12.5,
        buckets: [3, 4],
      },
    ],
    ...overrides,
  };
}
