import { type components, RealtimeEvent } from '@ledgerlens/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { windowOf } from '../../admin-performance';
import { useRealtimeEvents } from '../../realtime';
import type { HistoryFilters } from '../history-filters';
import type { TimeWindow } from '../timeline';

export type HistoryEntry = components['schemas']['AlertHistoryEntryDto'];
export type HistoryPage = components['schemas']['AlertHistoryPageDto'];
export type Delivery = components['schemas']['DeliveryDto'];
export type DeliveryPage = components['schemas']['DeliveryPageDto'];

/** Changes on one page of the table. */
export const HISTORY_PAGE_SIZE = 50;
/** The timeline reads up to this many changes (the API's largest pages), newest first. */
const TIMELINE_PAGE_SIZE = 200;
const TIMELINE_PAGES = 5;
/** Deliveries listed under one change. */
const DELIVERIES_OF_CHANGE = 50;
/** The recent deliveries list. */
const RECENT_DELIVERIES = 20;

/** The timeline needs every change of its rules, whatever state they went into. */
type TimelineSelection = Pick<HistoryFilters, 'ruleId' | 'range'>;

export const historyKeys = {
  all: ['admin-alert-history'] as const,
  timeline: (selection: TimelineSelection) => [...historyKeys.all, 'timeline', selection] as const,
  page: (filters: HistoryFilters) => [...historyKeys.all, 'page', filters] as const,
  deliveries: (historyId: string) => [...historyKeys.all, 'deliveries', historyId] as const,
  recentDeliveries: (selection: Pick<HistoryFilters, 'ruleId' | 'delivery'>) =>
    [...historyKeys.all, 'recent-deliveries', selection] as const,
};

/** The API's query for a selection, its range ending now. */
function historyQuery({
  ruleId,
  range,
  state,
}: TimelineSelection & { state?: HistoryFilters['state'] }) {
  return {
    ...windowOf(range, Date.now()),
    ...(ruleId ? { ruleId } : {}),
    ...(state ? { state } : {}),
  };
}

export interface TimelineData {
  window: TimeWindow;
  entries: HistoryEntry[];
  /** Changes in the window, fetched or not. */
  total: number;
}

/** The newest changes of the window, up to the timeline's limit, and the window itself. */
export async function getTimeline(selection: TimelineSelection): Promise<TimelineData> {
  const query = historyQuery(selection);
  const entries: HistoryEntry[] = [];
  let total = 0;
  for (let page = 1; page <= TIMELINE_PAGES; page += 1) {
    const answer = await unwrap(
      api.GET('/api/v1/monitoring/alerts/history', {
        params: { query: { ...query, page, limit: TIMELINE_PAGE_SIZE } },
      }),
    );
    entries.push(...answer.items);
    total = answer.total;
    if (answer.items.length === 0 || entries.length >= total) break;
  }
  return { window: { from: Date.parse(query.from), to: Date.parse(query.to) }, entries, total };
}

/** The timeline of the URL's rule and range (its state filter is the table's alone). */
export const useTimeline = ({ ruleId, range }: HistoryFilters) =>
  useQuery({
    queryKey: historyKeys.timeline({ ruleId, range }),
    queryFn: () => getTimeline({ ruleId, range }),
    placeholderData: keepPreviousData,
  });

export const getHistoryPage = (filters: HistoryFilters): Promise<HistoryPage> =>
  unwrap(
    api.GET('/api/v1/monitoring/alerts/history', {
      params: {
        query: { ...historyQuery(filters), page: filters.page, limit: HISTORY_PAGE_SIZE },
      },
    }),
  );

/** One page of the changes table; the previous page stays on screen while the next loads. */
export const useHistoryPage = (filters: HistoryFilters) =>
  useQuery({
    queryKey: historyKeys.page(filters),
    queryFn: () => getHistoryPage(filters),
    placeholderData: keepPreviousData,
  });

export const getDeliveriesOf = (historyId: string): Promise<DeliveryPage> =>
  unwrap(
    api.GET('/api/v1/monitoring/alerts/history/{id}/deliveries', {
      params: { path: { id: historyId }, query: { limit: DELIVERIES_OF_CHANGE } },
    }),
  );

/** The notifications that reported one change, each with its attempts and outcome. */
export const useDeliveriesOf = (historyId: string) =>
  useQuery({
    queryKey: historyKeys.deliveries(historyId),
    queryFn: () => getDeliveriesOf(historyId),
  });

export const getRecentDeliveries = ({
  ruleId,
  delivery,
}: Pick<HistoryFilters, 'ruleId' | 'delivery'>): Promise<DeliveryPage> =>
  unwrap(
    api.GET('/api/v1/monitoring/alerts/deliveries', {
      params: {
        query: {
          limit: RECENT_DELIVERIES,
          ...(ruleId ? { ruleId } : {}),
          ...(delivery ? { status: delivery } : {}),
        },
      },
    }),
  );

/** The newest deliveries of any time (tests included without a rule chosen), by status. */
export const useRecentDeliveries = ({ ruleId, delivery }: HistoryFilters) =>
  useQuery({
    queryKey: historyKeys.recentDeliveries({ ruleId, delivery }),
    queryFn: () => getRecentDeliveries({ ruleId, delivery }),
    placeholderData: keepPreviousData,
  });

/** Any alert changing state is read again at once (the table, timeline and deliveries). */
export function useLiveHistory(): void {
  const queryClient = useQueryClient();
  useRealtimeEvents([RealtimeEvent.AlertStateChanged], () => {
    void queryClient.invalidateQueries({ queryKey: historyKeys.all });
  });
}
