import type { BudgetThresholdCrossedPayload } from '@ledgerlens/contracts';
import type { Category } from '../../entities/categories';
import { formatMoney, type MinorUnits } from '../../ui';
import type { Budget, BudgetPeriod, BudgetStatus } from './api/get-budgets';

const STATUS_LABELS: Record<BudgetStatus, string> = {
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

/**
 * "Groceries is at 80% of its budget", "Groceries is over budget" from 100 %, "…, at 150%" past
 * it: the words of the API's notification, so the toast and the bell say the same.
 */
function crossingState(name: string, thresholdPercent: number): string {
  if (thresholdPercent < 100)
    return `${name} is at ${formatPercent(thresholdPercent)} of its budget`;
  if (thresholdPercent === 100) return `${name} is over budget`;
  return `${name} is over budget, at ${formatPercent(thresholdPercent)}`;
}

/** "Groceries is over budget: €106.50 of €100.00", for the budget named `name`. */
export function describeCrossing(crossing: ThresholdCrossing, name: string): string {
  const state = crossingState(name, crossing.thresholdPercent);
  // The API sends an empty currency when the budget was deleted meanwhile.
  if (!crossing.currency) return state;
  const money = (cents: MinorUnits) => formatMoney(cents, crossing.currency);
  return `${state}: ${money(crossing.spentCents)} of ${money(crossing.limitCents)}`;
}

/**
 * A budget's status in words: "On track", "Over budget", or the highest threshold it has
 * reached, "80% reached".
 */
export function statusText(
  budget: Pick<Budget, 'status' | 'percentUsed' | 'alertThresholds'>,
): string {
  if (budget.status !== 'warning') return STATUS_LABELS[budget.status];
  const reached = budget.alertThresholds.filter((threshold) => threshold <= budget.percentUsed);
  return reached.length > 0
    ? `${formatPercent(Math.max(...reached))} reached`
    : STATUS_LABELS.warning;
}
