import { type FormEvent, useRef, useState } from 'react';
import { FormActions, FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import { useAddContribution } from '../api/add-contribution';
import type { Goal } from '../api/get-goals';
import {
  CONTRIBUTION_FIELDS,
  type ContributionFormValues,
  newContributionValues,
  toContributionBody,
} from '../contribution-form';

/** Records money put aside for `goal`, or taken out of it, on a day up to today. */
export function ContributionForm({
  goal,
  today,
  onDone,
}: {
  goal: Goal;
  /** `YYYY-MM-DD`, the default day. */
  today: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState<ContributionFormValues>(() => newContributionValues(today));
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(CONTRIBUTION_FIELDS, formRef);
  const add = useAddContribution();
  const set = (field: keyof ContributionFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = toContributionBody(values);
    form.accepts(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    add.mutate(
      { goalId: goal.id, body: checked.body },
      {
        onSuccess: () => {
          toast.success(
            values.direction === 'out'
              ? `Money taken out of ${goal.name}`
              : `Money added to ${goal.name}`,
          );
          onDone();
        },
        onError: form.refuse,
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      <SelectField
        label={CONTRIBUTION_FIELDS.direction.label}
        value={values.direction}
        error={form.errorOf('direction')}
        onChange={set('direction')}
      >
        <option value="in">Put aside</option>
        <option value="out">Take out</option>
      </SelectField>
      <TextField
        label={CONTRIBUTION_FIELDS.amount.label}
        value={values.amount}
        inputMode="decimal"
        autoComplete="off"
        hint={`In ${goal.currency}, such as 200 or 12.50.`}
        error={form.errorOf('amount')}
        onChange={set('amount')}
      />
      <TextField
        label={CONTRIBUTION_FIELDS.contributedOn.label}
        type="date"
        value={values.contributedOn}
        max={today}
        error={form.errorOf('contributedOn')}
        onChange={set('contributedOn')}
      />
      <TextField
        label={CONTRIBUTION_FIELDS.note.label}
        value={values.note}
        maxLength={255}
        error={form.errorOf('note')}
        onChange={set('note')}
      />
      <FormActions
        submitLabel="Add"
        pendingLabel="Saving…"
        pending={add.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
