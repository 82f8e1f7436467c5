import { useState } from 'react';
import { PageHeader } from '../../ui';
import { useRecentTransactions } from './api/get-recent-transactions';
import { BudgetCards } from './components/BudgetCards';
import { MonthOverview } from './components/MonthOverview';
import { RecentTransactions } from './components/RecentTransactions';
import { Welcome } from './components/Welcome';
import { useLiveDashboard } from './hooks/use-live-dashboard';
import { useNewTransactionIds } from './hooks/use-new-transaction-ids';
import { monthOf } from './month';
import './dashboard.css';

/** This month's money, the budgets closest to their limits, and the latest transactions, live. */
export function DashboardPage() {
  const [month] = useState(() => monthOf(new Date()));
  const recent = useRecentTransactions();
  const newIds = useNewTransactionIds();
  useLiveDashboard();

  return (
    <section className="dashboard">
      <PageHeader title="Dashboard" />
      {recent.isSuccess && recent.data.total === 0 ? (
        <Welcome />
      ) : (
        <div className="dashboard__grid">
          <MonthOverview month={month} />
          <BudgetCards />
          <RecentTransactions recent={recent} newIds={newIds} />
        </div>
      )}
    </section>
  );
}
