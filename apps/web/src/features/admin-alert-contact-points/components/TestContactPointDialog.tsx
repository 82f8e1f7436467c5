import type { UseMutationResult } from '@tanstack/react-query';
import { Dialog, FormError } from '../../../ui';
import type { ContactPoint, TestResult } from '../api/contact-point-queries';
import { replyCodeText } from '../contact-point-text';

function ResultItem({ result }: { result: TestResult }) {
  const code = replyCodeText(result.contactPointType, result.responseCode);
  const delivered = result.status === 'sent';
  return (
    <li className="contact-point-test__result">
      <span className={`badge ${delivered ? 'badge--success' : 'badge--danger'}`}>
        {delivered ? 'Delivered' : 'Not delivered'}
      </span>{' '}
      <span className="contact-point-test__recipient">{result.recipient}</span>
      {code && <span className="text-muted"> · {code}</span>}
      {result.error && <p className="contact-point-test__error">{result.error}</p>}
    </li>
  );
}

/** What a test notification did, recipient by recipient, as soon as the API answers. */
export function TestContactPointDialog({
  contactPoint,
  test,
  onRetry,
  onClose,
}: {
  contactPoint: ContactPoint | null;
  test: UseMutationResult<TestResult[], Error, string>;
  onRetry: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={contactPoint !== null}
      title={`Test of ${contactPoint?.name ?? ''}`}
      onClose={onClose}
    >
      <FormError error={test.error} />
      <div aria-live="polite">
        {test.isPending && <p role="status">Sending a test notification…</p>}
        {test.data && test.data.length === 0 && <p>Nothing was sent: it has no recipients.</p>}
        {test.data && test.data.length > 0 && (
          <ul className="contact-point-test__results" aria-label="Test results">
            {test.data.map((result) => (
              <ResultItem key={result.deliveryId} result={result} />
            ))}
          </ul>
        )}
      </div>
      <p className="text-muted">
        Tests are marked as such (the subject starts [TEST], webhooks carry the label test=true) and
        are never retried.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button--ghost"
          disabled={test.isPending}
          onClick={onRetry}
        >
          Send again
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
