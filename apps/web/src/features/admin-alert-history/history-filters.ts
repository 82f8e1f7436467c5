import { type Range, RANGES } from '../admin-performance';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@ledgerlens/contracts';
import { ALERT_STATES, type AlertState } from './alert-states';

/** What the history page shows; all of it is in the URL, so a link reproduces the view. */
export interface HistoryFilters {
  ruleId: string | null;
  range: Range;
  /** Only changes into this state. */
  state: AlertState | null;
  page: number;
  /** The recent deliveries list: only those with this status. */
  delivery: DeliveryStatus | null;
}

export const DEFAULT_HISTORY_RANGE: Range = '24h';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters from the URL; anything unknown (a stale or edited link) falls back to its default. */
export function filtersFromParams(params: URLSearchParams): HistoryFilters {
  const rule = params.get('rule') ?? '';
  const range = params.get('range') ?? '';
  const state = params.get('state') ?? '';
  const page = Number(params.get('page'));
  const delivery = params.get('delivery') ?? '';
  return {
    ruleId: UUID.test(rule) ? rule : null,
    range: (RANGES as readonly string[]).includes(range) ? (range as Range) : DEFAULT_HISTORY_RANGE,
    state: (ALERT_STATES as readonly string[]).includes(state) ? (state as AlertState) : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    delivery: (DELIVERY_STATUSES as readonly string[]).includes(delivery)
      ? (delivery as DeliveryStatus)
      : null,
  };
}

/** The URL of filters, defaults left out so links stay short. */
export function filtersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.ruleId) params.set('rule', filters.ruleId);
  if (filters.range !== DEFAULT_HISTORY_RANGE) params.set('range', filters.range);
  if (filters.state) params.set('state', filters.state);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.delivery) params.set('delivery', filters.delivery);
  return params;
}

/** The history of one rule, as other pages link to it. */
export const ruleHistoryLink = (ruleId: string): string =>
  `/admin/alerts/history?${filtersToParams({
    ruleId,
    range: DEFAULT_HISTORY_RANGE,
    state: null,
    page: 1,
    delivery: null,
  }).toString()}`;

/** A change of what the changes table lists starts it again from its first page. */
export function withFilter(
  filters: HistoryFilters,
  change: Partial<Pick<HistoryFilters, 'ruleId' | 'range' | 'state'>>,
): HistoryFilters {
  return { ...filters, ...change, page: 1 };
}
