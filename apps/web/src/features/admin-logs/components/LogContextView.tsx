import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorState, Skeleton } from '../../../ui';
import { useLogContext } from '../api/get-log';
import type { LogEntry } from '../api/types';
import { traceLink } from '../model/log-filters';
import { formatLogTime, SOURCE_LABELS, utcTitleOf } from '../model/log-format';
import { LevelBadge } from './LevelBadge';

/** The lines just before and after a line, and every line of its trace, API and browser alike. */
export function LogContextView({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const context = useLogContext(id);
  const aroundId = useId();
  const traceId = useId();
  if (context.isError) {
    return (
      <ErrorState
        title="The context could not be loaded"
        error={context.error}
        onRetry={() => void context.refetch()}
      />
    );
  }
  if (!context.data) return <Skeleton label="Loading the context" rows={6} />;
  const { entry, before, after, trace } = context.data;
  const sources = new Set(trace.map((line) => SOURCE_LABELS[line.source]));
  return (
    <div className="log-context">
      <section aria-labelledby={aroundId}>
        <h3 id={aroundId}>Around this line</h3>
        <ol className="log-context__lines">
          {before.map((line) => (
            <ContextLine key={line.id} line={line} onOpen={onOpen} />
          ))}
          <ContextLine line={entry} current onOpen={onOpen} />
          {after.map((line) => (
            <ContextLine key={line.id} line={line} onOpen={onOpen} />
          ))}
        </ol>
      </section>
      <section aria-labelledby={traceId}>
        <h3 id={traceId}>Its trace</h3>
        {entry.traceId ? (
          <>
            <p className="log-context__summary">
              {trace.length.toLocaleString()} {trace.length === 1 ? 'line' : 'lines'} from{' '}
              {[...sources].join(' and ') || 'nowhere'}, oldest first.{' '}
              <Link to={traceLink(entry.traceId)}>Filter the list by this trace</Link>
            </p>
            <ol className="log-context__lines">
              {trace.map((line) => (
                <ContextLine
                  key={line.id}
                  line={line}
                  current={line.id === entry.id}
                  onOpen={onOpen}
                  showSource
                />
              ))}
            </ol>
          </>
        ) : (
          <p>This line belongs to no trace.</p>
        )}
      </section>
    </div>
  );
}

function ContextLine({
  line,
  current = false,
  showSource = false,
  onOpen,
}: {
  line: LogEntry;
  current?: boolean;
  showSource?: boolean;
  onOpen: (id: string) => void;
}) {
  return (
    <li className={`log-context__line${current ? ' log-context__line--current' : ''}`}>
      <button type="button" className="log-context__open" onClick={() => onOpen(line.id)}>
        <time dateTime={line.timestamp} title={utcTitleOf(line.timestamp)}>
          {formatLogTime(line.timestamp)}
        </time>
        <LevelBadge level={line.level} />
        {(showSource || current) && (
          <span className="log-context__source">
            {current ? 'This line · ' : ''}
            {SOURCE_LABELS[line.source]}
          </span>
        )}
        <span className="log-context__message">{line.message}</span>
      </button>
    </li>
  );
}
