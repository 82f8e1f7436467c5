import { EmptyState, ErrorState, formatDay, Skeleton } from '../../../ui';
import { type BudgetAlert, useBudgetAlerts } from '../api/get-budget-alerts';
import type { BudgetView } from '../api/use-budget-views';
import { formatDateTime, formatPercent, spentOfLimit } from '../budget-text';

/**
 * One crossing. Alerts carry no currency or name of their own: both come from the budget, so an
 * alert of a deleted budget says less.
 */
function AlertItem({ alert, view }: { alert: BudgetAlert; view: BudgetView | undefined }) {
  const { spentCents, limitCents } = alert;
  // The percentage is only shown to a tenth: a float ratio of the exact sum is precise enough.
  const percent = (Number(spentCents) / limitCents) * 100;
  const amounts = view && spentOfLimit(spentCents, limitCents, percent, view.budget.currency);
  return (
    <li className="alert-item">
      <time dateTime={alert.createdAt} className="alert-item__time">
        {formatDateTime(alert.createdAt)}
      </time>
      <span>
        <strong>{view?.name ?? 'A deleted budget'}</strong> reached{' '}
        {formatPercent(alert.thresholdPercent)}
        {amounts && `: ${amounts}`}
      </span>
      <span className="alert-item__period">Period from {formatDay(alert.periodStart)}</span>
    </li>
  );
}

/** Threshold crossings, newest first, a page at a time. */
export function BudgetAlertList({ budgets }: { budgets: BudgetView[] }) {
  const alerts = useBudgetAlerts();
  if (alerts.isPending) return <Skeleton label="Loading alerts" rows={3} />;
  if (alerts.isError) {
    return (
      <ErrorState
        title="Alerts could not be loaded"
        error={alerts.error}
        onRetry={() => void alerts.refetch()}
      />
    );
  }
  const items = alerts.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No alerts yet">
        <p>An alert appears here when spending reaches one of a budget’s thresholds.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <ol className="alert-list">
        {items.map((alert) => (
          <AlertItem
            key={alert.id}
            alert={alert}
            view={budgets.find((view) => view.budget.id === alert.budgetId)}
          />
        ))}
      </ol>
      {alerts.hasNextPage && (
        <button
          type="button"
          className="button button--ghost"
          disabled={alerts.isFetchingNextPage}
          onClick={() => void alerts.fetchNextPage()}
        >
          {alerts.isFetchingNextPage ? 'Loading older alerts…' : 'Show older alerts'}
        </button>
      )}
    </>
  );
}
