import { type BudgetThresholdEventPayload, DomainEvent } from '@ledgerlens/contracts';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { categoriesQueryOptions } from '../../../entities/categories';
import { useRealtimeEvents } from '../../realtime';
import { toast } from '../../toasts';
import { budgetName, describeCrossing } from '../budget-text';
import { budgetKeys } from './budget-keys';

const EVENTS = [DomainEvent.BudgetThresholdCrossed];

/** The name of the crossed budget; its categories are read first on pages that had no need. */
async function crossedBudgetName(
  queryClient: QueryClient,
  { categoryId }: BudgetThresholdEventPayload,
): Promise<string> {
  if (categoryId === null) return budgetName(null, undefined);
  try {
    return budgetName(categoryId, await queryClient.ensureQueryData(categoriesQueryOptions()));
  } catch {
    return 'A budget';
  }
}

/**
 * Tells the signed-in user of a budget crossing a threshold wherever they are: a toast, and
 * every view of budgets (the Budgets page, the dashboard's cards) read again. The layout mounts
 * it once, so a page showing budgets needs nothing more for it.
 */
export function useBudgetAlerts(): void {
  const queryClient = useQueryClient();
  useRealtimeEvents<BudgetThresholdEventPayload>(EVENTS, ({ payload }) => {
    void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
    void crossedBudgetName(queryClient, payload).then((name) =>
      toast.info(describeCrossing(payload, name)),
    );
  });
}
