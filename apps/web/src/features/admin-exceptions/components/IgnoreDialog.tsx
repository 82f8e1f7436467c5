import { type FormEvent, useState } from 'react';
import { apiFieldError, Dialog, FormActions, FormError, TextField } from '../../../ui';
import { toast } from '../../toasts';
import { useIgnoreException } from '../api/exception-actions';
import type { ExceptionGroup } from '../api/get-exception-groups';
import {
  type IgnoreChecked,
  ignoreBody,
  type IgnoreFormValues,
  type IgnoreMode,
} from '../ignore-form';

const EMPTY: IgnoreFormValues = { mode: 'untilChanged', until: '', untilCount: '' };

const MODES: Record<IgnoreMode, string> = {
  untilChanged: 'Until someone changes its status',
  untilTime: 'Until a date and time',
  untilCount: 'For a number of further occurrences',
};

const LABELS = { until: 'Ignore until', untilCount: 'Further occurrences' } as const;

/** Ignores a group: it is still counted, and comes back when the chosen limit is reached. */
export function IgnoreDialog({
  group,
  open,
  onClose,
}: {
  group: ExceptionGroup;
  open: boolean;
  onClose: () => void;
}) {
  const ignore = useIgnoreException();
  const [values, setValues] = useState(EMPTY);
  const [formErrors, setFormErrors] = useState<Extract<IgnoreChecked, { ok: false }>['errors']>({});
  const errorOf = (field: 'until' | 'untilCount') =>
    formErrors[field] ?? apiFieldError(ignore.error, field, LABELS[field]);
  const close = () => {
    ignore.reset();
    setValues(EMPTY);
    setFormErrors({});
    onClose();
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = ignoreBody(values);
    if (!checked.ok) {
      ignore.reset();
      setFormErrors(checked.errors);
      return;
    }
    setFormErrors({});
    ignore.mutate(
      { id: group.id, body: checked.body },
      {
        onSuccess: () => {
          toast.success('Exception group ignored');
          close();
        },
      },
    );
  }
  return (
    <Dialog open={open} title="Ignore this exception group" onClose={close}>
      <form onSubmit={submit} noValidate>
        <FormError error={ignore.error} />
        <p>
          Occurrences are still counted; the group returns to unresolved when the limit is reached.
        </p>
        <fieldset className="exception-ignore__modes">
          <legend>Ignore it</legend>
          {(Object.keys(MODES) as IgnoreMode[]).map((mode) => (
            <label key={mode} className="exception-ignore__mode">
              <input
                type="radio"
                name="ignore-mode"
                value={mode}
                checked={values.mode === mode}
                onChange={() => setValues((current) => ({ ...current, mode }))}
              />
              {MODES[mode]}
            </label>
          ))}
        </fieldset>
        {values.mode === 'untilTime' && (
          <TextField
            label={LABELS.until}
            type="datetime-local"
            value={values.until}
            hint="In your time zone; it must be in the future."
            error={errorOf('until')}
            onChange={(event) =>
              setValues((current) => ({ ...current, until: event.target.value }))
            }
          />
        )}
        {values.mode === 'untilCount' && (
          <TextField
            label={LABELS.untilCount}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={values.untilCount}
            hint="A whole number from 1."
            error={errorOf('untilCount')}
            onChange={(event) =>
              setValues((current) => ({ ...current, untilCount: event.target.value }))
            }
          />
        )}
        <FormActions
          submitLabel="Ignore"
          pendingLabel="Ignoring…"
          pending={ignore.isPending}
          onCancel={close}
        />
      </form>
    </Dialog>
  );
}
