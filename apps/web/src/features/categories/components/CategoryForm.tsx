import { type FormEvent, useState } from 'react';
import { SelectField, TextField } from '../../../ui';
import { toast } from '../../toasts/toast-store';
import { useCreateCategory } from '../api/create-category';
import type { Category, CategoryKind } from '../../../entities/categories';
import { useUpdateCategory } from '../api/update-category';
import { ColorField } from './ColorField';
import { apiFieldError, FormActions, FormError } from '../../../ui';

/** The API's own default colour for a new category. */
const DEFAULT_COLOR = '#64748b';

/** Creates a category, or edits `category`; closes itself when the API accepts. */
export function CategoryForm({ category, onDone }: { category?: Category; onDone: () => void }) {
  const [name, setName] = useState(category?.name ?? '');
  const [kind, setKind] = useState<CategoryKind>(category?.kind ?? 'expense');
  const [color, setColor] = useState(category?.color ?? DEFAULT_COLOR);
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const save = category ? update : create;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { name, kind, color };
    const done = (saved: Category) => {
      toast.success(`Category “${saved.name}” ${category ? 'saved' : 'created'}`);
      onDone();
    };
    if (category) update.mutate({ id: category.id, changes: body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  }

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label="Name"
        value={name}
        required
        maxLength={60}
        autoComplete="off"
        error={apiFieldError(save.error, 'name')}
        onChange={(event) => setName(event.target.value)}
      />
      <SelectField
        label="Kind"
        value={kind}
        hint={category ? 'Transactions already in this category keep their type.' : undefined}
        error={apiFieldError(save.error, 'kind')}
        onChange={(event) => setKind(event.target.value as CategoryKind)}
      >
        <option value="expense">Expense</option>
        <option value="income">Income</option>
      </SelectField>
      <ColorField value={color} onChange={setColor} error={apiFieldError(save.error, 'color')} />
      <FormError error={save.error} />
      <FormActions
        submitLabel={category ? 'Save category' : 'Create category'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
