import { Link } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '../../../ui';
import { BudgetCard, BudgetSummary, useBudgetViews } from '../../budgets';

/** How many budgets the dashboard shows: the closest to (or past) their limit. */
const TOP_BUDGETS = 3;

function TopBudgets() {
  const views = useBudgetViews();
  if (views.error) {
    return (
      <ErrorState title="Budgets could not be loaded" error={views.error} onRetry={views.retry} />
    );
  }
  if (!views.data) return <Skeleton label="Loading budgets" rows={3} />;
  if (views.data.budgets.length === 0) {
    return (
      <EmptyState title="No budgets yet">
        <Link to="/budgets">Create a budget</Link>
      </EmptyState>
    );
  }
  const top = [...views.data.budgets]
    .sort((a, b) => b.budget.percentUsed - a.budget.percentUsed)
    .slice(0, TOP_BUDGETS);
  return (
    <ul className="dashboard-budgets">
      {top.map((view) => (
        <BudgetCard key={view.budget.id} budget={view.budget}>
          <BudgetSummary budget={view.budget} name={view.name} />
        </BudgetCard>
      ))}
    </ul>
  );
}

/**
 * The budgets nearest their limits, a crossed one marked, with the way to all of them. They are
 * read again when a threshold is crossed (the layout's `useBudgetAlerts`).
 */
export function BudgetCards() {
  return (
    <section className="dashboard__panel" aria-labelledby="dashboard-budgets">
      <div className="dashboard__panel-head">
        <h2 id="dashboard-budgets">Budgets</h2>
        <Link to="/budgets">All budgets</Link>
      </div>
      <TopBudgets />
    </section>
  );
}
