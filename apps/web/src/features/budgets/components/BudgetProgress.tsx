import type { Budget } from '../api/get-budgets';
import { formatPercent, spentOfLimit } from '../budget-text';

/**
 * Spending against the limit, with a mark at each alert threshold. The scale reaches the highest
 * threshold when one lies above 100 %, so every mark is on the bar; beyond it the bar is full.
 */
export function BudgetProgress({ budget, name }: { budget: Budget; name: string }) {
  const thresholds = budget.alertThresholds;
  const scaleMax = Math.max(100, ...thresholds);
  const shown = Math.min(budget.percentUsed, scaleMax);
  const position = (percent: number) => `${(percent / scaleMax) * 100}%`;
  const text = spentOfLimit(
    budget.spentCents,
    budget.limitCents,
    budget.percentUsed,
    budget.currency,
  );
  return (
    <div className={`budget-progress budget-progress--${budget.status}`}>
      <div
        className="budget-progress__track"
        role="progressbar"
        aria-label={`${name} spending`}
        aria-valuemin={0}
        aria-valuemax={scaleMax}
        aria-valuenow={shown}
        aria-valuetext={text}
      >
        <div className="budget-progress__fill" style={{ width: position(shown) }} />
        {thresholds.map((threshold) => (
          <span
            key={threshold}
            className="budget-progress__mark"
            style={{ left: position(threshold) }}
          />
        ))}
      </div>
      <p className="budget-progress__text">{text}</p>
      <p className="budget-progress__thresholds">
        Alerts at {thresholds.map(formatPercent).join(', ')}
      </p>
    </div>
  );
}
