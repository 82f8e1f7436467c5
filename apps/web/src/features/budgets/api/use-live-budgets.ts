import { DomainEvent, type DomainEventName } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { categoriesQueryOptions } from '../../../entities/categories';
import { useRealtimeEvents } from '../../realtime/realtime-events';
import { toast } from '../../toasts/toast-store';
import { describeCrossing, type ThresholdCrossing } from '../budget-text';
import { budgetKeys } from './budget-keys';

/** Spending changes with every transaction write; budgets change on their own events. */
const BUDGET_AFFECTING_EVENTS: DomainEventName[] = [
  DomainEvent.BudgetUpdated,
  DomainEvent.BudgetThresholdCrossed,
  DomainEvent.TransactionCreated,
  DomainEvent.TransactionUpdated,
  DomainEvent.TransactionDeleted,
];

/**
 * Keeps budgets current while the page is open: any change refetches them, and a threshold
 * crossing is also announced.
 */
export function useLiveBudgets(): void {
  const queryClient = useQueryClient();
  useRealtimeEvents(BUDGET_AFFECTING_EVENTS, (envelope) => {
    void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
    if (envelope.type === DomainEvent.BudgetThresholdCrossed) {
      const categories = queryClient.getQueryData(categoriesQueryOptions().queryKey);
      toast.info(describeCrossing(envelope.payload as ThresholdCrossing, categories));
    }
  });
}
