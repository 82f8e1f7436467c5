import type { BudgetView } from '../api/use-budget-views';
import { budgetTitle } from '../budget-text';
import { BudgetCard } from './BudgetCard';
import { BudgetSummary } from './BudgetSummary';

/** Every budget as a card with its edit and delete buttons. */
export function BudgetList({
  budgets,
  onEdit,
  onDelete,
}: {
  budgets: BudgetView[];
  onEdit: (view: BudgetView) => void;
  onDelete: (view: BudgetView) => void;
}) {
  return (
    <ul className="budget-grid">
      {budgets.map((view) => (
        <BudgetCard key={view.budget.id} budget={view.budget}>
          <BudgetSummary budget={view.budget} name={view.name} />
          <div className="budget-card__actions">
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Edit ${budgetTitle(view.name, view.budget.period)}`}
              onClick={() => onEdit(view)}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Delete ${budgetTitle(view.name, view.budget.period)}`}
              onClick={() => onDelete(view)}
            >
              Delete
            </button>
          </div>
        </BudgetCard>
      ))}
    </ul>
  );
}
