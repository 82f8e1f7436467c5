import { useId } from 'react';
import type { KeyValueRow } from '../rule-form';

/**
 * Editable name/value pairs (labels, annotations): one row each, a row to add, a button to
 * remove. The API's message for the whole map shows under the rows.
 */
export function KeyValueRows({
  legend,
  noun,
  rows,
  hint,
  error,
  multiline = false,
  onChange,
}: {
  legend: string;
  /** "label": names the controls ("Label 1 name"). */
  noun: string;
  rows: KeyValueRow[];
  hint: string;
  error?: string;
  multiline?: boolean;
  onChange: (rows: KeyValueRow[]) => void;
}) {
  const errorId = useId();
  const change = (index: number, row: Partial<KeyValueRow>) =>
    onChange(rows.map((current, at) => (at === index ? { ...current, ...row } : current)));
  const Value = multiline ? 'textarea' : 'input';
  const capital = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <fieldset className={`form-fieldset alert-pairs${error ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      <p className="field__hint">{hint}</p>
      {rows.length > 0 && (
        <ul className="alert-pairs__list">
          {rows.map((row, index) => (
            <li key={index} className="alert-pairs__row">
              <input
                aria-label={`${capital} ${index + 1} name`}
                value={row.key}
                maxLength={100}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(event) => change(index, { key: event.target.value })}
              />
              <Value
                aria-label={`${capital} ${index + 1} value`}
                value={row.value}
                rows={multiline ? 2 : undefined}
                maxLength={multiline ? 2000 : 200}
                onChange={(event) => change(index, { value: event.target.value })}
              />
              <button
                type="button"
                className="button button--ghost"
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
              >
                Remove
                <span className="visually-hidden">
                  {' '}
                  {noun} {index + 1}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button--ghost"
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        Add {noun}
      </button>
    </fieldset>
  );
}
