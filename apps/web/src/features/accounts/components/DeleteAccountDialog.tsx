import type { Account } from '../../../entities/accounts';
import { ConfirmDeleteDialog } from '../../../ui';
import { toast } from '../../toasts';
import { useDeleteAccount } from '../api/delete-account';

/**
 * Confirms deleting an account. The API deletes only an account nothing is booked to; otherwise
 * its refusal (archive it instead) shows in the dialog.
 */
export function DeleteAccountDialog({
  account,
  onClose,
}: {
  account: Account | null;
  onClose: () => void;
}) {
  const remove = useDeleteAccount();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDeleteDialog
      open={account !== null}
      title={`Delete ${account?.name ?? 'the account'}?`}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        account &&
        remove.mutate(account.id, {
          onSuccess: () => {
            toast.success(`${account.name} was deleted`);
            close();
          },
        })
      }
    >
      <p>
        Only an account without transactions or recurring rules can be deleted; archive one that has
        them to keep its history.
      </p>
    </ConfirmDeleteDialog>
  );
}
