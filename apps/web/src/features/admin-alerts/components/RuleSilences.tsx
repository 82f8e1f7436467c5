import { errorMessageOf } from '../../../lib/api-error';
import { formatLocalTime, LocalTime } from '../../../ui';
import { toast } from '../../toasts';
import { useExpireSilence } from '../api/alert-actions';
import type { Silence } from '../api/alert-queries';

/** The silences holding back a rule's notifications now, each with a way to end it. */
export function RuleSilences({ silences }: { silences: Silence[] }) {
  const expire = useExpireSilence();
  if (silences.length === 0) {
    return <p className="text-muted">No silence holds back its notifications.</p>;
  }
  return (
    <ul className="alert-silences">
      {silences.map((silence) => (
        <li key={silence.id} className="alert-silences__item">
          <div>
            <p className="alert-silences__until">
              Until <LocalTime iso={silence.endsAt} />
              {silence.matchers.length > 0 && (
                <span className="text-muted">
                  {' '}
                  for instances where{' '}
                  {silence.matchers
                    .map(({ label, operator, value }) => `${label} ${operator} ${value}`)
                    .join(' and ')}
                </span>
              )}
            </p>
            <p className="alert-silences__comment">{silence.comment}</p>
            <p className="text-muted alert-silences__author">By {silence.author}</p>
          </div>
          <button
            type="button"
            className="button button--ghost"
            disabled={expire.isPending && expire.variables === silence.id}
            onClick={() =>
              expire.mutate(silence.id, {
                onSuccess: () => toast.success('Silence expired'),
                onError: (error) =>
                  toast.error(`The silence could not be expired: ${errorMessageOf(error)}`, error),
              })
            }
          >
            Expire now
            <span className="visually-hidden">
              {' '}
              (the silence until {formatLocalTime(silence.endsAt)})
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
