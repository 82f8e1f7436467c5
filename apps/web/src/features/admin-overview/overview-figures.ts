import type { components } from '@ledgerlens/contracts';
import { filtersToParams } from '../admin-exceptions';
import { EMPTY_FILTERS, withFilters } from '../admin-logs';
import { formatMs, formatPointChange, formatRatio } from '../admin-performance';

type Schemas = components['schemas'];
export type AlertRule = Schemas['AlertRuleDto'];
export type ExceptionGroupPage = Schemas['ExceptionGroupPageDto'];
export type LogStatistics = Schemas['LogStatisticsDto'];
export type MonitoringOverview = Schemas['MonitoringOverviewDto'];

export const HOUR_MS = 60 * 60 * 1000;

export interface TimeWindow {
  from: string;
  to: string;
}

/** The last hour up to `now` and the hour before it, as the API's `from`/`to`. */
export function hourWindows(now: number): { current: TimeWindow; previous: TimeWindow } {
  const at = (ms: number) => new Date(ms).toISOString();
  return {
    current: { from: at(now - HOUR_MS), to: at(now) },
    previous: { from: at(now - 2 * HOUR_MS), to: at(now - HOUR_MS) },
  };
}

export type Direction = 'up' | 'down' | 'same';

/** How a figure moved since the hour before, in words with its unit; null without both hours. */
export interface Change {
  direction: Direction;
  text: string;
}

const directionOf = (delta: number): Direction => (delta > 0 ? 'up' : delta < 0 ? 'down' : 'same');

const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** The error rate (a ratio) against the hour before: "+0.5 pp against 0.7 % the hour before". */
export function errorRateChange(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const direction = directionOf(delta);
  const before = `${formatRatio(previous)} the hour before`;
  return {
    direction,
    text:
      direction === 'same' ? `Same as ${before}` : `${formatPointChange(delta)} against ${before}`,
  };
}

/** A duration against the hour before: "+30 ms (+25 %) against 120 ms the hour before". */
export function durationChange(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const direction = directionOf(delta);
  const before = `${formatMs(previous)} the hour before`;
  if (direction === 'same') return { direction, text: `Same as ${before}` };
  const sign = delta > 0 ? '+' : '\u2212';
  const relative =
    previous > 0 ? ` (${sign}${percentFormat.format(Math.abs(delta / previous) * 100)} %)` : '';
  return { direction, text: `${sign}${formatMs(Math.abs(delta))}${relative} against ${before}` };
}

const SEVERITY_ORDER: Record<AlertRule['severity'], number> = { critical: 0, warning: 1, info: 2 };

/** Rules firing now, the most severe first, then by name. */
export function firingRules(rules: readonly AlertRule[]): AlertRule[] {
  return rules
    .filter((rule) => rule.state === 'firing')
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.name.localeCompare(b.name),
    );
}

/** Rules about to fire: their condition holds, the pending period has not passed yet. */
export const pendingCount = (rules: readonly AlertRule[]): number =>
  rules.filter((rule) => rule.state === 'pending').length;

/**
 * Unresolved groups, and those among them that came back after being resolved. Regressed ones are
 * counted in the page read; when more groups are unresolved than it holds, the count is a floor.
 */
export function exceptionCounts(page: ExceptionGroupPage): {
  unresolved: number;
  regressed: number;
  regressedIsFloor: boolean;
} {
  return {
    unresolved: page.total,
    regressed: page.items.filter((group) => group.regressed).length,
    regressedIsFloor: page.total > page.items.length,
  };
}

/** Lines logged at error level or worse. */
export const logErrorCount = (statistics: LogStatistics): number =>
  statistics.byLevel.error + statistics.byLevel.fatal;

/** The exception tracker showing the unresolved groups (regressed ones are marked there). */
export const unresolvedExceptionsLink = (): string =>
  `/admin/exceptions?${filtersToParams({
    status: 'unresolved',
    sort: 'lastSeen',
    order: 'desc',
    page: 1,
  }).toString()}`;

/** The log viewer showing the last hour's lines at error level or worse. */
export const logErrorsLink = (): string =>
  `/admin/logs?${withFilters(new URLSearchParams(), {
    ...EMPTY_FILTERS,
    minLevel: 'error',
    range: '1h',
  }).toString()}`;

/** The action log's errors tab, with one event open when given. */
export const auditErrorsLink = (eventId?: string): string =>
  `/admin/audit?${new URLSearchParams({
    view: 'errors',
    ...(eventId ? { event: eventId } : {}),
  }).toString()}`;

export const alertLink = (ruleId: string): string => `/admin/alerts/${encodeURIComponent(ruleId)}`;
