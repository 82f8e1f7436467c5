import type { Category } from '../api/types';

const KIND_LABELS = { expense: 'Expenses', income: 'Income' } as const;

/** `<option>`s of the categories, grouped by kind, for a category select. */
export function CategoryOptions({ categories }: { categories: readonly Category[] }) {
  return (
    <>
      {(['expense', 'income'] as const).map((kind) => {
        const ofKind = categories.filter((category) => category.kind === kind);
        return (
          ofKind.length > 0 && (
            <optgroup key={kind} label={KIND_LABELS[kind]}>
              {ofKind.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </optgroup>
          )
        );
      })}
    </>
  );
}
