import { useId } from 'react';
import { TextField } from '../../../ui';

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A colour as a picker and as its hex code, kept in step. The text may hold a half-typed code;
 * the picker then keeps showing the last complete one.
 */
export function ColorField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (color: string) => void;
  error?: string;
}) {
  const pickerId = useId();
  const lastComplete = HEX_COLOR.test(value) ? value.toLowerCase() : undefined;
  return (
    <fieldset className="form-fieldset color-field">
      <legend>Colour</legend>
      <div className="color-field__controls">
        <label htmlFor={pickerId} className="visually-hidden">
          Pick a colour
        </label>
        <input
          id={pickerId}
          type="color"
          className="color-field__picker"
          value={lastComplete ?? '#64748b'}
          onChange={(event) => onChange(event.target.value)}
        />
        <TextField
          label="Hex code"
          value={value}
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          hint="Such as #22c55e"
          error={error}
          onChange={(event) => onChange(event.target.value.trim())}
        />
      </div>
    </fieldset>
  );
}
