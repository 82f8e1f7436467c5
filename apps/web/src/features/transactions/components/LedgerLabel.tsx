import { useAccounts } from '../../../entities/accounts';
import { useTransfer } from '../api/get-transfer';
import type { Transaction } from '../api/types';

/**
 * What a transfer's side or a reconciliation adjustment shows where an entry shows its
 * category: "Transfer to Savings", "Transfer from Everyday", "Reconciliation adjustment".
 */
export function LedgerLabel({ transaction }: { transaction: Transaction }) {
  const { type, transferId } = transaction;
  const transfer = useTransfer(
    type === 'transfer_out' || type === 'transfer_in' ? transferId : null,
  );
  const accounts = useAccounts();
  if (type === 'adjustment_in' || type === 'adjustment_out') {
    return <span className="category-chip category-chip--none">Reconciliation adjustment</span>;
  }
  const outgoing = type === 'transfer_out';
  const otherId = outgoing ? transfer.data?.toAccountId : transfer.data?.fromAccountId;
  const other = accounts.data?.find(({ id }) => id === otherId)?.name;
  const direction = outgoing ? 'Transfer to' : 'Transfer from';
  return (
    <span className="category-chip category-chip--none">
      {other ? `${direction} ${other}` : outgoing ? 'Transfer out' : 'Transfer in'}
    </span>
  );
}
