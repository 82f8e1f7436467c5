import type { Category } from '../api/types';

/** A category's name with its colour as a dot (the name carries the meaning, not the colour). */
export function CategoryChip({ category }: { category: Category | null }) {
  if (!category) return <span className="category-chip category-chip--none">No category</span>;
  return (
    <span className="category-chip">
      <span className="category-chip__dot" style={{ background: category.color }} aria-hidden />
      {category.name}
    </span>
  );
}
