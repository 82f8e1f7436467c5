import { type FormEvent, useRef, useState } from 'react';
import type { Account, AccountKind } from '../../../entities/accounts';
import { FormActions, FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import {
  ACCOUNT_FIELDS,
  type AccountFormValues,
  accountValues,
  newAccountValues,
  toAccountRequest,
} from '../account-form';
import { KIND_LABELS } from '../account-text';
import { useSaveAccount } from '../api/save-account';

/**
 * Creates an account, or edits `editing` (its currency stays: its transactions are in it).
 * Fields are checked before sending; what the API refuses shows beside its field.
 */
export function AccountForm({
  editing,
  defaultCurrency,
  today,
  onDone,
}: {
  editing?: Account;
  /** A new account's currency to start with: the user's default. */
  defaultCurrency: string;
  /** `YYYY-MM-DD`: a new account opens today. */
  today: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState<AccountFormValues>(() =>
    editing ? accountValues(editing) : newAccountValues(defaultCurrency, today),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(ACCOUNT_FIELDS, formRef);
  const save = useSaveAccount();
  const set = (field: keyof AccountFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = toAccountRequest(values, editing);
    form.accepts(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    save.mutate(checked.request, {
      onSuccess: (saved) => {
        toast.success(`${saved.name} ${editing ? 'saved' : 'created'}`);
        onDone();
      },
      onError: form.refuse,
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      <TextField
        label={ACCOUNT_FIELDS.name.label}
        value={values.name}
        maxLength={100}
        error={form.errorOf('name')}
        onChange={set('name')}
      />
      <SelectField
        label={ACCOUNT_FIELDS.kind.label}
        value={values.kind}
        error={form.errorOf('kind')}
        onChange={set('kind')}
      >
        {(Object.keys(KIND_LABELS) as AccountKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={ACCOUNT_FIELDS.currency.label}
        value={values.currency}
        maxLength={3}
        autoComplete="off"
        autoCapitalize="characters"
        readOnly={editing !== undefined}
        hint={
          editing
            ? 'An account keeps its currency: its transactions are in it.'
            : 'ISO code, e.g. EUR'
        }
        error={form.errorOf('currency')}
        onChange={set('currency')}
      />
      <TextField
        label={ACCOUNT_FIELDS.openingBalance.label}
        value={values.openingBalance}
        inputMode="decimal"
        autoComplete="off"
        hint="What it held on the opening date; negative for money owed, such as -300."
        error={form.errorOf('openingBalance')}
        onChange={set('openingBalance')}
      />
      <TextField
        label={ACCOUNT_FIELDS.openingDate.label}
        type="date"
        value={values.openingDate}
        error={form.errorOf('openingDate')}
        onChange={set('openingDate')}
      />
      <FormActions
        submitLabel={editing ? 'Save account' : 'Create account'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
