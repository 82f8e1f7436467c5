import { BudgetThresholdCrossedPayload } from '@ledgerlens/contracts';
import { formatMoney } from './money-text';
import { NewNotification } from './notifications.service';

/** Where budget alerts lead in the SPA. */
export const BUDGETS_PATH = '/budgets';

/**
 * What a user is told when a budget crosses a threshold: "Groceries at 80 %", with what was spent
 * of the limit. One per budget, period and threshold. `categoryName` is null for an overall
 * budget (or a category no longer there).
 */
export function budgetThresholdNotification(
  crossing: BudgetThresholdCrossedPayload,
  categoryName: string | null,
): NewNotification {
  const subject = categoryName ?? (crossing.categoryId === null ? 'Overall budget' : 'A budget');
  const spent = formatMoney(crossing.spentCents, crossing.currency);
  const limit = formatMoney(crossing.limitCents, crossing.currency);
  return {
    kind: 'budget_threshold',
    title: `${subject} at ${crossing.thresholdPercent} %`,
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
