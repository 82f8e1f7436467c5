import { toast } from '../../toasts';
import { useDeleteCategory } from '../api/delete-category';
import type { Category } from '../../../entities/categories';
import { ConfirmDeleteDialog } from '../../../ui';

/**
 * Confirms deleting `category`. The API soft-deletes it: existing transactions keep showing it
 * and budgets for it keep counting them, but it can no longer be chosen.
 */
export function DeleteCategoryDialog({
  category,
  onClose,
}: {
  category: Category | null;
  onClose: () => void;
}) {
  const remove = useDeleteCategory();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDeleteDialog
      open={category !== null}
      title={`Delete “${category?.name}”?`}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        category &&
        remove.mutate(category.id, {
          onSuccess: () => {
            toast.success(`Category “${category.name}” deleted`);
            close();
          },
        })
      }
    >
      <p>
        Transactions already in this category keep it, and budgets for it keep counting them. You
        will no longer be able to pick it for new transactions or budgets.
      </p>
    </ConfirmDeleteDialog>
  );
}
