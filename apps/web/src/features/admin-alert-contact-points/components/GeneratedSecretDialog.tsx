import { useState } from 'react';
import { Dialog } from '../../../ui';

/**
 * The signing secret the API generated for a new webhook. The API answers it this once and never
 * again, so the admin copies it to the receiver now.
 */
export function GeneratedSecretDialog({
  secret,
  onClose,
}: {
  secret: string | null;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Dialog open={secret !== null} title="Copy the signing secret now" onClose={close}>
      <p>
        The receiver checks each request’s signature with this secret. It is not shown again: store
        it with the receiver now, or save the contact point later with a new one.
      </p>
      <div className="field">
        <label htmlFor="generated-secret">Signing secret</label>
        <input
          id="generated-secret"
          className="contact-point-secret__value"
          readOnly
          value={secret ?? ''}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="form-actions">
        <p aria-live="polite" className="text-muted contact-point-secret__copied">
          {copied ? 'Copied.' : ''}
        </p>
        <button
          type="button"
          className="button button--ghost"
          onClick={() =>
            secret &&
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy
        </button>
        <button type="button" className="button" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
