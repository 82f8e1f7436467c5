import { Link } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '../../../ui';
import { useMonthSummary } from '../api/get-month-summary';
import type { Month } from '../month';
import { MonthTotals } from './MonthTotals';
import { SpendingByCategory } from './SpendingByCategory';

function MonthFigures({ month }: { month: Month }) {
  const summary = useMonthSummary(month);
  if (summary.isPending) {
    // As tall as the figures it stands for (cards, then the chart), so nothing below moves.
    return (
      <div className="month-figures-placeholder">
        <Skeleton label={`Loading ${month.name}`} rows={4} />
      </div>
    );
  }
  if (summary.isError) {
    return (
      <ErrorState
        title={`${month.name} could not be summed up`}
        error={summary.error}
        onRetry={() => void summary.refetch()}
      />
    );
  }
  const { totals, spending } = summary.data;
  if (totals.length === 0) {
    return (
      <EmptyState title={`Nothing recorded in ${month.name} yet`}>
        <Link to="/transactions">Add a transaction</Link>
      </EmptyState>
    );
  }
  return (
    <>
      <MonthTotals totals={totals} />
      <h3>Spending by category</h3>
      {spending.length === 0 && <p>No spending in {month.name} yet.</p>}
      {spending.map((ofCurrency) => (
        <SpendingByCategory
          key={ofCurrency.currency}
          spending={ofCurrency}
          monthName={month.name}
          namesCurrency={spending.length > 1}
        />
      ))}
    </>
  );
}

/** This month's totals and where the money went. */
export function MonthOverview({ month }: { month: Month }) {
  return (
    <section className="dashboard__month" aria-labelledby="dashboard-month">
      <h2 id="dashboard-month">{month.name}</h2>
      <MonthFigures month={month} />
    </section>
  );
}
