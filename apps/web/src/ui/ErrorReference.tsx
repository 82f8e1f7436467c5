import { useRef, useState } from 'react';

/** How many characters of the trace ID the reference shows: enough to tell requests apart. */
const SHOWN_LENGTH = 8;

/**
 * "Reference: 4bf92f35" at the end of an error message: the start of the failed request's trace
 * ID, short enough to read out to support. The copy button copies the whole ID, which the log
 * viewer's trace filter takes as it is. Where the browser refuses the clipboard (a page served
 * over plain http), the reference is selected instead, ready for the keyboard's copy. Renders
 * nothing without a trace ID (`traceIdOf` an error).
 */
export function ErrorReference({ traceId }: { traceId: string | undefined }) {
  const [copied, setCopied] = useState<{ traceId: string; outcome: string } | null>(null);
  const code = useRef<HTMLElement>(null);
  if (!traceId) return null;

  async function copy(id: string) {
    try {
      await navigator.clipboard.writeText(id);
      setCopied({ traceId: id, outcome: 'Reference copied' });
    } catch {
      if (code.current) window.getSelection()?.selectAllChildren(code.current);
      setCopied({ traceId: id, outcome: 'Reference selected: copy it with your keyboard' });
    }
  }

  return (
    <span className="error-reference">
      Reference:{' '}
      <code ref={code} className="error-reference__code">
        {traceId.slice(0, SHOWN_LENGTH)}
      </code>{' '}
      <button type="button" className="error-reference__copy" onClick={() => void copy(traceId)}>
        Copy<span className="visually-hidden"> reference</span>
      </button>{' '}
      <span role="status" className="error-reference__status">
        {copied?.traceId === traceId ? copied.outcome : ''}
      </span>
    </span>
  );
}
