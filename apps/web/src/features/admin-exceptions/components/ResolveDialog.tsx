import { type FormEvent, useState } from 'react';
import { apiFieldError, Dialog, FormActions, FormError, TextAreaField } from '../../../ui';
import { toast } from '../../toasts';
import { useResolveException } from '../api/exception-actions';
import type { ExceptionGroup } from '../api/get-exception-groups';

/** Resolves a group with optional notes; it regresses if it occurs again. */
export function ResolveDialog({
  group,
  open,
  onClose,
}: {
  group: ExceptionGroup;
  open: boolean;
  onClose: () => void;
}) {
  const resolve = useResolveException();
  const [notes, setNotes] = useState('');
  const close = () => {
    resolve.reset();
    setNotes('');
    onClose();
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = notes.trim();
    resolve.mutate(
      { id: group.id, body: trimmed ? { notes: trimmed } : {} },
      {
        onSuccess: () => {
          toast.success('Exception group resolved');
          close();
        },
      },
    );
  }
  return (
    <Dialog open={open} title="Resolve this exception group" onClose={close}>
      <form onSubmit={submit} noValidate>
        <FormError error={resolve.error} />
        <p>If it occurs again it is marked as regressed and shows as unresolved.</p>
        <TextAreaField
          label="Notes (optional)"
          value={notes}
          rows={4}
          maxLength={2000}
          hint="What fixed it, for whoever sees it next."
          error={apiFieldError(resolve.error, 'notes', 'Notes')}
          onChange={(event) => setNotes(event.target.value)}
        />
        <FormActions
          submitLabel="Resolve"
          pendingLabel="Resolving…"
          pending={resolve.isPending}
          onCancel={close}
        />
      </form>
    </Dialog>
  );
}
