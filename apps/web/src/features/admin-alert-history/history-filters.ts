import { RANGES, type Range } from '../admin-performance/range';
import { ALERT_STATES, type AlertState } from './alert-states';

/** What the history page shows; all of it is in the URL, so a link reproduces the view. */
export interface HistoryFilters {
  ruleId: string | null;
  range: Range;
  /** Only changes into this state. */
  state: AlertState | null;
  page: number;
}

export const DEFAULT_HISTORY_RANGE: Range = '24h';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters from the URL; anything unknown (a stale or edited link) falls back to its default. */
export function filtersFromParams(params: URLSearchParams): HistoryFilters {
  const rule = params.get('rule') ?? '';
  const range = params.get('range') ?? '';
  const state = params.get('state') ?? '';
  const page = Number(params.get('page'));
  return {
    ruleId: UUID.test(rule) ? rule : null,
    range: (RANGES as readonly string[]).includes(range) ? (range as Range) : DEFAULT_HISTORY_RANGE,
    state: (ALERT_STATES as readonly string[]).includes(state) ? (state as AlertState) : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The URL of filters, defaults left out so links stay short. */
export function filtersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.ruleId) params.set('rule', filters.ruleId);
  if (filters.range !== DEFAULT_HISTORY_RANGE) params.set('range', filters.range);
  if (filters.state) params.set('state', filters.state);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** A change of any filter but the page starts again from the first page. */
export function withFilter(
  filters: HistoryFilters,
  change: Partial<Omit<HistoryFilters, 'page'>>,
): HistoryFilters {
  return { ...filters, ...change, page: 1 };
}
