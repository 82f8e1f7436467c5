import { formatDay, formatMoney } from '../../../ui';
import type { Budget } from '../api/get-budgets';
import { PERIOD_LABELS, statusText } from '../budget-text';
import { BudgetProgress } from './BudgetProgress';
import '../budgets.css';

const SHORT_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

function Remaining({ budget }: { budget: Budget }) {
  // An exact decimal string: its sign is a leading minus, its size the digits after it.
  const over = budget.remainingCents.startsWith('-');
  const amount = formatMoney(budget.remainingCents.replace(/^-/, ''), budget.currency);
  return (
    <p className="budget-summary__remaining">
      {over ? `${amount} over the limit` : `${amount} left`}
    </p>
  );
}

/**
 * A budget's current period at a glance: what it watches, its status in colour and words, and
 * its progress. Used on the Budgets page and on the dashboard.
 */
export function BudgetSummary({ budget, name }: { budget: Budget; name: string }) {
  return (
    <div className="budget-summary">
      <div className="budget-summary__head">
        <h3>{name}</h3>
        <span className={`budget-status budget-status--${budget.status}`}>
          {statusText(budget)}
        </span>
      </div>
      <p className="budget-summary__period">
        {PERIOD_LABELS[budget.period]} · {formatDay(budget.periodStart, SHORT_DAY)} –{' '}
        {formatDay(budget.periodEnd, SHORT_DAY)}
      </p>
      <BudgetProgress budget={budget} name={name} />
      <Remaining budget={budget} />
    </div>
  );
}
