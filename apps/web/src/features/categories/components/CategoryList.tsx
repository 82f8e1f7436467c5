import type { Category, CategoryKind } from '../../../entities/categories';

const KIND_HEADINGS: Record<CategoryKind, string> = {
  expense: 'Expense categories',
  income: 'Income categories',
};

function CategoryRow({
  category,
  onEdit,
  onDelete,
}: {
  category: Category;
  onEdit: (category: Category) => void;
  onDelete: (category: Category) => void;
}) {
  return (
    <li className="category-row">
      <span
        className="category-row__swatch"
        style={{ background: category.color }}
        aria-hidden="true"
      />
      <span className="category-row__name">{category.name}</span>
      <code className="category-row__color">{category.color}</code>
      <span className="category-row__actions">
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Edit ${category.name}`}
          onClick={() => onEdit(category)}
        >
          Edit
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Delete ${category.name}`}
          onClick={() => onDelete(category)}
        >
          Delete
        </button>
      </span>
    </li>
  );
}

/** The categories grouped by kind, each with its colour and its edit and delete buttons. */
export function CategoryList({
  categories,
  onEdit,
  onDelete,
}: {
  categories: Category[];
  onEdit: (category: Category) => void;
  onDelete: (category: Category) => void;
}) {
  const kinds = (['expense', 'income'] as const).filter((kind) =>
    categories.some((category) => category.kind === kind),
  );
  return (
    <>
      {kinds.map((kind) => (
        <section key={kind} className="category-group" aria-labelledby={`categories-${kind}`}>
          <h2 id={`categories-${kind}`}>{KIND_HEADINGS[kind]}</h2>
          <ul className="category-list">
            {categories
              .filter((category) => category.kind === kind)
              .map((category) => (
                <CategoryRow
                  key={category.id}
                  category={category}
                  onEdit={onEdit}
                  onDelete={onDelete}
                />
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
