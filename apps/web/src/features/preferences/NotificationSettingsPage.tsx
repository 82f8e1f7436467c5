import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { usePreferences } from '../../entities/preferences';
import { traceIdOf } from '../../lib/api-error';
import { type FormFields, refusalOf } from '../../lib/field-errors';
import { ErrorReference, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useSession } from '../session';
import { toast } from '../toasts';
import { useUpdatePreferences } from './api/update-preferences';
import { RegionalSettingsForm } from './components/RegionalSettingsForm';
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

/**
 * The user's settings: how they are told about their budgets (in the app always, by email if
 * they choose), and the currency, time zone, week and formats the app works in.
 */
export function NotificationSettingsPage() {
  const preferences = usePreferences();
  const email = useSession((state) => state.user?.email);

  if (preferences.isPending) {
    return (
      <SettingsFrame>
        <Skeleton label="Loading your settings" rows={2} />
      </SettingsFrame>
    );
  }
  if (preferences.isError) {
    return (
      <SettingsFrame>
        <ErrorState
          title="Your settings could not be loaded"
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
        />
      </SettingsFrame>
    );
  }
  return (
    <SettingsFrame>
      <section className="card" aria-labelledby="preferences-budget-alerts">
        <h2 id="preferences-budget-alerts" className="card__title">
          Budget alerts
        </h2>
        <BudgetEmailSwitch stored={preferences.data.budgetAlertEmails} email={email} />
      </section>
      <section className="card" aria-labelledby="preferences-regional">
        <h2 id="preferences-regional" className="card__title">
          Regional settings
        </h2>
        <RegionalSettingsForm stored={preferences.data} />
      </section>
    </SettingsFrame>
  );
}

/** The page around its state: its title, and the way to the notifications below. */
function SettingsFrame({ children }: { children: ReactNode }) {
  return (
    <section className="preferences-page">
      <PageHeader title="Settings" />
      {children}
      <p>
        <Link to="/notifications">See your notifications</Link>
      </p>
    </section>
  );
}
