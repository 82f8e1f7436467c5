import { foldStack } from '../stack-trace';

/**
 * A stack trace with our frames highlighted and each run of library frames folded behind a
 * toggle that says how many frames it holds.
 */
export function StackTrace({ stack }: { stack: string | null }) {
  const segments = foldStack(stack);
  if (segments.length === 0) return <p className="text-muted">No stack trace was recorded.</p>;
  return (
    <div className="stack-trace">
      {segments.map((segment, index) => {
        if (segment.kind === 'message') {
          return (
            <pre key={index} className="stack-trace__message">
              {segment.lines.join('\n')}
            </pre>
          );
        }
        const lines = (
          <ol className="stack-trace__frames">
            {segment.lines.map((line, row) => (
              <li
                key={row}
                className={line.inApp ? 'stack-trace__frame--app' : 'stack-trace__frame--library'}
              >
                {line.inApp && <span className="visually-hidden">In-app frame: </span>}
                <code>{line.text}</code>
              </li>
            ))}
          </ol>
        );
        if (segment.kind === 'app') return <div key={index}>{lines}</div>;
        const count = segment.lines.length;
        return (
          <details key={index} className="stack-trace__library">
            <summary>
              {count === 1 ? '1 library frame' : `${count.toLocaleString()} library frames`}
            </summary>
            {lines}
          </details>
        );
      })}
    </div>
  );
}
