import { useState } from 'react';
import { type Account, useAccounts } from '../../entities/accounts';
import { useDefaultCurrency } from '../../entities/preferences';
import { todayIso } from '../../lib/today';
import { Dialog, EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { toast } from '../toasts';
import { useSaveAccount } from './api/save-account';
import { type AccountActions, AccountList } from './components/AccountList';
import { AccountForm } from './components/AccountForm';
import { CurrencyTotals } from './components/CurrencyTotals';
import { DeleteAccountDialog } from './components/DeleteAccountDialog';
import { ReconcileForm } from './components/ReconcileForm';
import { TransferForm } from './components/TransferForm';
import './accounts.css';

/** Which account the form edits; `null` for a new one. */
type Editing = { account: Account | null } | null;

/**
 * The user's accounts, open ones with their totals per currency and archived ones apart:
 * creating, editing, archiving and deleting them. An account's name opens its transactions.
 */
export function AccountsPage() {
  const accounts = useAccounts();
  const defaultCurrency = useDefaultCurrency();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Account | null>(null);
  const [reconciling, setReconciling] = useState<Account | null>(null);
  const [transferring, setTransferring] = useState(false);
  const archive = useSaveAccount();
  const create = () => setEditing({ account: null });
  const ready = accounts.data && defaultCurrency.data;
  const error = accounts.error ?? defaultCurrency.error;
  const open = accounts.data?.filter(({ archived }) => !archived) ?? [];

  const retry = () => {
    for (const query of [accounts, defaultCurrency]) if (query.error) void query.refetch();
  };
  const actions: AccountActions = {
    onEdit: (account) => setEditing({ account }),
    onReconcile: setReconciling,
    onDelete: setDeleting,
    onToggleArchived: (account) =>
      archive.mutate(
        { id: account.id, changes: { archived: !account.archived } },
        {
          onSuccess: () =>
            toast.success(`${account.name} ${account.archived ? 'unarchived' : 'archived'}`),
          onError: (failure) => toast.error(`${account.name} could not be changed`, failure),
        },
      ),
  };

  let content;
  if (error) {
    content = <ErrorState title="Accounts could not be loaded" error={error} onRetry={retry} />;
  } else if (!ready) {
    content = <Skeleton label="Loading accounts" rows={4} />;
  } else if (accounts.data.length === 0) {
    content = (
      <EmptyState title="No accounts yet">
        <p>Add your bank accounts, cards and cash to see what each holds.</p>
        <button type="button" className="button" onClick={create}>
          Add an account
        </button>
      </EmptyState>
    );
  } else {
    const archived = accounts.data.filter(({ archived }) => archived);
    content = (
      <>
        <section aria-labelledby="accounts-open">
          <h2 id="accounts-open">Open accounts</h2>
          {open.length === 0 ? (
            <p>Every account is archived.</p>
          ) : (
            <>
              <AccountList accounts={open} {...actions} />
              <CurrencyTotals accounts={open} />
            </>
          )}
        </section>
        {archived.length > 0 && (
          <section aria-labelledby="accounts-archived">
            <h2 id="accounts-archived">Archived</h2>
            <AccountList accounts={archived} {...actions} />
          </section>
        )}
      </>
    );
  }

  return (
    <section className="accounts-page">
      <PageHeader title="Accounts">
        <div className="accounts-page__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => setTransferring(true)}
            disabled={open.length < 2}
          >
            Transfer
          </button>
          <button type="button" className="button" onClick={create} disabled={!ready}>
            New account
          </button>
        </div>
      </PageHeader>
      {content}
      <Dialog
        open={editing !== null}
        title={editing?.account ? `Edit ${editing.account.name}` : 'New account'}
        onClose={() => setEditing(null)}
      >
        {editing && defaultCurrency.data && (
          <AccountForm
            editing={editing.account ?? undefined}
            defaultCurrency={defaultCurrency.data}
            today={todayIso()}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <Dialog open={transferring} title="Transfer" onClose={() => setTransferring(false)}>
        {transferring && (
          <TransferForm accounts={open} today={todayIso()} onDone={() => setTransferring(false)} />
        )}
      </Dialog>
      <Dialog
        open={reconciling !== null}
        title={`Reconcile ${reconciling?.name ?? ''}`}
        onClose={() => setReconciling(null)}
      >
        {reconciling && (
          <ReconcileForm
            account={reconciling}
            today={todayIso()}
            onDone={() => setReconciling(null)}
          />
        )}
      </Dialog>
      <DeleteAccountDialog account={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}
