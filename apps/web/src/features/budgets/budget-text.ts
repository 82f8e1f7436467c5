import type { BudgetThresholdCrossedPayload } from '@ledgerlens/contracts';
import type { Category } from '../../entities/categories';
import { formatMoney, type MinorUnits } from '../../ui';
import type { BudgetPeriod, BudgetStatus } from './api/get-budgets';

export const STATUS_LABELS: Record<BudgetStatus, string> = {
  on_track: 'On track',
  warning: 'Warning',
  over: 'Over budget',
};

export const PERIOD_LABELS: Record<BudgetPeriod, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
};

/**
 * What a budget watches: its category, or all spending. A budget outlives a deleted category
 * (the API soft-deletes categories), whose name the categories list no longer has.
 */
export function budgetName(
  categoryId: string | null,
  categories: readonly Category[] | undefined,
): string {
  if (categoryId === null) return 'All spending';
  return categories?.find((category) => category.id === categoryId)?.name ?? 'Deleted category';
}

const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** `84.25` → "84.3%": one decimal at most, so 99.6 % is not shown as a full 100 %. */
export const formatPercent = (percent: number): string => `${percentFormat.format(percent)}%`;

/** "€420.00 of €500.00 (84%)". */
export function spentOfLimit(
  spentCents: MinorUnits,
  limitCents: number,
  percent: number,
  currency: string,
): string {
  return `${formatMoney(spentCents, currency)} of ${formatMoney(limitCents, currency)} (${formatPercent(percent)})`;
}

/** An instant (`createdAt`) in the user's locale, date and time. */
export function formatDateTime(instant: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(instant),
  );
}

/** "Groceries monthly budget": tells apart two budgets on one category. */
export const budgetTitle = (name: string, period: BudgetPeriod): string =>
  `${name} ${PERIOD_LABELS[period].toLowerCase()} budget`;

/** What a threshold crossing event tells (its owner and trace ID are not needed here). */
export type ThresholdCrossing = Pick<
  BudgetThresholdCrossedPayload,
  'categoryId' | 'thresholdPercent' | 'spentCents' | 'limitCents' | 'currency'
>;

/** "Groceries budget reached 80%: €420.00 of €500.00". */
export function describeCrossing(
  crossing: ThresholdCrossing,
  categories: readonly Category[] | undefined,
): string {
  const reached = `${budgetName(crossing.categoryId, categories)} budget reached ${formatPercent(crossing.thresholdPercent)}`;
  // The API sends an empty currency when the budget was deleted meanwhile.
  if (!crossing.currency) return reached;
  const money = (cents: MinorUnits) => formatMoney(cents, crossing.currency);
  return `${reached}: ${money(crossing.spentCents)} of ${money(crossing.limitCents)}`;
}
