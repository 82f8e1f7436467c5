import { DomainEvent, type DomainEventName } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvents } from '../../realtime';
import { budgetKeys } from './budget-keys';

/**
 * Spending changes with every transaction write; budgets change on their own events. Threshold
 * crossings are handled app-wide (`useBudgetAlerts`).
 */
const BUDGET_AFFECTING_EVENTS: DomainEventName[] = [
  DomainEvent.BudgetUpdated,
  DomainEvent.TransactionCreated,
  DomainEvent.TransactionUpdated,
  DomainEvent.TransactionDeleted,
];

/** Keeps budgets current while the page is open: any change refetches them. */
export function useLiveBudgets(): void {
  const queryClient = useQueryClient();
  useRealtimeEvents(BUDGET_AFFECTING_EVENTS, () => {
    void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
  });
}
