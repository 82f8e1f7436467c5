import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormActions, FormError } from './FormParts';

/** Asks before deleting, says what deleting does, and keeps the dialog open if it fails. */
export function ConfirmDeleteDialog({
  open,
  title,
  children,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  /** What deleting means for the user's data. */
  children: ReactNode;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <FormError error={error} />
      {children}
      <FormActions
        submitLabel="Delete"
        pendingLabel="Deleting…"
        pending={pending}
        danger
        submitType="button"
        onSubmit={onConfirm}
        onCancel={onClose}
      />
    </Dialog>
  );
}
