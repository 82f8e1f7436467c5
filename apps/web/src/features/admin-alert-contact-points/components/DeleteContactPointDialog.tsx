import { ConfirmDeleteDialog } from '../../../ui';
import { toast } from '../../toasts';
import { type ContactPoint, useDeleteContactPoint } from '../api/contact-point-queries';

/** Confirms deleting a contact point; the API refuses while enabled rules use it, naming them. */
export function DeleteContactPointDialog({
  contactPoint,
  onClose,
}: {
  contactPoint: ContactPoint | null;
  onClose: () => void;
}) {
  const remove = useDeleteContactPoint();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDeleteDialog
      open={contactPoint !== null}
      title={`Delete ${contactPoint?.name ?? ''}?`}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        contactPoint &&
        remove.mutate(contactPoint.id, {
          onSuccess: () => {
            toast.success(`${contactPoint.name} was deleted`);
            close();
          },
        })
      }
    >
      <p>
        Rules can no longer notify it. Its past deliveries stay in the alert history. A contact
        point that enabled rules still use cannot be deleted.
      </p>
    </ConfirmDeleteDialog>
  );
}
