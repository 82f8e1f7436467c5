import { type FormEvent, useRef, useState } from 'react';
import type { Category } from '../../../entities/categories';
import { FormActions, FormError, SelectField, TextField, useFormErrors } from '../../../ui';
import { toast } from '../../toasts';
import type { Frequency, RecurringRule } from '../api/get-recurring-rules';
import { useSaveRule } from '../api/save-rule';
import { FREQUENCY_LABELS, ordinal } from '../recurring-text';
import {
  newRuleValues,
  RULE_FIELDS,
  type RuleFormValues,
  ruleValues,
  toRuleBody,
} from '../rule-form';

const MONTH_DAYS = Array.from({ length: 28 }, (_, i) => String(i + 1));

/**
 * Creates a rule, or edits `editing` (the change applies from today on; transactions already
 * booked stay). Fields are checked before sending; what the API refuses shows beside its field.
 */
export function RuleForm({
  editing,
  categories,
  today,
  defaultCurrency,
  onDone,
}: {
  editing?: RecurringRule;
  categories: Category[];
  /** `YYYY-MM-DD`: a new rule starts today. */
  today: string;
  /** The currency a new rule starts in. */
  defaultCurrency: string;
  onDone: () => void;
}) {
  const [values, setValues] = useState<RuleFormValues>(() =>
    editing ? ruleValues(editing) : newRuleValues(today, defaultCurrency),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(RULE_FIELDS, formRef);
  const save = useSaveRule();
  const set = (field: keyof RuleFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = toRuleBody(values);
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
      {editing && (
        <p className="recurring-form__note">
          Changes apply from today on; transactions already booked stay as they are.
        </p>
      )}
      <TextField
        label={RULE_FIELDS.name.label}
        value={values.name}
        maxLength={100}
        error={form.errorOf('name')}
        onChange={set('name')}
      />
      <TextField
        label={RULE_FIELDS.description.label}
        value={values.description}
        maxLength={255}
        hint="What the transactions say; the name when left empty."
        error={form.errorOf('description')}
        onChange={set('description')}
      />
      <SelectField
        label={RULE_FIELDS.categoryId.label}
        value={values.categoryId}
        error={form.errorOf('categoryId')}
        onChange={set('categoryId')}
      >
        <option value="">No category</option>
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name} ({category.kind})
          </option>
        ))}
      </SelectField>
      {!values.categoryId && (
        <SelectField
          label={RULE_FIELDS.type.label}
          value={values.type}
          error={form.errorOf('type')}
          onChange={set('type')}
        >
          <option value="expense">Expense</option>
          <option value="income">Income</option>
        </SelectField>
      )}
      <TextField
        label={RULE_FIELDS.amount.label}
        value={values.amount}
        inputMode="decimal"
        autoComplete="off"
        hint="Such as 950 or 12.50."
        error={form.errorOf('amount')}
        onChange={set('amount')}
      />
      <TextField
        label={RULE_FIELDS.currency.label}
        value={values.currency}
        maxLength={3}
        autoComplete="off"
        error={form.errorOf('currency')}
        onChange={set('currency')}
      />
      <SelectField
        label={RULE_FIELDS.frequency.label}
        value={values.frequency}
        error={form.errorOf('frequency')}
        onChange={set('frequency')}
      >
        {(Object.keys(FREQUENCY_LABELS) as Frequency[]).map((frequency) => (
          <option key={frequency} value={frequency}>
            {FREQUENCY_LABELS[frequency]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={RULE_FIELDS.interval.label}
        value={values.interval}
        inputMode="numeric"
        hint="1 for every time, 2 for every other, and so on."
        error={form.errorOf('interval')}
        onChange={set('interval')}
      />
      {values.frequency === 'monthly' && (
        <SelectField
          label={RULE_FIELDS.monthDay.label}
          value={values.monthDay}
          error={form.errorOf('monthDay')}
          onChange={set('monthDay')}
        >
          {MONTH_DAYS.map((day) => (
            <option key={day} value={day}>
              {ordinal(Number(day))}
            </option>
          ))}
          <option value="last">Last day of the month</option>
        </SelectField>
      )}
      <TextField
        label={RULE_FIELDS.startDate.label}
        type="date"
        value={values.startDate}
        hint={
          values.frequency === 'yearly'
            ? 'Repeats on this date; 29 February falls on the 28th in other years.'
            : undefined
        }
        error={form.errorOf('startDate')}
        onChange={set('startDate')}
      />
      <SelectField
        label={RULE_FIELDS.ends.label}
        value={values.ends}
        error={form.errorOf('ends')}
        onChange={set('ends')}
      >
        <option value="never">Never</option>
        <option value="on">On a date</option>
        <option value="after">After a number of times</option>
      </SelectField>
      {values.ends === 'on' && (
        <TextField
          label={RULE_FIELDS.endDate.label}
          type="date"
          value={values.endDate}
          error={form.errorOf('endDate')}
          onChange={set('endDate')}
        />
      )}
      {values.ends === 'after' && (
        <TextField
          label={RULE_FIELDS.count.label}
          value={values.count}
          inputMode="numeric"
          error={form.errorOf('count')}
          onChange={set('count')}
        />
      )}
      <FormActions
        submitLabel={editing ? 'Save rule' : 'Create rule'}
        pendingLabel="Saving…"
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
