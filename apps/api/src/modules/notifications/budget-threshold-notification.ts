import { BudgetThresholdCrossedPayload } from '@ledgerlens/contracts';
import { formatMoney } from './money-text';
import { NewNotification } from './notifications.service';

/** Where budget alerts lead in the SPA. */
export const BUDGETS_PATH = '/budgets';

/** What a budget watches, in words: its category, all spending, or a category deleted since. */
function budgetSubject(crossing: BudgetThresholdCrossedPayload, categoryName: string | null) {
  return categoryName ?? (crossing.categoryId === null ? 'All spending' : 'A deleted category');
}

/**
 * "Groceries is at 80% of its budget", "Groceries is over budget" (from 100%): percentages as
 * the SPA writes them.
 */
function crossingTitle(subject: string, thresholdPercent: number): string {
  if (thresholdPercent < 100) return `${subject} is at ${thresholdPercent}% of its budget`;
  if (thresholdPercent === 100) return `${subject} is over budget`;
  return `${subject} is over budget, at ${thresholdPercent}%`;
}

/**
 * What a user is told when a budget crosses a threshold ("Groceries is over budget"), with what
 * was spent of the limit. One per budget, period and threshold; a write crossing several is
 * announced at the highest. `categoryName` is null for an overall budget (or a category no
 * longer there).
 */
export function budgetThresholdNotification(
  crossing: BudgetThresholdCrossedPayload,
  categoryName: string | null,
): NewNotification {
  const spent = formatMoney(crossing.spentCents, crossing.currency);
  const limit = formatMoney(crossing.limitCents, crossing.currency);
  return {
    kind: 'budget_threshold',
    title: crossingTitle(budgetSubject(crossing, categoryName), crossing.thresholdPercent),
    body:
      `You have spent ${spent} of your ${limit} budget in the period from ` +
      `${crossing.periodStart}.`,
    link: BUDGETS_PATH,
    dedupeKey: `budget:${crossing.budgetId}:${crossing.periodStart}:${crossing.thresholdPercent}`,
    data: {
      budgetId: crossing.budgetId,
      categoryId: crossing.categoryId,
      thresholdPercent: crossing.thresholdPercent,
      periodStart: crossing.periodStart,
      spentCents: crossing.spentCents,
      limitCents: crossing.limitCents,
      currency: crossing.currency,
    },
  };
}
