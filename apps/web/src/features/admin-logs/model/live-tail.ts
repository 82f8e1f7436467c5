import { LOG_LEVELS, type LogLinePayload, type LogTailFilter } from '@ledgerlens/contracts';
import type { LogFilterValues } from './log-filters';

/** The live section keeps the newest this many lines (and holds at most this many while paused). */
export const LIVE_TAIL_LIMIT = 1_000;

/**
 * A line as it arrived, the server's note that the rate limit left `count` lines out, or the
 * page's note that the connection was lost (the server replays nothing from that gap).
 */
export type LiveItem =
  | { kind: 'line'; seq: number; line: LogLinePayload }
  | { kind: 'skipped'; seq: number; count: number }
  | { kind: 'gap'; seq: number };

export interface LiveTailState {
  /** On screen, newest first. */
  shown: LiveItem[];
  /** Arrived while paused, newest first; shown on resume above what was on screen. */
  held: LiveItem[];
  paused: boolean;
  /** Lines that arrived while paused (held may keep fewer: the limit). */
  heldLines: number;
  /** Lines the server reported skipped while paused. */
  heldSkipped: number;
  nextSeq: number;
}

export type LiveTailAction =
  | { type: 'line'; line: LogLinePayload }
  | { type: 'skipped'; count: number }
  | { type: 'gap' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'clear' };

export const EMPTY_LIVE_TAIL: LiveTailState = {
  shown: [],
  held: [],
  paused: false,
  heldLines: 0,
  heldSkipped: 0,
  nextSeq: 1,
};

/** `item` on top of `items` (newest first), within the limit; skip notes in a row add up. */
function prepend(items: LiveItem[], item: LiveItem): LiveItem[] {
  const top = items[0];
  if (item.kind === 'skipped' && top?.kind === 'skipped') {
    return [{ ...top, count: top.count + item.count }, ...items.slice(1)];
  }
  if (item.kind === 'gap' && top?.kind === 'gap') return items;
  return [item, ...items].slice(0, LIVE_TAIL_LIMIT);
}

function itemOf(
  action: Extract<LiveTailAction, { type: 'line' | 'skipped' | 'gap' }>,
  seq: number,
): LiveItem {
  if (action.type === 'line') return { kind: 'line', seq, line: action.line };
  if (action.type === 'skipped') return { kind: 'skipped', seq, count: action.count };
  return { kind: 'gap', seq };
}

/**
 * The live section: arriving lines and skip notes go on top, or, while paused, are held (and
 * counted) so that resuming shows them in order above where the view paused.
 */
export function liveTailReducer(state: LiveTailState, action: LiveTailAction): LiveTailState {
  switch (action.type) {
    case 'line':
    case 'skipped':
    case 'gap': {
      const item = itemOf(action, state.nextSeq);
      const next = { ...state, nextSeq: state.nextSeq + 1 };
      if (!state.paused) return { ...next, shown: prepend(state.shown, item) };
      return {
        ...next,
        held: prepend(state.held, item),
        heldLines: state.heldLines + (action.type === 'line' ? 1 : 0),
        heldSkipped: state.heldSkipped + (action.type === 'skipped' ? action.count : 0),
      };
    }
    case 'pause':
      return { ...state, paused: true };
    case 'resume':
      return {
        ...state,
        paused: false,
        shown: state.held.reduceRight(prepend, state.shown),
        held: [],
        heldLines: 0,
        heldSkipped: 0,
      };
    case 'clear':
      return { ...EMPTY_LIVE_TAIL, paused: state.paused, nextSeq: state.nextSeq };
  }
}

/** The part of the filters the server applies (`logs.subscribe`): source, level, module, trace. */
export function liveTailFilterOf(values: LogFilterValues): LogTailFilter {
  const filter: LogTailFilter = {};
  if (values.source) filter.source = values.source;
  if (values.levels.length > 0) filter.level = values.levels;
  else if (values.minLevel) filter.minLevel = values.minLevel;
  if (values.module) filter.module = values.module;
  if (values.traceId) filter.traceId = values.traceId;
  return filter;
}

/** Filters the server cannot apply to the live tail, so this page applies them to what arrives. */
export const hasLocalLiveFilters = (values: LogFilterValues): boolean =>
  Boolean(values.userId || values.path || values.q);

/**
 * Whether an arriving line matches every filter as the list's API would read it: the server's
 * (again, so that lines still in flight after a filter change are dropped) and user, request
 * path (both exact) and text (in the message, any case). The time range does not apply.
 */
export function matchesLiveFilters(line: LogLinePayload, values: LogFilterValues): boolean {
  if (values.source && line.source !== values.source) return false;
  if (values.levels.length > 0) {
    if (!values.levels.includes(line.level)) return false;
  } else if (
    values.minLevel &&
    LOG_LEVELS.indexOf(line.level) < LOG_LEVELS.indexOf(values.minLevel)
  ) {
    return false;
  }
  if (values.module && line.module !== values.module) return false;
  if (values.traceId && line.traceId !== values.traceId) return false;
  if (values.userId && line.userId !== values.userId) return false;
  if (values.path && line.requestPath !== values.path) return false;
  if (values.q && !line.message.toLowerCase().includes(values.q.toLowerCase())) return false;
  return true;
}
