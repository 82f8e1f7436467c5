import { isMonthKey } from '@ledgerlens/contracts';
import type { ChosenMonth } from '../hooks/use-chosen-month';
import { shiftMonth } from '../month';

/**
 * Previous and next month, and a month field for any past one; nothing after this month (in the
 * user's time zone) can be chosen.
 */
export function MonthPicker({ chosen }: { chosen: ChosenMonth }) {
  const { month, currentKey, isCurrent, choose } = chosen;
  return (
    <nav className="month-picker" aria-label="Month shown">
      <button
        type="button"
        className="button button--ghost"
        onClick={() => choose(shiftMonth(month.key, -1))}
      >
        <span aria-hidden="true">‹ </span>Previous month
      </button>
      <label className="month-picker__field">
        <span className="visually-hidden">Month</span>
        <input
          type="month"
          value={month.key}
          max={currentKey}
          onChange={(event) => {
            if (isMonthKey(event.target.value)) choose(event.target.value);
          }}
        />
      </label>
      <button
        type="button"
        className="button button--ghost"
        disabled={isCurrent}
        onClick={() => choose(shiftMonth(month.key, 1))}
      >
        Next month<span aria-hidden="true"> ›</span>
      </button>
      {!isCurrent && (
        <button type="button" className="button button--ghost" onClick={() => choose(currentKey)}>
          This month
        </button>
      )}
    </nav>
  );
}
