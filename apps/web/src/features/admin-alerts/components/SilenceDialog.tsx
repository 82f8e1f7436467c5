import { type FormEvent, useState } from 'react';
import {
  apiFieldError,
  Dialog,
  FormActions,
  FormError,
  formatLocalTime,
  TextAreaField,
  TextField,
} from '../../../ui';
import { toast } from '../../toasts';
import { useCreateSilence } from '../api/alert-actions';
import type { AlertRule } from '../api/alert-queries';
import {
  EMPTY_SILENCE,
  SILENCE_DURATIONS,
  type SilenceChecked,
  silenceBody,
  type SilenceDuration,
} from '../silence-form';

type SilenceErrors = Extract<SilenceChecked, { ok: false }>['errors'];

const LABELS = { endsAt: 'Silence until', comment: 'Comment' } as const;

/**
 * Silences a rule's notifications for a while, with a required comment saying why. Its
 * instances are still evaluated, shown and recorded.
 */
export function SilenceDialog({
  rule,
  open,
  onClose,
}: {
  rule: Pick<AlertRule, 'id' | 'name'>;
  open: boolean;
  onClose: () => void;
}) {
  const create = useCreateSilence();
  const [values, setValues] = useState(EMPTY_SILENCE);
  const [formErrors, setFormErrors] = useState<SilenceErrors>({});
  const errorOf = (field: 'endsAt' | 'comment') =>
    formErrors[field] ?? apiFieldError(create.error, field, LABELS[field]);
  const close = () => {
    create.reset();
    setValues(EMPTY_SILENCE);
    setFormErrors({});
    onClose();
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = silenceBody(rule.id, values, new Date());
    if (!checked.ok) {
      create.reset();
      setFormErrors(checked.errors);
      return;
    }
    setFormErrors({});
    create.mutate(checked.body, {
      onSuccess: () => {
        toast.success(`${rule.name} silenced until ${formatLocalTime(checked.body.endsAt)}`);
        close();
      },
    });
  }
  return (
    <Dialog open={open} title={`Silence ${rule.name}`} onClose={close}>
      <form onSubmit={submit} noValidate>
        <FormError error={create.error} />
        <p>
          Notifications are held back while the silence lasts; the rule is still evaluated and its
          state changes are recorded.
        </p>
        <fieldset className="form-fieldset">
          <legend>For</legend>
          {(Object.keys(SILENCE_DURATIONS) as SilenceDuration[]).map((duration) => (
            <label key={duration} className="alert-choice">
              <input
                type="radio"
                name="silence-duration"
                value={duration}
                checked={values.duration === duration}
                onChange={() => setValues((current) => ({ ...current, duration }))}
              />
              {SILENCE_DURATIONS[duration].label}
            </label>
          ))}
        </fieldset>
        {values.duration === 'custom' && (
          <TextField
            label={LABELS.endsAt}
            type="datetime-local"
            value={values.until}
            hint="In your time zone; it must be in the future."
            error={errorOf('endsAt')}
            onChange={(event) =>
              setValues((current) => ({ ...current, until: event.target.value }))
            }
          />
        )}
        {values.duration !== 'custom' && errorOf('endsAt') && (
          <p className="field__error">{errorOf('endsAt')}</p>
        )}
        <TextAreaField
          label={LABELS.comment}
          required
          rows={3}
          maxLength={1000}
          value={values.comment}
          hint="Why: the next admin sees it beside the silence."
          error={errorOf('comment')}
          onChange={(event) =>
            setValues((current) => ({ ...current, comment: event.target.value }))
          }
        />
        <FormActions
          submitLabel="Silence"
          pendingLabel="Silencing…"
          pending={create.isPending}
          onCancel={close}
        />
      </form>
    </Dialog>
  );
}
