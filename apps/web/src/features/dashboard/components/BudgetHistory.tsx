import { Link } from 'react-router';
import { EmptyState, ErrorState, formatDay, formatMoney, Skeleton } from '../../../ui';
import { spentOfLimit, useBudgetViews } from '../../budgets';
import {
  type BudgetPeriodResult,
  type BudgetPeriods,
  useBudgetPeriods,
} from '../api/get-budget-periods';
import { type Month, shortMonthName } from '../month';

/** A budget with the name of what it watches, as the budgets feature names it. */
type BudgetView = NonNullable<ReturnType<typeof useBudgetViews>['data']>['budgets'][number];

/** How many periods each budget shows, ending with the one the chosen month ends in. */
export const PERIODS_SHOWN = 6;

const DAY_IN_YEAR: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };

/** "Nov 2026", "2026", or "Nov 23 – Nov 29" for a week. */
function periodName(budget: BudgetPeriods, { periodStart, periodEnd }: BudgetPeriodResult) {
  if (budget.period === 'monthly') return shortMonthName(periodStart.slice(0, 7), true);
  if (budget.period === 'yearly') return periodStart.slice(0, 4);
  return `${formatDay(periodStart, DAY_IN_YEAR)} – ${formatDay(periodEnd, DAY_IN_YEAR)}`;
}

function ResultTable({
  budget,
  name,
  month,
}: {
  budget: BudgetPeriods;
  name: string;
  month: Month;
}) {
  const shown = budget.periods
    .filter((period) => period.periodStart <= month.to)
    .slice(0, PERIODS_SHOWN);
  if (shown.length === 0) return <p>Not started by the end of {month.name}.</p>;
  return (
    <table className="budget-results__table">
      <caption className="visually-hidden">{name}: spending in each period</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Spent of limit</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((period) => (
          <tr
            key={period.periodStart}
            className={period.over ? 'budget-results__row--over' : undefined}
          >
            <th scope="row">
              {periodName(budget, period)}
              {period.current && <span className="budget-results__now"> (so far)</span>}
            </th>
            <td>
              {spentOfLimit(
                period.spentCents,
                budget.limitCents,
                period.percentUsed,
                budget.currency,
              )}
            </td>
            <td>
              {period.over
                ? `Over by ${formatMoney(BigInt(period.remainingCents) * -1n, budget.currency)}`
                : 'Within'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BudgetResults({ views, month }: { views: BudgetView[]; month: Month }) {
  const periods = useBudgetPeriods(views.map(({ budget }) => budget.id));
  return (
    <ul className="budget-results">
      {views.map((view, index) => {
        const query = periods[index];
        return (
          <li key={view.budget.id} className="budget-results__budget">
            <h3>{view.name}</h3>
            {!query || query.isPending ? (
              <Skeleton label={`Loading the periods of ${view.name}`} rows={2} />
            ) : query.isError ? (
              <ErrorState
                title={`The periods of ${view.name} could not be loaded`}
                error={query.error}
                onRetry={() => void query.refetch()}
              />
            ) : (
              <ResultTable budget={query.data} name={view.name} month={month} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Each budget's result in its latest periods up to the chosen month, the over ones marked. */
export function BudgetHistory({ month }: { month: Month }) {
  const views = useBudgetViews();
  return (
    <section
      className="dashboard__panel dashboard__budget-results"
      aria-labelledby="dashboard-budget-results"
    >
      <h2 id="dashboard-budget-results">Budget results to {month.name}</h2>
      {views.error ? (
        <ErrorState
          title="Budget results could not be loaded"
          error={views.error}
          onRetry={views.retry}
        />
      ) : !views.data ? (
        <Skeleton label="Loading budget results" rows={3} />
      ) : views.data.budgets.length === 0 ? (
        <EmptyState title="No budgets yet">
          <Link to="/budgets">Create a budget</Link>
        </EmptyState>
      ) : (
        <BudgetResults views={views.data.budgets} month={month} />
      )}
    </section>
  );
}
