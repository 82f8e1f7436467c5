import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldFrameProps {
  label: string;
  /** The API's (or the form's) message for this field. */
  error?: string;
  hint?: string;
}

/**
 * A field's label, hint and message around its control(s). Exported for fields made of several
 * controls: `id` names the one the label points at, which takes `fieldDescribedBy` as well.
 */
export function FieldFrame({
  id,
  label,
  error,
  hint,
  children,
}: FieldFrameProps & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** What announces the control named `id` with its frame: the message, else the hint. */
export const fieldDescribedBy = (id: string, { error, hint }: Omit<FieldFrameProps, 'label'>) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

/** A labelled input whose error is announced with it (aria-invalid, aria-describedby). */
export function TextField({
  label,
  error,
  hint,
  ...input
}: FieldFrameProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { error, hint })}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled select, with the same error handling as TextField. */
export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: FieldFrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { error, hint })}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** A labelled multi-line input, with the same error handling as TextField. */
export function TextAreaField({
  label,
  error,
  hint,
  ...textarea
}: FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, { error, hint })}
        {...textarea}
      />
    </FieldFrame>
  );
}
