import { ConfirmDeleteDialog } from '../../../ui';
import { toast } from '../../toasts';
import { useDeleteBudget } from '../api/delete-budget';
import type { BudgetView } from '../api/use-budget-views';
import { budgetTitle } from '../budget-text';

/** Confirms deleting a budget; its transactions stay, and so do its past alerts. */
export function DeleteBudgetDialog({
  view,
  onClose,
}: {
  view: BudgetView | null;
  onClose: () => void;
}) {
  const remove = useDeleteBudget();
  const title = view ? budgetTitle(view.name, view.budget.period) : '';
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDeleteDialog
      open={view !== null}
      title={`Delete the ${title}?`}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        view &&
        remove.mutate(view.budget.id, {
          onSuccess: () => {
            toast.success(`The ${title} was deleted`);
            close();
          },
        })
      }
    >
      <p>Your transactions are not affected, and the alerts it raised stay in the alert list.</p>
    </ConfirmDeleteDialog>
  );
}
