import { useState } from 'react';
import { Link } from 'react-router';
import { useDefaultCurrency } from '../../entities/preferences';
import { Dialog, EmptyState, ErrorState, Skeleton } from '../../ui';
import { PageHeader } from '../../ui';
import { useLiveBudgets } from './api/use-live-budgets';
import { type BudgetView, type BudgetViews, useBudgetViews } from './api/use-budget-views';
import { budgetTitle } from './budget-text';
import { BudgetAlertList } from './components/BudgetAlertList';
import { BudgetForm } from './components/BudgetForm';
import { BudgetList } from './components/BudgetList';
import { DeleteBudgetDialog } from './components/DeleteBudgetDialog';
import './budgets.css';

/** Which budget the form edits; `null` for a new one. */
type Editing = { view: BudgetView | null } | null;

function NoBudgets({ onCreate, hasCategories }: { onCreate: () => void; hasCategories: boolean }) {
  return (
    <EmptyState title="No budgets yet">
      <p>A budget sets a limit on your spending per week, month or year and warns you near it.</p>
      <button type="button" className="button" onClick={onCreate}>
        Create a budget
      </button>
      {!hasCategories && (
        <p>
          To budget for one kind of spending, <Link to="/categories">create a category</Link> first.
        </p>
      )}
    </EmptyState>
  );
}

function BudgetsContent({
  views,
  onCreate,
  onEdit,
  onDelete,
}: {
  views: BudgetViews;
  onCreate: () => void;
  onEdit: (view: BudgetView) => void;
  onDelete: (view: BudgetView) => void;
}) {
  if (views.error) {
    return (
      <ErrorState title="Budgets could not be loaded" error={views.error} onRetry={views.retry} />
    );
  }
  if (!views.data) return <Skeleton label="Loading budgets" rows={4} />;
  const { budgets, categories } = views.data;
  return (
    <>
      <section aria-labelledby="budgets-current">
        <h2 id="budgets-current">This period</h2>
        {budgets.length === 0 ? (
          <NoBudgets onCreate={onCreate} hasCategories={categories.length > 0} />
        ) : (
          <BudgetList budgets={budgets} onEdit={onEdit} onDelete={onDelete} />
        )}
      </section>
      <section aria-labelledby="budgets-alerts">
        <h2 id="budgets-alerts">Threshold alerts</h2>
        <BudgetAlertList budgets={budgets} />
      </section>
    </>
  );
}

/** Budgets with their progress this period, their alerts, and creating, editing and deleting. */
export function BudgetsPage() {
  const lists = useBudgetViews();
  const defaultCurrency = useDefaultCurrency();
  // A new budget starts in the default currency: the page waits for it as for the lists.
  const views: BudgetViews = {
    data: defaultCurrency.data ? lists.data : undefined,
    isPending: lists.isPending || defaultCurrency.isPending,
    error: lists.error ?? defaultCurrency.error,
    retry: () => {
      lists.retry();
      if (defaultCurrency.error) void defaultCurrency.refetch();
    },
  };
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<BudgetView | null>(null);
  useLiveBudgets();
  const create = () => setEditing({ view: null });
  const editingView = editing?.view;

  return (
    <section className="budgets-page">
      <PageHeader title="Budgets">
        <button type="button" className="button" onClick={create} disabled={!views.data}>
          New budget
        </button>
      </PageHeader>
      <BudgetsContent
        views={views}
        onCreate={create}
        onEdit={(view) => setEditing({ view })}
        onDelete={setDeleting}
      />
      <Dialog
        open={editing !== null}
        title={
          editingView
            ? `Edit the ${budgetTitle(editingView.name, editingView.budget.period)}`
            : 'New budget'
        }
        onClose={() => setEditing(null)}
      >
        {editing && views.data && defaultCurrency.data && (
          <BudgetForm
            editing={editingView ?? undefined}
            categories={views.data.categories}
            defaultCurrency={defaultCurrency.data}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <DeleteBudgetDialog view={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}
