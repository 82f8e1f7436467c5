import { useEffect, useRef } from 'react';
import { refusalOf } from '../lib/field-errors';
import { ErrorMessage } from './ErrorMessage';

/** Pieces every create/edit dialog shares. */

/**
 * The API's message for one field of a failed save, to show next to that field, worded after
 * its `label` ("Silence until must be in the future", not "endsAt must be…").
 */
export function apiFieldError(error: unknown, field: string, label: string): string | undefined {
  return refusalOf(error, { [field]: { label } }).fields[field];
}

/**
 * Why a save failed, at the top of the form (in a dialog, the top of its body), announced at
 * once and scrolled into view, ending with the request's reference. `message` says it in the
 * form's words when given; otherwise the error's own message shows.
 */
export function FormError({ error, message }: { error: unknown; message?: string }) {
  const banner = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView.
    if (error) banner.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <p ref={banner} role="alert" className="form-error">
      <ErrorMessage error={error} message={message} />
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
