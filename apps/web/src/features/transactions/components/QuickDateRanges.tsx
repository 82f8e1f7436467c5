import type { DateRange } from '../../../lib/date-ranges';
import { type CalendarSettings, quickRangesAt } from '../model/quick-ranges';

const NO_DATES: DateRange = { from: '', to: '' };

/**
 * "This week", "This month" and "Last month" as one-click date filters, in the user's time zone
 * and from their first day of the week. The range the dates match is pressed; pressing it again
 * clears the dates.
 */
export function QuickDateRanges({
  from,
  to,
  calendar,
  onPick,
}: {
  from: string;
  to: string;
  calendar: CalendarSettings;
  onPick: (range: DateRange) => void;
}) {
  return (
    <div className="quick-date-ranges" role="group" aria-label="Quick date ranges">
      {quickRangesAt(new Date(), calendar).map(({ label, range }) => {
        const active = range.from === from && range.to === to;
        return (
          <button
            key={label}
            type="button"
            className={`button ${active ? '' : 'button--ghost'}`}
            aria-pressed={active}
            onClick={() => onPick(active ? NO_DATES : range)}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
