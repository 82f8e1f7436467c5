import { useState } from 'react';
import { useDefaultCurrency } from '../../entities/preferences';
import { formatSettings } from '../../lib/format-settings';
import { Dialog, EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useAccounts } from '../../entities/accounts';
import { type Goal, useGoals } from './api/get-goals';
import { ContributionForm } from './components/ContributionForm';
import { GoalCard } from './components/GoalCard';
import { GoalForm } from './components/GoalForm';
import './goals.css';

/** What a dialog is open for: a goal to create or edit, or money to add to one. */
type Open = { form: 'goal'; goal: Goal | null } | { form: 'contribution'; goal: Goal } | null;

/** Today in the user's time zone, `YYYY-MM-DD` (as the API counts it): the default day. */
const todayOf = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: formatSettings().timeZone }).format(now);

/**
 * Savings goals: each with its progress, what it needs per month and when it is reached at the
 * last three months' pace; creating and editing goals, and adding money to those without an
 * account.
 */
export function GoalsPage() {
  const goals = useGoals();
  const accounts = useAccounts();
  const defaultCurrency = useDefaultCurrency();
  const [open, setOpen] = useState<Open>(null);
  const create = () => setOpen({ form: 'goal', goal: null });
  const close = () => setOpen(null);
  const ready = goals.data && accounts.data && defaultCurrency.data;
  const error = goals.error ?? accounts.error ?? defaultCurrency.error;

  const retry = () => {
    for (const query of [goals, accounts, defaultCurrency]) if (query.error) void query.refetch();
  };

  let content;
  if (error) {
    content = <ErrorState title="Goals could not be loaded" error={error} onRetry={retry} />;
  } else if (!ready) {
    content = <Skeleton label="Loading goals" rows={3} />;
  } else if (goals.data.length === 0) {
    content = (
      <EmptyState title="No savings goals yet">
        <p>Save for a holiday, a bike or a rainy day: set a target, and a date if you like.</p>
        <button type="button" className="button" onClick={create}>
          Create a goal
        </button>
      </EmptyState>
    );
  } else {
    content = (
      <ul className="goal-grid">
        {goals.data.map((goal) => (
          <GoalCard
            key={goal.id}
            goal={goal}
            account={accounts.data.find((account) => account.id === goal.accountId)}
            onEdit={(editing) => setOpen({ form: 'goal', goal: editing })}
            onContribute={(fed) => setOpen({ form: 'contribution', goal: fed })}
          />
        ))}
      </ul>
    );
  }

  return (
    <section className="goals-page">
      <PageHeader title="Goals">
        <button type="button" className="button" onClick={create} disabled={!ready}>
          New goal
        </button>
      </PageHeader>
      {content}
      <Dialog
        open={open?.form === 'goal'}
        title={open?.goal ? `Edit ${open.goal.name}` : 'New savings goal'}
        onClose={close}
      >
        {open?.form === 'goal' && accounts.data && defaultCurrency.data && (
          <GoalForm
            editing={open.goal ?? undefined}
            accounts={accounts.data}
            defaultCurrency={defaultCurrency.data}
            onDone={close}
          />
        )}
      </Dialog>
      <Dialog
        open={open?.form === 'contribution'}
        title={open ? `Add money to ${open.goal?.name ?? ''}` : ''}
        onClose={close}
      >
        {open?.form === 'contribution' && (
          <ContributionForm goal={open.goal} today={todayOf(new Date())} onDone={close} />
        )}
      </Dialog>
    </section>
  );
}
