import { formatPercent, spentOfLimit } from '../budgets';
import { formatDay } from '../../ui';
import type { UserNotification } from './api/notification-queries';

/** What a `budget_threshold` notification's `data` holds (see the API's NotificationDto). */
export interface BudgetCrossing {
  budgetId: string;
  thresholdPercent: number;
  periodStart: string;
  spentCents: string | number;
  limitCents: number;
  currency: string;
}

const isBudgetCrossing = (
  data: Record<string, unknown>,
): data is Record<string, unknown> & BudgetCrossing =>
  typeof data.budgetId === 'string' &&
  typeof data.thresholdPercent === 'number' &&
  typeof data.periodStart === 'string' &&
  (typeof data.spentCents === 'string' || typeof data.spentCents === 'number') &&
  typeof data.limitCents === 'number' &&
  typeof data.currency === 'string';

/** The crossing a budget notification is about, or null for another kind (or older data). */
export function budgetCrossingOf(notification: UserNotification): BudgetCrossing | null {
  return notification.kind === 'budget_threshold' && isBudgetCrossing(notification.data)
    ? notification.data
    : null;
}

/** A crossing's facts in words, each with its unit. */
export interface CrossingFacts {
  threshold: string;
  spent: string;
  period: string;
}

/** "Threshold 80%", "€85.00 of €100.00 (85%)", "Period from Nov 1, 2026". */
export function crossingFacts(crossing: BudgetCrossing): CrossingFacts {
  // Shown to a tenth of a percent: a float ratio of the exact sum is precise enough.
  const percent = (Number(crossing.spentCents) / crossing.limitCents) * 100;
  return {
    threshold: `Threshold ${formatPercent(crossing.thresholdPercent)}`,
    spent: crossing.currency
      ? spentOfLimit(crossing.spentCents, crossing.limitCents, percent, crossing.currency)
      : `${formatPercent(percent)} spent`,
    period: `Period from ${formatDay(crossing.periodStart)}`,
  };
}

/** The bell's accessible name: "Notifications, 3 unread". */
export const bellLabel = (unread: number): string =>
  `Notifications, ${unread === 0 ? 'none' : badgeText(unread)} unread`;

/** The count on the bell: exact up to 99, then "99+" so the badge stays small. */
export const badgeText = (unread: number): string => (unread > 99 ? '99+' : String(unread));

/** What a screen reader hears when a notification arrives: "New notification: Groceries is over budget". */
export const arrivalText = (notification: Pick<UserNotification, 'title'>): string =>
  `New notification: ${notification.title}`;
