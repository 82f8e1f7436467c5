import { DomainEvent, type DomainEventName } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { budgetKeys } from '../../budgets';
import { useRealtimeEvents } from '../../realtime';
import { dashboardKeys } from '../api/dashboard-keys';

const TRANSACTION_EVENTS: DomainEventName[] = [
  DomainEvent.TransactionCreated,
  DomainEvent.TransactionUpdated,
  DomainEvent.TransactionDeleted,
];

/**
 * Refetches the dashboard's figures when a transaction changes in another tab or device; the
 * budget cards follow, since their spending changed too.
 */
export function useLiveDashboard(): void {
  const queryClient = useQueryClient();
  useRealtimeEvents(TRANSACTION_EVENTS, () => {
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
  });
}
