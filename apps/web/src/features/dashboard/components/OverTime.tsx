import { useState } from 'react';
import { EmptyState, ErrorState, Skeleton } from '../../../ui';
import { useCategoryMonths } from '../api/get-category-months';
import { useMonthlyTotals } from '../api/get-monthly-totals';
import { type Month, shiftMonth } from '../month';
import { categoryTrend, currenciesOf, incomeSpendingRows } from '../over-time';
import { CategoryTrendChart } from './CategoryTrendChart';
import { IncomeSpendingChart } from './IncomeSpendingChart';

/** How many months the charts cover, ending with the chosen one. */
export const TREND_MONTHS = 12;

function Trends({ month, rangeName }: { month: Month; rangeName: string }) {
  const range = { from: shiftMonth(month.key, 1 - TREND_MONTHS), to: month.key };
  const totals = useMonthlyTotals(range);
  const categories = useCategoryMonths(range);
  const [picked, setPicked] = useState<string | null>(null);

  if (totals.isPending || categories.isPending) {
    return (
      <div className="over-time-placeholder">
        <Skeleton label={`Loading ${rangeName}`} rows={6} />
      </div>
    );
  }
  if (totals.isError || categories.isError) {
    const failed = totals.isError ? totals : categories;
    return (
      <ErrorState
        title={`${rangeName} could not be summed up`}
        error={failed.error}
        onRetry={() => void failed.refetch()}
      />
    );
  }
  const currencies = currenciesOf(totals.data, categories.data);
  if (currencies.length === 0) {
    return <EmptyState title={`Nothing recorded in these ${TREND_MONTHS} months`} />;
  }
  // Amounts in different currencies never add up: the charts show one currency at a time.
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] as string);
  const trend = categoryTrend(categories.data, currency);
  return (
    <>
      {currencies.length > 1 && (
        <label className="over-time__currency">
          Currency{' '}
          <select value={currency} onChange={(event) => setPicked(event.target.value)}>
            {currencies.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
      )}
      <h3>Income and spending</h3>
      <IncomeSpendingChart
        rows={incomeSpendingRows(totals.data, currency)}
        currency={currency}
        rangeName={rangeName}
      />
      <h3>Spending by category</h3>
      {trend.series.length === 0 ? (
        <p>
          No spending in {currency} in these {TREND_MONTHS} months.
        </p>
      ) : (
        <CategoryTrendChart {...trend} currency={currency} rangeName={rangeName} />
      )}
    </>
  );
}

/** The twelve months up to the chosen one: income against spending, and where it went. */
export function OverTime({ month }: { month: Month }) {
  const rangeName = `${TREND_MONTHS} months to ${month.name}`;
  return (
    <section className="dashboard__over-time" aria-labelledby="dashboard-over-time">
      <h2 id="dashboard-over-time">{rangeName}</h2>
      <Trends month={month} rangeName={rangeName} />
    </section>
  );
}
