import { useMemo } from 'react';
import { ErrorState, Skeleton } from '../../../ui';
import { useTransactionHistory } from '../api/get-transaction-history';
import type { Category, RecordChange, Transaction } from '../api/types';
import { formatDateTime } from '../model/dates';
import { type ChangeContext, describeFieldChange } from '../model/describe-change';

/** Edits after creation that changed something visible (not the creation, not bookkeeping). */
const isEdit = (change: RecordChange) =>
  change.action === 'UPDATE' && !change.deleted && change.changes.length > 0;

/** Who changed what and when, newest first; loaded when the transaction is opened. */
export function ChangeHistory({
  transaction,
  categories,
}: {
  transaction: Transaction;
  categories: readonly Category[];
}) {
  const history = useTransactionHistory(transaction.id);
  const context = useMemo<ChangeContext>(
    () => ({
      currency: transaction.currency,
      categoriesById: new Map(categories.map((category) => [category.id, category])),
    }),
    [transaction.currency, categories],
  );

  if (history.isPending) return <Skeleton label="Loading the change history" rows={2} />;
  if (history.isError) {
    return (
      <ErrorState
        title="The change history could not be loaded"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  const edits = history.data.items.filter(isEdit).reverse();
  if (edits.length === 0)
    return <p className="change-history__none">No changes since it was created</p>;
  return (
    <ol className="change-history">
      {edits.map((edit) => (
        <li key={edit.id}>
          <p className="change-history__when">
            {formatDateTime(edit.changedAt)} by {edit.userEmail ?? 'the system'}
          </p>
          <ul>
            {edit.changes.map((fieldChange) => {
              const { label, from, to } = describeFieldChange(fieldChange, context);
              return (
                <li key={fieldChange.field}>
                  {label}: {from} → {to}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
