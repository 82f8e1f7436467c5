import {
  EXCEPTION_SORTS,
  EXCEPTION_STATUSES,
  type ExceptionSort,
  type ExceptionStatus,
  LOG_SOURCES,
  type LogSource,
} from '@ledgerlens/contracts';

/** Time ranges the pages offer, as kept in the URL (`?range=24h`). */
export const RANGES = {
  '1h': { label: 'Last hour', ms: 3600_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 3600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
} as const;
export type RangeKey = keyof typeof RANGES;

export const PAGE_SIZE = 50;

/** The list's view as the URL keeps it; absent fields are the defaults. */
export interface ExceptionFilters {
  source?: LogSource;
  type?: string;
  status?: ExceptionStatus;
  /** Occurred within this range (`custom`: between `from` and `to`); absent for all time. */
  range?: RangeKey | 'custom';
  /** ISO instants bounding a custom range; either may be open. */
  from?: string;
  to?: string;
  q?: string;
  sort: ExceptionSort;
  order: 'asc' | 'desc';
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

const text = (value: string | null) => value?.trim() || undefined;

const instant = (value: string | null) =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;

/** Reads the filters from the URL; a value the page does not know is ignored, not sent. */
export function filtersFromParams(params: URLSearchParams): ExceptionFilters {
  const page = Number(params.get('page'));
  const range = oneOf([...(Object.keys(RANGES) as RangeKey[]), 'custom'], params.get('range'));
  return {
    source: oneOf(LOG_SOURCES, params.get('source')),
    type: text(params.get('type')),
    status: oneOf(EXCEPTION_STATUSES, params.get('status')),
    range,
    ...(range === 'custom'
      ? { from: instant(params.get('from')), to: instant(params.get('to')) }
      : {}),
    q: text(params.get('q')),
    sort: oneOf(EXCEPTION_SORTS, params.get('sort')) ?? 'lastSeen',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/**
 * Writes filters to the URL, keeping the parameters the list does not own (`view`, `refresh`). Defaults
 * are left out so the plain page has a plain URL.
 */
export function filtersToParams(
  filters: ExceptionFilters,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(current);
  const values: Record<string, string | undefined> = {
    source: filters.source,
    type: filters.type,
    status: filters.status,
    range: filters.range,
    from: filters.range === 'custom' ? filters.from : undefined,
    to: filters.range === 'custom' ? filters.to : undefined,
    q: filters.q,
    sort: filters.sort === 'lastSeen' ? undefined : filters.sort,
    order: filters.order === 'desc' ? undefined : filters.order,
    page: filters.page > 1 ? String(filters.page) : undefined,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return params;
}

/** The start of a preset range ending at `now`, or undefined for all time. */
export function rangeStart(range: RangeKey | undefined, now: Date): string | undefined {
  return range ? new Date(now.getTime() - RANGES[range].ms).toISOString() : undefined;
}

/** The list request's query for these filters, a preset range ending at `now`. */
export function listQuery(filters: ExceptionFilters, now: Date) {
  const { range, from, to, ...rest } = filters;
  const window =
    range === 'custom' ? { from, to } : { from: rangeStart(range, now), to: undefined };
  const query = { ...rest, ...window, limit: PAGE_SIZE };
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as typeof query;
}
