import { EmptyState, formatDay, formatMoney } from '../../../ui';
import type { UpcomingOccurrence } from '../api/get-upcoming';

/** The occurrences of the coming days, by day; skipped ones say so, the others can be skipped. */
export function UpcomingList({
  occurrences,
  onSkip,
}: {
  occurrences: UpcomingOccurrence[];
  onSkip: (occurrence: UpcomingOccurrence) => void;
}) {
  if (occurrences.length === 0) {
    return <EmptyState title="Nothing is due in the next 30 days" />;
  }
  return (
    <ol className="recurring-upcoming">
      {occurrences.map((occurrence) => (
        <li
          key={`${occurrence.ruleId}/${occurrence.occursOn}`}
          className="recurring-upcoming__item"
        >
          <span className="recurring-upcoming__day">{formatDay(occurrence.occursOn)}</span>
          <span>{occurrence.name}</span>
          <span>
            {occurrence.type === 'income' ? '+' : '−'}
            {formatMoney(occurrence.amountCents, occurrence.currency)}
          </span>
          {occurrence.skipped ? (
            <span className="recurring-upcoming__skipped">Skipped</span>
          ) : (
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Skip ${occurrence.name} on ${formatDay(occurrence.occursOn)}`}
              onClick={() => onSkip(occurrence)}
            >
              Skip
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
