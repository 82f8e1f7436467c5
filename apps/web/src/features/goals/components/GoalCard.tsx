import { formatDay, formatMoney } from '../../../ui';
import type { Account } from '../../../entities/accounts';
import type { Goal } from '../api/get-goals';
import { projectionText, savedOfTarget } from '../goal-text';

/**
 * A goal with its progress bar, what is saved of the target, what to save a month to reach it by
 * its date and when it is reached at the last three months' pace; "Reached" once it got there.
 */
export function GoalCard({
  goal,
  account,
  onEdit,
  onContribute,
}: {
  goal: Goal;
  /** The linked account, when the goal has one and it is known. */
  account: Account | undefined;
  onEdit: (goal: Goal) => void;
  onContribute: (goal: Goal) => void;
}) {
  const { progress } = goal;
  const text = savedOfTarget(goal);
  const money = (cents: string) => formatMoney(cents, goal.currency);
  return (
    <li className="goal-card card" aria-label={goal.name}>
      <div className="goal-card__head">
        <h3>{goal.name}</h3>
        {progress.reached && <span className="badge badge--success">Reached</span>}
      </div>
      <p className="goal-card__source text-muted">
        {goal.accountId
          ? `Follows ${account ? account.name : 'its account'}`
          : 'Fed by contributions'}
        {goal.targetDate && ` · by ${formatDay(goal.targetDate)}`}
      </p>
      <div
        className="goal-card__track"
        role="progressbar"
        aria-label={`${goal.name} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={text}
      >
        <div className="goal-card__fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="goal-card__saved">{text}</p>
      {progress.reached ? (
        <p className="goal-card__detail">
          Reached{goal.reachedOn && ` on ${formatDay(goal.reachedOn)}`}
        </p>
      ) : (
        <>
          {progress.neededPerMonthCents !== null && (
            <p className="goal-card__detail">
              Needed per month: {money(progress.neededPerMonthCents)}
            </p>
          )}
          <p className="goal-card__detail">{projectionText(goal)}</p>
        </>
      )}
      <div className="goal-card__actions">
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Edit ${goal.name}`}
          onClick={() => onEdit(goal)}
        >
          Edit
        </button>
        {!goal.accountId && (
          <button
            type="button"
            className="button button--ghost"
            aria-label={`Add money to ${goal.name}`}
            onClick={() => onContribute(goal)}
          >
            Add money
          </button>
        )}
      </div>
    </li>
  );
}
