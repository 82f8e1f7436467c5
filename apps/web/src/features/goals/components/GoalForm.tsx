import { type FormEvent, useRef, useState } from 'react';
import { FormActions, FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import type { Account } from '../../../entities/accounts';
import type { Goal } from '../api/get-goals';
import { useSaveGoal } from '../api/save-goal';
import {
  GOAL_FIELDS,
  type GoalFormValues,
  goalValues,
  newGoalValues,
  toGoalBody,
} from '../goal-form';

/**
 * Creates a goal, or edits `editing`. "Saved in" links an account (the goal follows its balance,
 * in its currency) or leaves the goal to contributions. Fields are checked before sending; what
 * the API refuses shows beside its field.
 */
export function GoalForm({
  editing,
  accounts,
  defaultCurrency,
  onDone,
}: {
  editing?: Goal;
  accounts: Account[];
  defaultCurrency: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState<GoalFormValues>(() =>
    editing ? goalValues(editing) : newGoalValues(defaultCurrency),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(GOAL_FIELDS, formRef);
  const save = useSaveGoal();
  const set = (field: keyof GoalFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const linked = accounts.find((account) => account.id === values.accountId);
  const chooseAccount = (event: { target: { value: string } }) => {
    const account = accounts.find(({ id }) => id === event.target.value);
    // A linked goal is in its account's currency.
    setValues((current) => ({
      ...current,
      accountId: event.target.value,
      currency: account ? account.currency : current.currency,
    }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = toGoalBody(values);
    form.accepts(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    save.mutate(
      { id: editing?.id, body: checked.body },
      {
        onSuccess: (saved) => {
          toast.success(`${saved.name} ${editing ? 'saved' : 'created'}`);
          onDone();
        },
        onError: form.refuse,
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      <TextField
        label={GOAL_FIELDS.name.label}
        value={values.name}
        maxLength={100}
        error={form.errorOf('name')}
        onChange={set('name')}
      />
      <TextField
        label={GOAL_FIELDS.target.label}
        value={values.target}
        inputMode="decimal"
        autoComplete="off"
        hint="Such as 1500 or 1500.50."
        error={form.errorOf('target')}
        onChange={set('target')}
      />
      <SelectField
        label={GOAL_FIELDS.accountId.label}
        value={values.accountId}
        hint={
          linked
            ? `The goal follows this account's balance, in ${linked.currency}.`
            : 'You record what you put aside and take out.'
        }
        error={form.errorOf('accountId')}
        onChange={chooseAccount}
      >
        <option value="">Contributions I record</option>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name} ({account.currency})
          </option>
        ))}
      </SelectField>
      <TextField
        label={GOAL_FIELDS.currency.label}
        value={values.currency}
        maxLength={3}
        autoComplete="off"
        disabled={linked !== undefined}
        error={form.errorOf('currency')}
        onChange={set('currency')}
      />
      <TextField
        label={GOAL_FIELDS.targetDate.label}
        type="date"
        value={values.targetDate}
        hint="Optional: leave empty for no date."
        error={form.errorOf('targetDate')}
        onChange={set('targetDate')}
      />
      <FormActions
        submitLabel={editing ? 'Save goal' : 'Create goal'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
