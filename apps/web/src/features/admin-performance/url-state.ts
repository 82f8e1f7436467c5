import { parseRange, type Range } from './range';
import type { SlowSort } from './api/performance-queries';

/** Everything the page shows is chosen by its URL: a link reproduces the view. */
export interface PerformanceView {
  range: Range;
  /** The drilled-down endpoint (`GET /api/v1/transactions`), or null for all of them. */
  endpoint: string | null;
  sort: SlowSort;
}

export function viewOf(params: URLSearchParams): PerformanceView {
  const endpoint = params.get('endpoint')?.trim();
  return {
    range: parseRange(params.get('range')),
    endpoint: endpoint ? endpoint : null,
    sort: params.get('sort') === 'slowest' ? 'slowest' : 'newest',
  };
}

/** The query string of a view, defaults left out so links stay short. */
export function searchOf(view: PerformanceView): string {
  const params = new URLSearchParams();
  params.set('range', view.range);
  if (view.endpoint) params.set('endpoint', view.endpoint);
  if (view.sort !== 'newest') params.set('sort', view.sort);
  return `?${params}`;
}
