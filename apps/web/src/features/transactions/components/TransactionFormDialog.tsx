import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import type { Account } from '../../../entities/accounts';
import {
  Dialog,
  FormActions,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../../ui';
import { toast } from '../../toasts';
import { useCreateTransaction } from '../api/create-transaction';
import type { Category, Transaction } from '../api/types';
import { useUpdateTransaction } from '../api/update-transaction';
import {
  accountsIn,
  type DraftField,
  draftOf,
  requestOf,
  TRANSACTION_FIELDS,
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
  accounts: readonly Account[];
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
 * The fields of a transaction. Each is checked before sending; a refused save keeps the dialog
 * open with the API's messages next to their fields. Focus goes to the first field to fix.
 */
function TransactionForm({
  transaction,
  categories,
  accounts,
  defaultCurrency,
  onDone,
  onCreated,
}: FormProps) {
  const [draft, setDraft] = useState(() => draftOf(transaction, defaultCurrency, accounts));
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(TRANSACTION_FIELDS, formRef);
  const create = useCreateTransaction();
  const update = useUpdateTransaction();
  const saving = create.isPending || update.isPending;

  const setField = (field: DraftField, value: string) =>
    // The selects offer only valid values for their fields.
    setDraft((current) => ({ ...current, [field]: value }) as TransactionDraft);
  const change =
    (field: DraftField) =>
    (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setField(field, event.target.value);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = requestOf(draft);
    form.accepts(request.errors ?? {});
    if (request.errors) return;
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
      form.refuse(error);
    }
  }

  // The transaction's own category may be missing from the options (deleted since, or the
  // list still loading): offer it anyway, so saving other changes keeps it.
  const own = transaction?.category;
  const options =
    own && !categories.some(({ id }) => id === own.id) ? [...categories, own] : categories;

  const chosenCategory = options.find((category) => category.id === draft.categoryId);
  // Open accounts, and the transaction's own even when archived since, so saving keeps it.
  const accountOptions = accounts.filter(
    (account) => !account.archived || account.id === draft.accountId,
  );
  /** A transaction is in its account's currency: choosing an account sets it. */
  const chooseAccount = (accountId: string) => {
    const account = accounts.find(({ id }) => id === accountId);
    setDraft((current) => ({
      ...current,
      accountId,
      currency: account?.currency ?? current.currency,
    }));
  };
  /** A new currency moves a new transaction to that currency's first open account. */
  const chooseCurrency = (currency: string) =>
    setDraft((current) => ({
      ...current,
      currency,
      accountId: accounts.some(
        ({ id, currency: own }) => id === current.accountId && own === currency,
      )
        ? current.accountId
        : (accountsIn(accounts, currency)[0]?.id ?? ''),
    }));

  return (
    <form
      ref={formRef}
      className="transaction-form"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <FormError {...form.banner} />
      <TextField
        label={TRANSACTION_FIELDS.description.label}
        required
        maxLength={255}
        value={draft.description}
        error={form.errorOf('description')}
        onChange={change('description')}
      />
      <div className="transaction-form__pair">
        <TextField
          label={TRANSACTION_FIELDS.amount.label}
          required
          inputMode="decimal"
          placeholder="12.50"
          autoComplete="off"
          value={draft.amount}
          error={form.errorOf('amount')}
          onChange={change('amount')}
        />
        <TextField
          label={TRANSACTION_FIELDS.currency.label}
          required
          maxLength={3}
          autoCapitalize="characters"
          hint="ISO code, e.g. EUR"
          value={draft.currency}
          error={form.errorOf('currency')}
          onChange={(event) => chooseCurrency(event.target.value.toUpperCase())}
        />
      </div>
      <SelectField
        label={TRANSACTION_FIELDS.accountId.label}
        value={draft.accountId}
        hint="The transaction takes the account's currency."
        error={form.errorOf('accountId')}
        onChange={(event) => chooseAccount(event.target.value)}
      >
        <option value="">Default account</option>
        {accountOptions.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name} ({account.currency})
          </option>
        ))}
      </SelectField>
      <div className="transaction-form__pair">
        <TextField
          label={TRANSACTION_FIELDS.occurredOn.label}
          type="date"
          required
          value={draft.occurredOn}
          error={form.errorOf('occurredOn')}
          onChange={change('occurredOn')}
        />
        <SelectField
          label={TRANSACTION_FIELDS.categoryId.label}
          value={draft.categoryId}
          hint={chosenCategory && KIND_HINTS[chosenCategory.kind]}
          error={form.errorOf('categoryId')}
          onChange={change('categoryId')}
        >
          <option value="">No category</option>
          <CategoryOptions categories={options} />
        </SelectField>
      </div>
      {!draft.categoryId && (
        <SelectField
          label={TRANSACTION_FIELDS.type.label}
          value={draft.type}
          error={form.errorOf('type')}
          onChange={change('type')}
        >
          <option value="expense">Expense</option>
          <option value="income">Income</option>
        </SelectField>
      )}
      <TextAreaField
        label={TRANSACTION_FIELDS.notes.label}
        rows={3}
        maxLength={2000}
        value={draft.notes}
        error={form.errorOf('notes')}
        onChange={change('notes')}
      />
      <FormActions
        submitLabel={transaction ? 'Save changes' : 'Add transaction'}
        pendingLabel="Saving…"
        pending={saving}
        onCancel={onDone}
      />
    </form>
  );
}
