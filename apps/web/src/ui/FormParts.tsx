import { ApiError, errorMessageOf } from '../lib/api-error';

/** Pieces every create/edit dialog shares. */

/** The API's message for one field of a failed save, to show next to that field. */
export function apiFieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** Why a save failed, announced at once; the fields show their own messages as well. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="form-error">
      {errorMessageOf(error)}
    </p>
  );
}

/** Cancel and the submit button, which says what is happening while the request runs. */
export function FormActions({
  submitLabel,
  pendingLabel,
  pending,
  onCancel,
  danger = false,
  submitType = 'submit',
  onSubmit,
}: {
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  onCancel: () => void;
  danger?: boolean;
  submitType?: 'submit' | 'button';
  onSubmit?: () => void;
}) {
  return (
    <div className="form-actions">
      <button type="button" className="button button--ghost" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={submitType}
        className={`button${danger ? ' button--danger' : ''}`}
        disabled={pending}
        onClick={onSubmit}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}
