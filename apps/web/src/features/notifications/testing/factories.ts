import type { NotificationPage, UserNotification } from '../api/notification-queries';

let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;

/** A budget threshold notification as the API lists one; override what the test cares about. */
export function aNotification(overrides: Partial<UserNotification> = {}): UserNotification {
  sequence += 1;
  return {
    id: uuid(sequence),
    kind: 'budget_threshold',
    title: 'Groceries at 80 %',
    body: 'You have spent €85.00 of your €100.00 budget in the period from 2026-11-01.',
    link: '/budgets',
    data: {
      budgetId: uuid(1000 + sequence),
      categoryId: uuid(2000 + sequence),
      thresholdPercent: 80,
      periodStart: '2026-11-01',
      spentCents: '8500',
      limitCents: 10000,
      currency: 'EUR',
      dedupeKey: `budget:${sequence}:2026-11-01:80`,
    },
    readAt: null,
    createdAt: '2026-11-21T09:30:00.000Z',
    ...overrides,
  };
}

/** The same notification once the user has read it. */
export const markedRead = (notification: UserNotification): UserNotification => ({
  ...notification,
  readAt: '2026-11-21T10:00:00.000Z',
});

export function aNotificationPage(
  items: UserNotification[],
  overrides: Partial<NotificationPage> = {},
): NotificationPage {
  return {
    items,
    total: items.length,
    unreadCount: items.filter((item) => item.readAt === null).length,
    page: 1,
    limit: 20,
    ...overrides,
  };
}
