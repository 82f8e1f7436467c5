import { type FormEvent, useEffect, useRef, useState } from 'react';
import { refusalOf } from '../../../lib/field-errors';
import { FormActions, FormError } from '../../../ui';
import { toast } from '../../toasts';
import { useCreateRule, useReplaceRule } from '../api/alert-actions';
import type { AlertRule } from '../api/alert-queries';
import {
  type FormErrors,
  formValuesOf,
  newRuleValues,
  ruleInputOf,
  RULE_FIELDS,
  type RuleFormValues,
} from '../rule-form';
import {
  ConditionSection,
  MeasureSection,
  NotificationSection,
  RuleSection,
  TextsSection,
} from './form-sections';
import { PreviewPanel } from './PreviewPanel';

/**
 * The one form for creating and editing a rule, with a live preview beside it. A refused save
 * keeps the form with the API's messages beside their fields and focus on the first of them.
 */
export function RuleForm({
  rule,
  onSaved,
  onCancel,
}: {
  /** The rule being edited; null for a new one. */
  rule: AlertRule | null;
  onSaved: (rule: AlertRule) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<RuleFormValues>(() =>
    rule ? formValuesOf(rule) : newRuleValues(),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateRule();
  const replace = useReplaceRule();

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const refuse = (fields: FormErrors, error: unknown) => {
    setErrors(fields);
    setSaveError(error);
    setRefusals((count) => count + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = ruleInputOf(values);
    if (!checked.ok) return refuse(checked.errors, null);
    try {
      const saved = rule
        ? await replace.mutateAsync({ id: rule.id, body: checked.input })
        : await create.mutateAsync(checked.input);
      toast.success(rule ? `${saved.name} saved` : `${saved.name} created`);
      onSaved(saved);
    } catch (error) {
      refuse(refusalOf(error, RULE_FIELDS).fields, error);
    }
  }

  /** What the API refused about fields the form does not show, in words. */
  const unshown = refusalOf(saveError, RULE_FIELDS).others;
  const sectionProps = {
    values,
    onChange: setValues,
    errorOf: (field: string) => errors[field],
  };
  return (
    <div className="alert-editor">
      <form
        ref={formRef}
        className="alert-form"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <RuleSection {...sectionProps} />
        <MeasureSection {...sectionProps} />
        <ConditionSection {...sectionProps} />
        <TextsSection {...sectionProps} />
        <NotificationSection {...sectionProps} />
        <FormError error={saveError} />
        {unshown.length > 0 && (
          <ul className="alert-form__other-errors">
            {unshown.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <FormActions
          submitLabel={rule ? 'Save rule' : 'Create rule'}
          pendingLabel="Saving…"
          pending={create.isPending || replace.isPending}
          onCancel={onCancel}
        />
      </form>
      <PreviewPanel values={values} />
    </div>
  );
}
