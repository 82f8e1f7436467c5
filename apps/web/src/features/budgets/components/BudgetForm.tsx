import { type FormEvent, useState } from 'react';
import { SelectField, TextField } from '../../../ui';
import type { Category } from '../../../entities/categories';
import { apiFieldError, FormActions, FormError } from '../../../ui';
import { toast } from '../../toasts/toast-store';
import { useCreateBudget } from '../api/create-budget';
import type { Budget, BudgetPeriod } from '../api/get-budgets';
import { useUpdateBudget } from '../api/update-budget';
import type { BudgetView } from '../api/use-budget-views';
import {
  type BudgetFormErrors,
  type Checked,
  type BudgetFormValues,
  budgetValues,
  newBudgetValues,
  toCreateBody,
  toUpdateBody,
} from '../budget-form';
import { budgetName, PERIOD_LABELS } from '../budget-text';

/** Creates a budget, or edits `editing`'s period, limit, start and thresholds. */
export function BudgetForm({
  editing,
  categories,
  onDone,
}: {
  editing?: BudgetView;
  /** The user's categories; a budget counts expenses, so only expense ones are offered. */
  categories: Category[];
  onDone: () => void;
}) {
  const [values, setValues] = useState<BudgetFormValues>(() =>
    editing ? budgetValues(editing.budget) : newBudgetValues(new Date()),
  );
  const [formErrors, setFormErrors] = useState<BudgetFormErrors>({});
  const create = useCreateBudget();
  const update = useUpdateBudget();
  const save = editing ? update : create;
  const set = (field: keyof BudgetFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  /** The form's own message first: it is about what is typed now. */
  const errorOf = (field: string) =>
    formErrors[field as keyof BudgetFormErrors] ?? apiFieldError(save.error, field);

  const done = (saved: Budget) => {
    toast.success(
      `${budgetName(saved.categoryId, categories)} budget ${editing ? 'saved' : 'created'}`,
    );
    onDone();
  };

  /** Sends a body the form's checks accept; otherwise shows why, in place of the API's reply. */
  function send<Body>(checked: Checked<Body>, mutate: (body: Body) => void) {
    setFormErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) mutate(checked.body);
    else save.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (editing) {
      send(toUpdateBody(values), (changes) =>
        update.mutate({ id: editing.budget.id, changes }, { onSuccess: done }),
      );
    } else {
      send(toCreateBody(values), (body) => create.mutate(body, { onSuccess: done }));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {editing ? (
        <p className="budget-form__fixed">
          Watches <strong>{editing.name}</strong> in {editing.budget.currency}. To watch something
          else, create another budget.
        </p>
      ) : (
        <>
          <SelectField
            label="Category"
            value={values.categoryId}
            hint="Budgets count expenses only."
            error={errorOf('categoryId')}
            onChange={set('categoryId')}
          >
            <option value="">All spending</option>
            {categories
              .filter((category) => category.kind === 'expense')
              .map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
          </SelectField>
          <TextField
            label="Currency"
            value={values.currency}
            maxLength={3}
            autoComplete="off"
            hint="Only transactions in this currency count."
            error={errorOf('currency')}
            onChange={set('currency')}
          />
        </>
      )}
      <SelectField
        label="Period"
        value={values.period}
        error={errorOf('period')}
        onChange={set('period')}
      >
        {(Object.keys(PERIOD_LABELS) as BudgetPeriod[]).map((period) => (
          <option key={period} value={period}>
            {PERIOD_LABELS[period]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Limit"
        value={values.limit}
        inputMode="decimal"
        autoComplete="off"
        hint="Per period, such as 500 or 499.99."
        error={errorOf('limitCents')}
        onChange={set('limit')}
      />
      <TextField
        label="Starts on"
        type="date"
        value={values.startDate}
        error={errorOf('startDate')}
        onChange={set('startDate')}
      />
      <TextField
        label="Alert thresholds (%)"
        value={values.thresholds}
        autoComplete="off"
        hint="Percent of the limit, separated by commas, such as 80, 100."
        error={errorOf('alertThresholds')}
        onChange={set('thresholds')}
      />
      <FormError error={save.error} />
      <FormActions
        submitLabel={editing ? 'Save budget' : 'Create budget'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
