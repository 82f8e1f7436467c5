import type { components } from '@ledgerlens/contracts';
import { Dialog, FormError } from '../../../ui';

type TestResult = components['schemas']['TestDeliveryResultDto'];

/** What each contact point answered to a test notification: delivered or not, and why. */
export function TestResultsDialog({
  ruleName,
  open,
  pending,
  error,
  results,
  onClose,
}: {
  ruleName: string;
  open: boolean;
  pending: boolean;
  error: unknown;
  results: TestResult[] | undefined;
  onClose: () => void;
}) {
  let content;
  if (pending) {
    content = (
      <p role="status" aria-live="polite">
        Sending the test…
      </p>
    );
  } else if (error) {
    content = <FormError error={error} />;
  } else if (results && results.length === 0) {
    content = <p>This rule has no contact point to send a test to. Add one in the rule’s form.</p>;
  } else if (results) {
    const delivered = results.filter((result) => result.status === 'sent').length;
    content = (
      <>
        <p role="status">
          Delivered to {delivered} of {results.length} recipients.
        </p>
        <ul className="stack-list">
          {results.map((result) => (
            <li key={result.deliveryId} className="alert-test-results__item">
              <p className="alert-test-results__head">
                <strong>{result.contactPointName}</strong>
                {result.status === 'sent' ? (
                  <span className="badge badge--success">Delivered</span>
                ) : (
                  <span className="badge badge--danger">Not delivered</span>
                )}
              </p>
              <p className="text-muted alert-test-results__meta">
                {result.recipient}
                {result.responseCode !== null && <> · status code {result.responseCode}</>}
              </p>
              {result.error && <p className="alert-test-results__error">{result.error}</p>}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <Dialog open={open} title={`Test of ${ruleName}`} onClose={onClose}>
      <p className="text-muted">
        A notification marked as a test (label <code>{'test: "true"'}</code>), sent once through
        each of the rule’s contact points.
      </p>
      {content}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
