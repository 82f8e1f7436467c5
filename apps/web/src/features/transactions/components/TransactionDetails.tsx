import type { Category, Transaction } from '../api/types';
import { formatDateTime } from '../model/dates';
import { ChangeHistory } from './ChangeHistory';

interface Props {
  id: string;
  transaction: Transaction;
  categories: readonly Category[];
  /** Absent for a transfer's side or an adjustment: not income or spending to edit here. */
  onEdit?: () => void;
  onDelete: () => void;
}

/** The opened transaction: notes, when it was entered and changed, its history, its actions. */
export function TransactionDetails({ id, transaction, categories, onEdit, onDelete }: Props) {
  return (
    <div id={id} className="transaction__details">
      <dl className="transaction__facts">
        <dt>Notes</dt>
        <dd className={transaction.notes ? undefined : 'transaction__muted'}>
          {transaction.notes || 'No notes'}
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(transaction.createdAt)}</dd>
        <dt>Last updated</dt>
        <dd>{formatDateTime(transaction.updatedAt)}</dd>
      </dl>
      <h3 className="transaction__subheading">Change history</h3>
      <ChangeHistory transaction={transaction} categories={categories} />
      <div className="transaction__actions">
        {onEdit && (
          <button type="button" className="button button--ghost" onClick={onEdit}>
            Edit
          </button>
        )}
        <button type="button" className="button button--danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
