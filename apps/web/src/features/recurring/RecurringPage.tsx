import { useState } from 'react';
import { useCategories } from '../../entities/categories';
import { useDefaultCurrency } from '../../entities/preferences';
import { Dialog, EmptyState, ErrorState, formatDay, PageHeader, Skeleton } from '../../ui';
import { toast } from '../toasts';
import { type RecurringRule, useRecurringRules } from './api/get-recurring-rules';
import { type UpcomingOccurrence, useUpcoming } from './api/get-upcoming';
import { useSetRulePaused } from './api/set-rule-paused';
import { useSkipOccurrence } from './api/skip-occurrence';
import { RuleForm } from './components/RuleForm';
import { RuleList } from './components/RuleList';
import { UpcomingList } from './components/UpcomingList';
import './recurring.css';

/** The Upcoming list's reach: today and the next 29 days. */
const UPCOMING_DAYS = 30;

/** Which rule the form edits; `null` for a new one. */
type Editing = { rule: RecurringRule | null } | null;

const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Recurring rules (rent, salary, subscriptions): the list with pause/resume and skip-next, the
 * occurrences of the next 30 days, and creating and editing rules. A job books each occurrence's
 * transaction on its day.
 */
export function RecurringPage() {
  const rules = useRecurringRules();
  const upcoming = useUpcoming(UPCOMING_DAYS);
  const categories = useCategories();
  const defaultCurrency = useDefaultCurrency();
  const [editing, setEditing] = useState<Editing>(null);
  const setPaused = useSetRulePaused();
  const skip = useSkipOccurrence();
  const create = () => setEditing({ rule: null });
  const ready = rules.data && upcoming.data && categories.data && defaultCurrency.data;
  const error = rules.error ?? upcoming.error ?? categories.error ?? defaultCurrency.error;

  const retry = () => {
    for (const query of [rules, upcoming, categories, defaultCurrency]) {
      if (query.error) void query.refetch();
    }
  };
  const togglePause = (rule: RecurringRule) =>
    setPaused.mutate(
      { id: rule.id, paused: !rule.paused },
      {
        onSuccess: () => toast.success(`${rule.name} ${rule.paused ? 'resumed' : 'paused'}`),
        onError: (failure) => toast.error(`${rule.name} could not be changed`, failure),
      },
    );
  const skipOne = (occurrence: UpcomingOccurrence) =>
    skip.mutate(
      { ruleId: occurrence.ruleId, occursOn: occurrence.occursOn },
      {
        onSuccess: () =>
          toast.success(`${occurrence.name} on ${formatDay(occurrence.occursOn)} skipped`),
        onError: (failure) => toast.error(`${occurrence.name} could not be skipped`, failure),
      },
    );
  const nextOf = (rule: RecurringRule) =>
    upcoming.data?.find((occurrence) => occurrence.ruleId === rule.id && !occurrence.skipped);

  let content;
  if (error) {
    content = (
      <ErrorState title="Recurring rules could not be loaded" error={error} onRetry={retry} />
    );
  } else if (!ready) {
    content = <Skeleton label="Loading recurring rules" rows={4} />;
  } else if (rules.data.length === 0) {
    content = (
      <EmptyState title="No recurring rules yet">
        <p>A rule books a transaction for you on its days: rent, salary, subscriptions.</p>
        <button type="button" className="button" onClick={create}>
          Create a rule
        </button>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <section aria-labelledby="recurring-rules">
          <h2 id="recurring-rules">Rules</h2>
          <RuleList
            rules={rules.data}
            nextOf={nextOf}
            onEdit={(rule) => setEditing({ rule })}
            onTogglePause={togglePause}
            onSkip={skipOne}
          />
        </section>
        <section aria-labelledby="recurring-upcoming">
          <h2 id="recurring-upcoming">Upcoming, next 30 days</h2>
          <UpcomingList occurrences={upcoming.data} onSkip={skipOne} />
        </section>
      </>
    );
  }

  return (
    <section className="recurring-page">
      <PageHeader title="Recurring">
        <button type="button" className="button" onClick={create} disabled={!ready}>
          New rule
        </button>
      </PageHeader>
      {content}
      <Dialog
        open={editing !== null}
        title={editing?.rule ? `Edit ${editing.rule.name}` : 'New recurring rule'}
        onClose={() => setEditing(null)}
      >
        {editing && categories.data && defaultCurrency.data && (
          <RuleForm
            editing={editing.rule ?? undefined}
            categories={categories.data}
            today={todayOf(new Date())}
            defaultCurrency={defaultCurrency.data}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </section>
  );
}
