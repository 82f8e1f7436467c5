import { labelsText } from '../admin-alerts';
import type { AlertState } from './alert-states';
import type { HistoryEntry } from './api/history-queries';

/** Times in epoch milliseconds. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** One stretch of time an instance spent in one state. */
export interface TimelineSegment {
  state: AlertState;
  start: number;
  end: number;
}

/** One alert instance (a rule, or one of its group-by values) and its states across the window. */
export interface TimelineRow {
  key: string;
  ruleId: string;
  ruleName: string;
  /** The instance's labels in words ("route=/api/v1/budgets, method=GET"); '' for a whole rule. */
  instance: string;
  segments: TimelineSegment[];
  /** State changes inside the window. */
  changes: number;
}

const byTime = (a: HistoryEntry, b: HistoryEntry) =>
  Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
  a.id.length - b.id.length ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The window the fetched changes describe in full. When only the newest of more changes were
 * fetched, the timeline starts at the oldest one fetched rather than claim a calm it never saw.
 */
export function coveredWindow(entries: HistoryEntry[], total: number, window: TimeWindow) {
  if (entries.length >= total || entries.length === 0) return window;
  const oldest = Math.min(...entries.map((entry) => Date.parse(entry.occurredAt)));
  return { from: Math.max(window.from, oldest), to: window.to };
}

/**
 * State changes (any order) as one row per instance: before its first change in the window the
 * instance was in that change's `fromState` (since its rule was created, when `createdAt` knows
 * the rule: nothing is drawn before); after each change, in its `toState` until the next. Rows
 * are ordered by rule name, then instance.
 */
export function timelineRows(
  entries: HistoryEntry[],
  window: TimeWindow,
  createdAt: ReadonlyMap<string, number> = new Map(),
): TimelineRow[] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const key = `${entry.ruleId}\u0000${entry.instanceKey}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const rows: TimelineRow[] = [];
  for (const [key, group] of groups) {
    const changes = [...group]
      .filter((entry) => {
        const at = Date.parse(entry.occurredAt);
        return at >= window.from && at <= window.to;
      })
      .sort(byTime);
    const first = changes[0];
    const newest = changes.at(-1);
    if (!first || !newest) continue;
    const segments: TimelineSegment[] = [];
    const add = (state: AlertState, start: number, end: number) => {
      if (end <= start) return;
      const last = segments[segments.length - 1];
      if (last && last.state === state && last.end === start) last.end = end;
      else segments.push({ state, start, end });
    };
    const since = Math.max(window.from, createdAt.get(first.ruleId) ?? window.from);
    add(first.fromState, since, Date.parse(first.occurredAt));
    changes.forEach((change, index) => {
      const next = changes[index + 1];
      add(
        change.toState,
        Date.parse(change.occurredAt),
        next ? Date.parse(next.occurredAt) : window.to,
      );
    });
    rows.push({
      key,
      ruleId: newest.ruleId,
      ruleName: newest.ruleName,
      instance: Object.keys(newest.labels).length > 0 ? labelsText(newest.labels) : '',
      segments,
      changes: changes.length,
    });
  }
  return rows.sort(
    (a, b) =>
      a.ruleName.localeCompare(b.ruleName) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.instance.localeCompare(b.instance),
  );
}

/** A row's name as the chart and its table show it. */
export const rowLabel = (row: Pick<TimelineRow, 'ruleName' | 'instance'>): string =>
  row.instance ? `${row.ruleName} · ${row.instance}` : row.ruleName;

/** The chart's data: per row, the length of each segment from the window's start, in order. */
export interface TimelineBars {
  label: string;
  row: TimelineRow;
  /** `durations[i]` is segment i's length in ms. */
  durations: number[];
}

export function timelineBars(rows: TimelineRow[]): TimelineBars[] {
  return rows.map((row) => ({
    label: rowLabel(row),
    row,
    // Segments follow one another without gaps from the window's start, so their lengths stack.
    durations: row.segments.map((segment) => segment.end - segment.start),
  }));
}

/** What the chart shows, in one sentence, for those who cannot see it. */
export function timelineSummary(rows: TimelineRow[]): string {
  const changes = rows.reduce((sum, row) => sum + row.changes, 0);
  const fired = rows.filter((row) => row.segments.some((s) => s.state === 'firing')).length;
  const alerts = rows.length === 1 ? '1 alert' : `${rows.length} alerts`;
  const times = changes === 1 ? 'once' : `${changes} times`;
  return `${alerts} changed state ${times}; ${fired} of them fired.`;
}

/** How long a stretch lasted, roughly: "under a minute", "25 min", "3 h 5 min", "2 d 4 h". */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
