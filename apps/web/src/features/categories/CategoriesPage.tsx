import { useState } from 'react';
import { Dialog, EmptyState, ErrorState, Skeleton } from '../../ui';
import { type Category, useCategories } from '../../entities/categories';
import { CategoryForm } from './components/CategoryForm';
import { CategoryList } from './components/CategoryList';
import { DeleteCategoryDialog } from './components/DeleteCategoryDialog';
import { PageHeader } from '../../ui';
import './categories.css';

/** Which category the form edits; `null` for a new one. */
type Editing = { category: Category | null } | null;

function CategoriesContent({
  onCreate,
  onEdit,
  onDelete,
}: {
  onCreate: () => void;
  onEdit: (category: Category) => void;
  onDelete: (category: Category) => void;
}) {
  const categories = useCategories();
  if (categories.isPending) return <Skeleton label="Loading categories" rows={5} />;
  if (categories.isError) {
    return (
      <ErrorState
        title="Categories could not be loaded"
        error={categories.error}
        onRetry={() => void categories.refetch()}
      />
    );
  }
  if (categories.data.length === 0) {
    return (
      <EmptyState title="No categories yet">
        <p>Categories group your transactions and give budgets something to watch.</p>
        <button type="button" className="button" onClick={onCreate}>
          Create a category
        </button>
      </EmptyState>
    );
  }
  return <CategoryList categories={categories.data} onEdit={onEdit} onDelete={onDelete} />;
}

/** The user's categories: names, kinds (expense or income) and colours. */
export function CategoriesPage() {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const create = () => setEditing({ category: null });

  return (
    <section className="categories-page">
      <PageHeader title="Categories">
        <button type="button" className="button" onClick={create}>
          New category
        </button>
      </PageHeader>
      <CategoriesContent
        onCreate={create}
        onEdit={(category) => setEditing({ category })}
        onDelete={setDeleting}
      />
      <Dialog
        open={editing !== null}
        title={editing?.category ? `Edit “${editing.category.name}”` : 'New category'}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <CategoryForm category={editing.category ?? undefined} onDone={() => setEditing(null)} />
        )}
      </Dialog>
      <DeleteCategoryDialog category={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}
