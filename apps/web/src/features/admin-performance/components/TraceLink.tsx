import { Link } from 'react-router';

/** A trace ID that opens its logs; a dash for samples recorded without one. */
export function TraceLink({ traceId, href }: { traceId: string | null; href: string | null }) {
  if (!traceId || !href) return <span className="text-muted">—</span>;
  return (
    <Link to={href} className="perf-trace" aria-label={`Logs of trace ${traceId}`}>
      {traceId}
    </Link>
  );
}
