import { type FormEvent, useRef, useState } from 'react';
import type { Category } from '../../../entities/categories';
import { FormActions, FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import { useCreateBudget } from '../api/create-budget';
import type { Budget, BudgetPeriod } from '../api/get-budgets';
import { useUpdateBudget } from '../api/update-budget';
import type { BudgetView } from '../api/use-budget-views';
import {
  BUDGET_FIELDS,
  type BudgetFormValues,
  budgetValues,
  type Checked,
  newBudgetValues,
  toCreateBody,
  toUpdateBody,
} from '../budget-form';
import { budgetName, PERIOD_LABELS } from '../budget-text';

/**
 * Creates a budget, or edits `editing`'s period, limit, start and thresholds. Fields are checked
 * before sending; what the API refuses shows beside its field, focus on the first.
 */
export function BudgetForm({
  editing,
  categories,
  defaultCurrency,
  onDone,
}: {
  editing?: BudgetView;
  /** The user's categories; a budget counts expenses, so only expense ones are offered. */
  categories: Category[];
  /** The currency a new budget starts in. */
  defaultCurrency: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState<BudgetFormValues>(() =>
    editing ? budgetValues(editing.budget) : newBudgetValues(new Date(), defaultCurrency),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(BUDGET_FIELDS, formRef);
  const create = useCreateBudget();
  const update = useUpdateBudget();
  const save = editing ? update : create;
  const set = (field: keyof BudgetFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const done = (saved: Budget) => {
    toast.success(
      `${budgetName(saved.categoryId, categories)} budget ${editing ? 'saved' : 'created'}`,
    );
    onDone();
  };
  const outcome = { onSuccess: done, onError: form.refuse };

  /** Sends a body the form's checks accept; otherwise shows why. */
  function send<Body>(checked: Checked<Body>, mutate: (body: Body) => void) {
    form.accepts(checked.ok ? {} : checked.errors);
    if (checked.ok) mutate(checked.body);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (editing) {
      send(toUpdateBody(values), (changes) =>
        update.mutate({ id: editing.budget.id, changes }, outcome),
      );
    } else {
      send(toCreateBody(values), (body) => create.mutate(body, outcome));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormError {...form.banner} />
      {editing ? (
        <p className="budget-form__fixed">
          Watches <strong>{editing.name}</strong> in {editing.budget.currency}. To watch something
          else, create another budget.
        </p>
      ) : (
        <>
          <SelectField
            label={BUDGET_FIELDS.categoryId.label}
            value={values.categoryId}
            hint="Budgets count expenses only."
            error={form.errorOf('categoryId')}
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
            label={BUDGET_FIELDS.currency.label}
            value={values.currency}
            maxLength={3}
            autoComplete="off"
            hint="Only transactions in this currency count."
            error={form.errorOf('currency')}
            onChange={set('currency')}
          />
        </>
      )}
      <SelectField
        label={BUDGET_FIELDS.period.label}
        value={values.period}
        error={form.errorOf('period')}
        onChange={set('period')}
      >
        {(Object.keys(PERIOD_LABELS) as BudgetPeriod[]).map((period) => (
          <option key={period} value={period}>
            {PERIOD_LABELS[period]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={BUDGET_FIELDS.limit.label}
        value={values.limit}
        inputMode="decimal"
        autoComplete="off"
        hint="Per period, such as 500 or 499.99."
        error={form.errorOf('limit')}
        onChange={set('limit')}
      />
      <TextField
        label={BUDGET_FIELDS.startDate.label}
        type="date"
        value={values.startDate}
        error={form.errorOf('startDate')}
        onChange={set('startDate')}
      />
      <TextField
        label={BUDGET_FIELDS.thresholds.label}
        value={values.thresholds}
        autoComplete="off"
        hint="Percent of the limit, separated by commas, such as 80, 100."
        error={form.errorOf('thresholds')}
        onChange={set('thresholds')}
      />
      <FormActions
        submitLabel={editing ? 'Save budget' : 'Create budget'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
