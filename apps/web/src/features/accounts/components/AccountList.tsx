import { Link } from 'react-router';
import type { Account } from '../../../entities/accounts';
import { formatDay, formatMoney } from '../../../ui';
import { accountTransactionsUrl, KIND_LABELS } from '../account-text';

export interface AccountActions {
  onEdit: (account: Account) => void;
  onReconcile: (account: Account) => void;
  onToggleArchived: (account: Account) => void;
  onDelete: (account: Account) => void;
}

/**
 * Each account with its kind, balance and last reconciliation; its name opens its transactions.
 * Archived accounts take no new entries, so they are not offered for reconciling.
 */
export function AccountList({
  accounts,
  onEdit,
  onReconcile,
  onToggleArchived,
  onDelete,
}: { accounts: readonly Account[] } & AccountActions) {
  return (
    <ul className="account-list">
      {accounts.map((account) => {
        const balance = BigInt(account.balanceCents);
        return (
          <li key={account.id} className="account" aria-label={account.name}>
            <div className="account__main">
              <h3 className="account__name">
                <Link to={accountTransactionsUrl(account.id)}>{account.name}</Link>
              </h3>
              <p className="account__facts">
                {KIND_LABELS[account.kind]} · {account.currency} ·{' '}
                {account.lastReconciledOn
                  ? `Reconciled on ${formatDay(account.lastReconciledOn)}`
                  : 'Never reconciled'}
              </p>
            </div>
            <p className={`account__balance${balance < 0n ? ' account-balance--negative' : ''}`}>
              <span className="visually-hidden">Balance </span>
              {formatMoney(balance, account.currency)}
            </p>
            <div className="account__actions">
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Edit ${account.name}`}
                onClick={() => onEdit(account)}
              >
                Edit
              </button>
              {!account.archived && (
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={`Reconcile ${account.name}`}
                  onClick={() => onReconcile(account)}
                >
                  Reconcile
                </button>
              )}
              <button
                type="button"
                className="button button--ghost"
                aria-label={`${account.archived ? 'Unarchive' : 'Archive'} ${account.name}`}
                onClick={() => onToggleArchived(account)}
              >
                {account.archived ? 'Unarchive' : 'Archive'}
              </button>
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Delete ${account.name}`}
                onClick={() => onDelete(account)}
              >
                Delete
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
