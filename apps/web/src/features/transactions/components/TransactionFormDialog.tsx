import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { Dialog, SelectField, TextAreaField, TextField } from '../../../ui';
import { toast } from '../../toasts/toast-store';
import { useCreateTransaction } from '../api/create-transaction';
import type { Category, Transaction } from '../api/types';
import { useUpdateTransaction } from '../api/update-transaction';
import {
  type DraftErrors,
  type DraftField,
  draftOf,
  errorsOfRefusal,
  requestOf,
  type TransactionDraft,
} from '../model/transaction-form';
import { CategoryOptions } from './CategoryOptions';

const KIND_HINTS = {
  expense: 'Counted as an expense, like its category',
  income: 'Counted as income, like its category',
} as const;

/** What the dialog edits: a new transaction, an existing one, or nothing (closed). */
export type FormTarget = { mode: 'create' } | { mode: 'edit'; transaction: Transaction } | null;

interface Props {
  target: FormTarget;
  categories: readonly Category[];
  /** The currency a new transaction starts with. */
  defaultCurrency: string;
  onClose: () => void;
  onCreated: (transaction: Transaction) => void;
}

export function TransactionFormDialog({ target, onClose, ...form }: Props) {
  const transaction = target?.mode === 'edit' ? target.transaction : null;
  return (
    <Dialog
      open={target !== null}
      title={transaction ? 'Edit transaction' : 'Add transaction'}
      onClose={onClose}
    >
      {target && (
        <TransactionForm
          key={transaction?.id ?? 'new'}
          transaction={transaction}
          onDone={onClose}
          {...form}
        />
      )}
    </Dialog>
  );
}

interface FormProps extends Omit<Props, 'target' | 'onClose'> {
  transaction: Transaction | null;
  onDone: () => void;
}

/**
 * The fields of a transaction. A refused save keeps the dialog open with the API's messages
 * next to their fields and focus on the first of them.
 */
function TransactionForm({
  transaction,
  categories,
  defaultCurrency,
  onDone,
  onCreated,
}: FormProps) {
  const [draft, setDraft] = useState(() => draftOf(transaction, defaultCurrency));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateTransaction();
  const update = useUpdateTransaction();
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const setField = (field: DraftField, value: string) =>
    // The selects offer only valid values for their fields.
    setDraft((current) => ({ ...current, [field]: value }) as TransactionDraft);
  const change =
    (field: DraftField) =>
    (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setField(field, event.target.value);

  const refuse = (fields: DraftErrors, form: string | null) => {
    setErrors(fields);
    setFormError(form);
    setRefusals((count) => count + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = requestOf(draft);
    if (request.errors) return refuse(request.errors, null);
    try {
      if (transaction) {
        await update.mutateAsync({ id: transaction.id, changes: request.body });
        toast.success('Transaction updated');
      } else {
        onCreated(await create.mutateAsync(request.body));
        toast.success('Transaction added');
      }
      onDone();
    } catch (error) {
      const refusal = errorsOfRefusal(error);
      refuse(refusal.fields, refusal.form);
    }
  }

  // The transaction's own category may be missing from the options (deleted since, or the
  // list still loading): offer it anyway, so saving other changes keeps it.
  const own = transaction?.category;
  const options =
    own && !categories.some(({ id }) => id === own.id) ? [...categories, own] : categories;

  const chosenCategory = options.find((category) => category.id === draft.categoryId);

  return (
    <form ref={formRef} className="transaction-form" noValidate onSubmit={submit}>
      {formError && (
        <p className="transaction-form__error" role="alert">
          {formError}
        </p>
      )}
      <TextField
        label="Description"
        required
        maxLength={255}
        value={draft.description}
        error={errors.description}
        onChange={change('description')}
      />
      <div className="transaction-form__pair">
        <TextField
          label="Amount"
          required
          inputMode="decimal"
          placeholder="12.50"
          autoComplete="off"
          value={draft.amount}
          error={errors.amount}
          onChange={change('amount')}
        />
        <TextField
          label="Currency"
          required
          maxLength={3}
          autoCapitalize="characters"
          hint="ISO code, e.g. EUR"
          value={draft.currency}
          error={errors.currency}
          onChange={(event) => setField('currency', event.target.value.toUpperCase())}
        />
      </div>
      <div className="transaction-form__pair">
        <TextField
          label="Date"
          type="date"
          required
          value={draft.occurredOn}
          error={errors.occurredOn}
          onChange={change('occurredOn')}
        />
        <SelectField
          label="Category"
          value={draft.categoryId}
          hint={chosenCategory && KIND_HINTS[chosenCategory.kind]}
          error={errors.categoryId}
          onChange={change('categoryId')}
        >
          <option value="">No category</option>
          <CategoryOptions categories={options} />
        </SelectField>
      </div>
      {!draft.categoryId && (
        <SelectField label="Type" value={draft.type} error={errors.type} onChange={change('type')}>
          <option value="expense">Expense</option>
          <option value="income">Income</option>
        </SelectField>
      )}
      <TextAreaField
        label="Notes"
        rows={3}
        maxLength={2000}
        value={draft.notes}
        error={errors.notes}
        onChange={change('notes')}
      />
      <div className="transaction-form__actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : transaction ? 'Save changes' : 'Add transaction'}
        </button>
      </div>
    </form>
  );
}
