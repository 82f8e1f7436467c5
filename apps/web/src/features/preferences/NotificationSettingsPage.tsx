import { useId } from 'react';
import { Link } from 'react-router';
import { traceIdOf } from '../../lib/api-error';
import { type FormFields, refusalOf } from '../../lib/field-errors';
import { ErrorReference, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useSession } from '../session';
import { toast } from '../toasts';
import { usePreferences, useUpdatePreferences } from './api/preferences-queries';
import './preferences.css';

const FIELDS: FormFields<'budgetAlertEmails'> = {
  budgetAlertEmails: { label: 'Budget alert emails' },
};

/** Why the switch was not saved, in words: the API's message about it, or about the request. */
function refusalText(error: unknown): string {
  const refusal = refusalOf(error, FIELDS);
  return (refusal.fields.budgetAlertEmails ?? refusal.form).replace(/\.?$/, '.');
}

/**
 * The email switch, saved as soon as it is flipped. It shows the stored value, and while saving
 * the value being saved; a failed save puts it back and says why beside it.
 */
function BudgetEmailSwitch({ stored, email }: { stored: boolean; email: string | undefined }) {
  const update = useUpdatePreferences();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const save = (on: boolean) => {
    // Not `disabled` while saving: that would take the keyboard's focus away from the switch.
    if (update.isPending) return;
    update.mutate(
      { budgetAlertEmails: on },
      {
        onSuccess: (saved) =>
          toast.success(
            saved.budgetAlertEmails
              ? 'Budget alerts will be emailed to you too'
              : 'Budget alerts will no longer be emailed',
          ),
      },
    );
  };

  return (
    <div className="preference">
      <div className="preference__control">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="preference__switch"
          checked={update.isPending ? Boolean(update.variables.budgetAlertEmails) : stored}
          aria-describedby={update.isError ? `${hintId} ${errorId}` : hintId}
          aria-invalid={update.isError || undefined}
          aria-disabled={update.isPending || undefined}
          onChange={(event) => save(event.target.checked)}
        />
        <label htmlFor={id} className="preference__label">
          Email me when a budget crosses a threshold
        </label>
        {update.isPending && <span className="text-muted">Saving…</span>}
      </div>
      <p id={hintId} className="preference__hint">
        {email ? (
          <>
            Sent to <strong>{email}</strong>, the address you sign in with.
          </>
        ) : (
          'Sent to the address you sign in with.'
        )}{' '}
        Notifications in the app come either way.
      </p>
      {update.isError && (
        <p role="alert" className="form-error">
          <span id={errorId}>Your setting was not saved: {refusalText(update.error)}</span>{' '}
          <ErrorReference traceId={traceIdOf(update.error)} />
        </p>
      )}
    </div>
  );
}

/** How the user is told about their budgets: in the app always, by email if they choose. */
export function NotificationSettingsPage() {
  const preferences = usePreferences();
  const email = useSession((state) => state.user?.email);

  let content;
  if (preferences.isPending) content = <Skeleton label="Loading your settings" rows={2} />;
  else if (preferences.isError)
    content = (
      <ErrorState
        title="Your settings could not be loaded"
        error={preferences.error}
        onRetry={() => void preferences.refetch()}
      />
    );
  else content = <BudgetEmailSwitch stored={preferences.data.budgetAlertEmails} email={email} />;

  return (
    <section className="preferences-page">
      <PageHeader title="Notification settings" />
      <section className="card" aria-labelledby="preferences-budget-alerts">
        <h2 id="preferences-budget-alerts" className="card__title">
          Budget alerts
        </h2>
        {content}
      </section>
      <p>
        <Link to="/notifications">See your notifications</Link>
      </p>
    </section>
  );
}
