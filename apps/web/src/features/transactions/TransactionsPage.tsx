import { DEFAULT_PREFERENCES } from '@ledgerlens/contracts';
import { useMemo, useState } from 'react';
import { ApiError } from '../../lib/api-error';
import { EmptyState, ErrorState, focusPageHeading, Skeleton } from '../../ui';
import { useAccounts } from '../../entities/accounts';
import { useCategories } from '../../entities/categories';
import { usePreferences } from '../../entities/preferences';
import { useCategoriesInUse } from './api/get-categories-in-use';
import { useTransactions } from './api/get-transactions';
import type { Transaction } from './api/types';
import { type FormTarget, TransactionFormDialog } from './components/TransactionFormDialog';
import { MatchingTotals } from './components/MatchingTotals';
import { TransactionFilters } from './components/TransactionFilters';
import { TransactionResults } from './components/TransactionResults';
import { useDeleteWithUndo } from './hooks/use-delete-with-undo';
import { useLiveTransactions } from './hooks/use-live-transactions';
import { useOpenedTransaction } from './hooks/use-opened-transaction';
import { useTransactionFilters } from './hooks/use-transaction-filters';
import { filterCategoriesOf } from './model/filter-categories';
import { groupByDay, uniqueById } from './model/group-by-day';
import './transactions.css';

const NO_CATEGORIES: never[] = [];
const NO_ACCOUNTS: never[] = [];

/**
 * The currency of the transaction entered last, which a new one most likely shares; before the
 * first, the user's default currency.
 */
function lastUsedCurrency(transactions: readonly Transaction[], defaultCurrency: string): string {
  const latest = transactions.reduce<Transaction | undefined>(
    (found, transaction) =>
      !found || transaction.createdAt > found.createdAt ? transaction : found,
    undefined,
  );
  return latest?.currency ?? defaultCurrency;
}

/** Transactions by day, filtered through the URL, with add, edit, delete-with-undo and live updates. */
export function TransactionsPage() {
  const { values, errors, filters, isFiltered, changeFilters, clearFilters } =
    useTransactionFilters();
  const query = useTransactions(filters);
  const categories = useCategories().data ?? NO_CATEGORIES;
  const accounts = useAccounts().data ?? NO_ACCOUNTS;
  // Until the preferences arrive, those every user starts with (as for formatting).
  const preferences = usePreferences().data ?? DEFAULT_PREFERENCES;
  const categoriesInUse = useCategoriesInUse().data?.items ?? NO_CATEGORIES;
  const filterCategories = useMemo(
    () => filterCategoriesOf(categories, categoriesInUse),
    [categories, categoriesInUse],
  );
  const { hiddenIds, remove } = useDeleteWithUndo();
  const { newIds, createdHere } = useLiveTransactions();
  const { openedId, forget: forgetOpened } = useOpenedTransaction();
  const [formTarget, setFormTarget] = useState<FormTarget>(null);

  const loaded = useMemo(
    () => uniqueById(query.data?.pages.flatMap((page) => page.items) ?? []),
    [query.data],
  );
  const visible = useMemo(() => loaded.filter(({ id }) => !hiddenIds.has(id)), [loaded, hiddenIds]);
  const groups = useMemo(() => groupByDay(visible), [visible]);
  const total = (query.data?.pages.at(-1)?.total ?? 0) - (loaded.length - visible.length);

  const addTransaction = () => setFormTarget({ mode: 'create' });

  function results() {
    if (query.data) {
      if (visible.length > 0) {
        return (
          <>
            {isFiltered && <MatchingTotals filters={filters} />}
            <TransactionResults
              query={query}
              groups={groups}
              shown={visible.length}
              total={total}
              categories={categories}
              newIds={newIds}
              openedId={openedId}
              onOpened={forgetOpened}
              onEdit={(transaction) => setFormTarget({ mode: 'edit', transaction })}
              onDelete={(transaction) => {
                remove(transaction);
                // Its Delete button went with it.
                focusPageHeading();
              }}
            />
          </>
        );
      }
      return isFiltered ? (
        <EmptyState title="Nothing matches these filters">
          <button type="button" className="button" onClick={clearFilters}>
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <EmptyState title="No transactions yet">
          <p>Record what you spend and earn to see it here, day by day.</p>
          <button type="button" className="button" onClick={addTransaction}>
            Add your first transaction
          </button>
        </EmptyState>
      );
    }
    if (query.isError) {
      return (
        <ErrorState
          title="Transactions could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      );
    }
    return <Skeleton label="Loading transactions" rows={6} />;
  }

  return (
    <div className="transactions-page">
      <header className="transactions-page__header">
        <h1 tabIndex={-1}>Transactions</h1>
        <button type="button" className="button" onClick={addTransaction}>
          Add transaction
        </button>
      </header>
      <TransactionFilters
        values={values}
        errors={errors}
        isFiltered={isFiltered}
        categories={filterCategories}
        accounts={accounts}
        listError={query.error instanceof ApiError ? query.error : null}
        calendar={preferences}
        onChange={changeFilters}
        onClear={clearFilters}
      />
      {results()}
      <TransactionFormDialog
        target={formTarget}
        categories={categories}
        accounts={accounts}
        defaultCurrency={lastUsedCurrency(loaded, preferences.defaultCurrency)}
        onClose={() => setFormTarget(null)}
        onCreated={(transaction) => createdHere(transaction.id)}
      />
    </div>
  );
}
