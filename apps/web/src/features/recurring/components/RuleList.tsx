import { formatDay, formatMoney } from '../../../ui';
import type { RecurringRule } from '../api/get-recurring-rules';
import type { UpcomingOccurrence } from '../api/get-upcoming';
import { endText, scheduleText } from '../recurring-text';

/** Each rule with its schedule and amount, and its edit, pause/resume and skip-next buttons. */
export function RuleList({
  rules,
  nextOf,
  onEdit,
  onTogglePause,
  onSkip,
}: {
  rules: RecurringRule[];
  /** The rule's next occurrence that will be booked, when one is in the upcoming list. */
  nextOf: (rule: RecurringRule) => UpcomingOccurrence | undefined;
  onEdit: (rule: RecurringRule) => void;
  onTogglePause: (rule: RecurringRule) => void;
  onSkip: (occurrence: UpcomingOccurrence) => void;
}) {
  return (
    <ul className="recurring-rules">
      {rules.map((rule) => {
        const next = nextOf(rule);
        const ends = endText(rule);
        return (
          <li key={rule.id} className="recurring-rule" aria-label={rule.name}>
            <div className="recurring-rule__main">
              <h3>{rule.name}</h3>
              <p>
                {formatMoney(rule.amountCents, rule.currency)} {rule.type} · {scheduleText(rule)}
                {ends && ` · ${ends}`}
              </p>
              <p className="recurring-rule__status">
                {rule.paused
                  ? 'Paused'
                  : !rule.nextDueOn
                    ? 'Ended'
                    : next
                      ? `Next: ${formatDay(next.occursOn)}`
                      : 'Nothing due in the next 30 days'}
              </p>
            </div>
            <div className="recurring-rule__actions">
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Edit ${rule.name}`}
                onClick={() => onEdit(rule)}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button--ghost"
                aria-label={`${rule.paused ? 'Resume' : 'Pause'} ${rule.name}`}
                onClick={() => onTogglePause(rule)}
              >
                {rule.paused ? 'Resume' : 'Pause'}
              </button>
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Skip next ${rule.name}`}
                disabled={!next}
                onClick={() => next && onSkip(next)}
              >
                Skip next
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
