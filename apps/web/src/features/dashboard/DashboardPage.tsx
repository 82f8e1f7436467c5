import { PageHeader } from '../../ui';
import { AccountBalances } from '../accounts';
import { useRecentTransactions } from './api/get-recent-transactions';
import { BudgetCards } from './components/BudgetCards';
import { BudgetHistory } from './components/BudgetHistory';
import { MonthOverview } from './components/MonthOverview';
import { MonthPicker } from './components/MonthPicker';
import { OverTime } from './components/OverTime';
import { RecentTransactions } from './components/RecentTransactions';
import { Welcome } from './components/Welcome';
import { useChosenMonth } from './hooks/use-chosen-month';
import { useLiveDashboard } from './hooks/use-live-dashboard';
import { useNewTransactionIds } from './hooks/use-new-transaction-ids';
import './dashboard.css';

/**
 * A month's money (this month in the user's time zone, or any past one from `?month=`), the
 * budgets, the latest transactions, the accounts' balances today, and the twelve months up to
 * it, live.
 */
export function DashboardPage() {
  const chosen = useChosenMonth();
  const { month, isCurrent } = chosen;
  // Unfiltered, the latest also tell whether the user has recorded anything at all.
  const latest = useRecentTransactions();
  const ofMonth = useRecentTransactions(isCurrent ? undefined : month);
  const newIds = useNewTransactionIds();
  useLiveDashboard();

  return (
    <section className="dashboard">
      <PageHeader title="Dashboard" />
      {latest.isSuccess && latest.data.total === 0 ? (
        <Welcome />
      ) : (
        <>
          <MonthPicker chosen={chosen} />
          <div className="dashboard__grid">
            <MonthOverview month={month} />
            {isCurrent && <BudgetCards />}
            <RecentTransactions
              recent={ofMonth}
              newIds={newIds}
              title={isCurrent ? 'Recent transactions' : `Transactions in ${month.name}`}
              emptyText={`Nothing recorded in ${month.name}.`}
            />
            <AccountBalances />
            <OverTime month={month} />
            <BudgetHistory month={month} />
          </div>
        </>
      )}
    </section>
  );
}
