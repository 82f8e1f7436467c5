import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { LogEntry } from '../api/types';
import { formatLogTime, SOURCE_LABELS, utcTitleOf } from '../model/log-format';
import { LevelBadge } from './LevelBadge';

/** Every row has this height, so 100 000 lines cost no measuring. */
export const ROW_HEIGHT = 36;
/** Load the next page when this few loaded lines are left below the visible ones. */
const LOAD_AHEAD = 50;

interface Props {
  lines: readonly LogEntry[];
  selectedId: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** Loading more failed: wait for the button instead of trying again on every scroll. */
  loadMoreFailed: boolean;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
  onContext: (id: string) => void;
}

/**
 * The lines, newest first, in a scrolling box that renders only the rows in view. Scrolling
 * near the end loads the next page; a "Load more" button does the same by keyboard.
 */
export function LogList({
  lines,
  selectedId,
  hasMore,
  loadingMore,
  loadMoreFailed,
  onLoadMore,
  onOpen,
  onContext,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;

  const latestLoad = useRef(onLoadMore);
  useEffect(() => {
    latestLoad.current = onLoadMore;
  });
  useEffect(() => {
    if (hasMore && !loadingMore && !loadMoreFailed && lastShown >= lines.length - LOAD_AHEAD) {
      latestLoad.current();
    }
  }, [hasMore, loadingMore, loadMoreFailed, lastShown, lines.length]);

  return (
    <div className="log-list">
      <div ref={scroller} className="log-list__scroller" data-testid="log-scroller">
        <ul
          className="log-list__rows"
          aria-label="Log lines, newest first"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => {
            const line = lines[row.index];
            if (!line) return null;
            const selected = line.id === selectedId;
            return (
              <li
                key={line.id}
                className={`log-row log-row--${line.level}${selected ? ' log-row--selected' : ''}`}
                aria-posinset={row.index + 1}
                aria-setsize={hasMore ? -1 : lines.length}
                style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                <button
                  type="button"
                  className="log-row__open"
                  aria-current={selected || undefined}
                  onClick={() => onOpen(line.id)}
                >
                  <time
                    className="log-row__time"
                    dateTime={line.timestamp}
                    title={utcTitleOf(line.timestamp)}
                  >
                    {formatLogTime(line.timestamp)}
                  </time>
                  <LevelBadge level={line.level} />
                  <span className="log-row__where">
                    {SOURCE_LABELS[line.source]}
                    {line.module ? ` · ${line.module}` : ''}
                  </span>
                  <span className="log-row__message">{line.message}</span>
                </button>
                <button
                  type="button"
                  className="log-row__context"
                  aria-label={`View in context: ${line.message}`}
                  onClick={() => onContext(line.id)}
                >
                  Context
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <footer className="log-list__footer">
        <p className="log-list__count">
          {lines.length.toLocaleString()} {lines.length === 1 ? 'line' : 'lines'} loaded
          {hasMore ? '; older lines follow' : '; no older lines'}
        </p>
        {hasMore && (
          <button
            type="button"
            className="button button--ghost"
            disabled={loadingMore}
            onClick={onLoadMore}
          >
            {loadingMore ? 'Loading older lines…' : 'Load older lines'}
          </button>
        )}
      </footer>
    </div>
  );
}
