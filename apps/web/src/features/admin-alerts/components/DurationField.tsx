import { useId } from 'react';
import { FieldFrame, fieldDescribedBy } from '../../../ui';
import { type Duration, DURATION_UNITS, type DurationUnit } from '../rule-form';

const UNIT_NAMES: Record<DurationUnit, string> = {
  seconds: 'seconds',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
};

/** A duration typed as an amount in a chosen unit ("5 minutes"), with its message like any field. */
export function DurationField({
  label,
  value,
  error,
  hint,
  onChange,
}: {
  label: string;
  value: Duration;
  error?: string;
  hint?: string;
  onChange: (value: Duration) => void;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <div className="alert-duration">
        <input
          id={id}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={value.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(id, { error, hint })}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
        />
        <select
          aria-label={`${label}: unit`}
          value={value.unit}
          onChange={(event) => onChange({ ...value, unit: event.target.value as DurationUnit })}
        >
          {(Object.keys(DURATION_UNITS) as DurationUnit[]).map((unit) => (
            <option key={unit} value={unit}>
              {UNIT_NAMES[unit]}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}
