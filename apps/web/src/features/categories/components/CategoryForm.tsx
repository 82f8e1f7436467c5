import { type FormEvent, useRef, useState } from 'react';
import type { Category, CategoryKind } from '../../../entities/categories';
import type { FormFields } from '../../../lib/field-errors';
import { firstProblems, present } from '../../../lib/validators';
import { FormActions, FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import { useCreateCategory } from '../api/create-category';
import { useUpdateCategory } from '../api/update-category';
import { ColorField, HEX_COLOR } from './ColorField';

/** The API's own default colour for a new category. */
const DEFAULT_COLOR = '#64748b';

const FIELDS: FormFields<'name' | 'kind' | 'color'> = {
  name: { label: 'Name' },
  kind: { label: 'Kind' },
  color: { label: 'Colour' },
};

const VALIDATORS = {
  name: [present('Enter a name')],
  color: [(color: string) => (HEX_COLOR.test(color) ? undefined : 'Enter a colour like #22c55e')],
};

/**
 * Creates a category, or edits `category`; closes itself when the API accepts. Name and colour
 * are checked before sending; what the API refuses shows beside its field, focus on the first.
 */
export function CategoryForm({ category, onDone }: { category?: Category; onDone: () => void }) {
  const [name, setName] = useState(category?.name ?? '');
  const [kind, setKind] = useState<CategoryKind>(category?.kind ?? 'expense');
  const [color, setColor] = useState(category?.color ?? DEFAULT_COLOR);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(FIELDS, formRef);
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const save = category ? update : create;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { name, kind, color };
    if (!form.accepts(firstProblems(body, VALIDATORS))) return;
    const outcome = {
      onSuccess: (saved: Category) => {
        toast.success(`Category “${saved.name}” ${category ? 'saved' : 'created'}`);
        onDone();
      },
      onError: form.refuse,
    };
    if (category) update.mutate({ id: category.id, changes: body }, outcome);
    else create.mutate(body, outcome);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      <TextField
        label={FIELDS.name.label}
        value={name}
        required
        maxLength={60}
        autoComplete="off"
        error={form.errorOf('name')}
        onChange={(event) => setName(event.target.value)}
      />
      <SelectField
        label={FIELDS.kind.label}
        value={kind}
        hint={category ? 'Transactions already in this category keep their type.' : undefined}
        error={form.errorOf('kind')}
        onChange={(event) => setKind(event.target.value as CategoryKind)}
      >
        <option value="expense">Expense</option>
        <option value="income">Income</option>
      </SelectField>
      <ColorField value={color} onChange={setColor} error={form.errorOf('color')} />
      <FormActions
        submitLabel={category ? 'Save category' : 'Create category'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
