import { useChainVerification } from '../api/audit-queries';
import { ErrorMessage, LocalTime } from '../../../ui';

/** Whether the row history's hash chain is intact, when that was last checked, and a re-check. */
export function ChainStatus() {
  const check = useChainVerification();
  const checkedAt = check.dataUpdatedAt ? new Date(check.dataUpdatedAt).toISOString() : null;
  let text;
  if (check.isPending) text = <p>Verifying the row history’s hash chain…</p>;
  else if (check.isError)
    text = (
      <p>
        The verification could not run: <ErrorMessage error={check.error} />
      </p>
    );
  else if (check.data.ok)
    text = (
      <p>
        <span className="badge badge--success">✓ Intact</span> {check.data.checked.toLocaleString()}{' '}
        changes recomputed, every hash matches.
      </p>
    );
  else
    text = (
      <p>
        <span className="badge badge--danger">✕ Broken</span> at change #{check.data.firstBrokenId}{' '}
        after {check.data.checked.toLocaleString()} good changes. {check.data.reason}
      </p>
    );
  return (
    <section
      className="card audit-chain"
      aria-labelledby="audit-chain-title"
      aria-busy={check.isFetching}
    >
      <h2 id="audit-chain-title" className="card__title">
        Chain verification
      </h2>
      {text}
      <p className="text-muted">
        {checkedAt ? (
          <>
            Last run <LocalTime iso={checkedAt} />
          </>
        ) : (
          'Not run yet'
        )}
      </p>
      <button
        type="button"
        className="button button--ghost"
        disabled={check.isFetching}
        onClick={() => void check.refetch()}
      >
        {check.isFetching ? 'Verifying…' : 'Verify again'}
      </button>
    </section>
  );
}
