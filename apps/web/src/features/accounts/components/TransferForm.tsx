import { type FormEvent, useRef, useState } from 'react';
import type { Account } from '../../../entities/accounts';
import { FormActions, FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import { useCreateTransfer } from '../api/create-transfer';
import {
  crossesCurrencies,
  newTransferValues,
  toTransferBody,
  TRANSFER_FIELDS,
  type TransferFormValues,
} from '../transfer-form';

/**
 * Moves money between two open accounts. When their currencies differ, what arrives is asked
 * for too (the rate is the user's bank's, not ours).
 */
export function TransferForm({
  accounts,
  today,
  onDone,
}: {
  /** The open accounts, which take new entries. */
  accounts: readonly Account[];
  today: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState(() => newTransferValues(accounts, today));
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(TRANSFER_FIELDS, formRef);
  const transfer = useCreateTransfer();
  const set = (field: keyof TransferFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const from = accounts.find(({ id }) => id === values.fromAccountId);
  const to = accounts.find(({ id }) => id === values.toAccountId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = toTransferBody(values, accounts);
    form.accepts(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    transfer.mutate(checked.body, {
      onSuccess: () => {
        toast.success(`Transfer from ${from?.name} to ${to?.name} booked`);
        onDone();
      },
      onError: form.refuse,
    });
  }

  const options = accounts.map((account) => (
    <option key={account.id} value={account.id}>
      {account.name} ({account.currency})
    </option>
  ));
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      <SelectField
        label={TRANSFER_FIELDS.fromAccountId.label}
        value={values.fromAccountId}
        error={form.errorOf('fromAccountId')}
        onChange={set('fromAccountId')}
      >
        {options}
      </SelectField>
      <SelectField
        label={TRANSFER_FIELDS.toAccountId.label}
        value={values.toAccountId}
        error={form.errorOf('toAccountId')}
        onChange={set('toAccountId')}
      >
        {options}
      </SelectField>
      <TextField
        label={TRANSFER_FIELDS.amount.label}
        value={values.amount}
        inputMode="decimal"
        autoComplete="off"
        hint={from && `In ${from.currency}, as it leaves ${from.name}.`}
        error={form.errorOf('amount')}
        onChange={set('amount')}
      />
      {crossesCurrencies(from, to) && (
        <TextField
          label={TRANSFER_FIELDS.toAmount.label}
          value={values.toAmount}
          inputMode="decimal"
          autoComplete="off"
          hint={to && `In ${to.currency}, as it reaches ${to.name}.`}
          error={form.errorOf('toAmount')}
          onChange={set('toAmount')}
        />
      )}
      <TextField
        label={TRANSFER_FIELDS.occurredOn.label}
        type="date"
        value={values.occurredOn}
        error={form.errorOf('occurredOn')}
        onChange={set('occurredOn')}
      />
      <TextField
        label={TRANSFER_FIELDS.description.label}
        value={values.description}
        maxLength={255}
        hint="“Transfer” when left empty."
        error={form.errorOf('description')}
        onChange={set('description')}
      />
      <FormActions
        submitLabel="Transfer"
        pendingLabel="Transferring…"
        pending={transfer.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
