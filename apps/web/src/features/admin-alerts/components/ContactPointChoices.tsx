import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../ui';
import { useContactPoints } from '../api/alert-queries';

const TYPES = { email: 'Email', webhook: 'Webhook', sms: 'SMS' } as const;

/** Which contact points a rule notifies: one checkbox each, with the API's message for the choice. */
export function ContactPointChoices({
  selected,
  error,
  onChange,
}: {
  selected: string[];
  error?: string;
  onChange: (ids: string[]) => void;
}) {
  const contactPoints = useContactPoints();
  const errorId = useId();
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...selected, id] : selected.filter((chosen) => chosen !== id));

  let choices;
  if (contactPoints.error) {
    choices = (
      <p className="field__error">
        The contact points could not be loaded: <ErrorMessage error={contactPoints.error} />
      </p>
    );
  } else if (!contactPoints.data) {
    choices = <p className="text-muted">Loading contact points…</p>;
  } else if (contactPoints.data.length === 0) {
    choices = (
      <p className="text-muted">
        No contact points yet: state changes are only recorded.{' '}
        <Link to="/admin/alerts/contact-points">Add a contact point</Link>
      </p>
    );
  } else {
    choices = (
      <ul className="alert-choices">
        {contactPoints.data.map((point) => (
          <li key={point.id}>
            <label className="alert-choice">
              <input
                type="checkbox"
                checked={selected.includes(point.id)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(event) => toggle(point.id, event.target.checked)}
              />
              <span>
                {point.name} <span className="text-muted">({TYPES[point.type]})</span>
                {point.disabled && (
                  <span className="alert-choice__warning">
                    {' '}
                    Disabled: {point.disabledReason ?? 'save it again to enable it'}
                  </span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <fieldset className={`form-fieldset${error ? ' field--invalid' : ''}`}>
      <legend>Contact points</legend>
      {choices}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
