import { LIVE_TAIL_LIMITS } from '@ledgerlens/contracts';
import { useConnection } from '../../realtime';
import { useLiveTail } from '../hooks/use-live-tail';
import { hasLocalLiveFilters, LIVE_TAIL_LIMIT, type LiveItem } from '../model/live-tail';
import type { LogFilterValues } from '../model/log-filters';
import { formatLogTime, SOURCE_LABELS, utcTitleOf } from '../model/log-format';
import { LevelBadge } from './LevelBadge';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

interface Props {
  values: LogFilterValues;
  /** Narrows the filters to one trace (the live lines have no ID to open). */
  onTrace: (traceId: string) => void;
}

/**
 * The live tail: lines matching the filters as they are stored, newest on top, the newest
 * `LIVE_TAIL_LIMIT` kept. Pause holds arriving lines (counted) until Resume shows them above
 * where it paused; the server's rate-limit notes show as "N lines skipped".
 */
export function LiveTailPanel({ values, onTrace }: Props) {
  const { tail, dispatch, answer } = useLiveTail(values);
  const connection = useConnection();

  function status(): string {
    if (connection.status !== 'online') {
      return `Waiting for the live connection${connection.lastError ? ` (${connection.lastError})` : ''}…`;
    }
    if (answer === null) return 'Subscribing…';
    if (!answer.ok) {
      const details = Object.entries(answer.error.details ?? {})
        .map(([field, problems]) => `${field} ${problems.join(', ')}`)
        .join('; ');
      return `The live tail was refused: ${answer.error.message}${details ? ` (${details})` : ''}`;
    }
    if (tail.paused) {
      const skipped = tail.heldSkipped
        ? `, ${count(tail.heldSkipped, 'line', 'lines')} skipped`
        : '';
      return `Paused: ${count(tail.heldLines, 'new line', 'new lines')}${skipped}`;
    }
    return 'Live: new lines appear on top as they are stored';
  }

  return (
    <section className="live-tail" aria-labelledby="live-tail-title">
      <div className="live-tail__header">
        <h2 id="live-tail-title" className="live-tail__title">
          Live tail
        </h2>
        <p className="live-tail__status" role="status">
          {status()}
        </p>
        <div className="live-tail__actions">
          {tail.paused ? (
            <button type="button" className="button" onClick={() => dispatch({ type: 'resume' })}>
              Resume
            </button>
          ) : (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => dispatch({ type: 'pause' })}
            >
              Pause
            </button>
          )}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => dispatch({ type: 'clear' })}
          >
            Clear
          </button>
        </div>
      </div>
      <p className="live-tail__note">
        Only lines stored from now on; the time range does not apply.
        {hasLocalLiveFilters(values) &&
          ' User, request path and text filters are applied in this browser, so skipped counts include lines they would hide.'}
      </p>
      {tail.shown.length === 0 ? (
        <p className="live-tail__empty">
          No new lines yet: lines matching the filters appear here as they are stored.
        </p>
      ) : (
        <ol className="live-tail__lines" aria-label="Live lines, newest first">
          {tail.shown.map((item) => (
            <LiveRow key={item.seq} item={item} onTrace={onTrace} />
          ))}
        </ol>
      )}
      <p className="live-tail__count">
        {count(tail.shown.length, 'line', 'lines')} shown; the newest{' '}
        {LIVE_TAIL_LIMIT.toLocaleString()} are kept.
      </p>
    </section>
  );
}

function LiveRow({ item, onTrace }: { item: LiveItem; onTrace: (traceId: string) => void }) {
  if (item.kind === 'skipped') {
    return (
      <li className="live-tail__marker live-tail__marker--skipped">
        <strong>{count(item.count, 'line', 'lines')} skipped</strong>: the server sends at most{' '}
        {LIVE_TAIL_LIMITS.linesPerSecond} lines a second. Refresh the list below to read them.
      </li>
    );
  }
  if (item.kind === 'gap') {
    return (
      <li className="live-tail__marker">
        <strong>Connection lost</strong>: lines stored until it came back are not shown here.
      </li>
    );
  }
  const { line } = item;
  return (
    <li className={`live-row live-row--${line.level}`}>
      <time className="log-row__time" dateTime={line.timestamp} title={utcTitleOf(line.timestamp)}>
        {formatLogTime(line.timestamp)}
      </time>
      <LevelBadge level={line.level} />
      <span className="log-row__where">
        {SOURCE_LABELS[line.source]}
        {line.module ? ` · ${line.module}` : ''}
      </span>
      <span className="live-row__message">{line.message}</span>
      {line.traceId && (
        <button
          type="button"
          className="live-row__trace"
          aria-label={`Show trace ${line.traceId}`}
          onClick={() => onTrace(line.traceId as string)}
        >
          Trace
        </button>
      )}
    </li>
  );
}
