import { type ChangeEvent, useId } from 'react';

/** The largest file the API imports. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The file input, with what is wrong with the chosen file next to it. */
export function FilePicker({
  problems,
  disabled,
  onChoose,
}: {
  /** Why the file cannot be read, in the API's words (or the size check's). */
  problems: string[];
  disabled: boolean;
  onChoose(file: File): void;
}) {
  const id = useId();
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onChoose(file);
  };
  return (
    <div className={`field${problems.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Bank export (CSV, up to 10 MB)</label>
      <input
        id={id}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        disabled={disabled}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={problems.length > 0 ? `${id}-error` : `${id}-hint`}
        onChange={change}
      />
      {problems.length > 0 ? (
        <div id={`${id}-error`} className="field__error" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : (
        <p id={`${id}-hint`} className="field__hint">
          UTF-8 or UTF-16 text. Delimiter, dates, decimals and columns are detected; you can change
          them in the preview.
        </p>
      )}
    </div>
  );
}
