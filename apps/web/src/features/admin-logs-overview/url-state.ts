import { parseRange, type Range } from '../admin-performance';

/** The dashboard's view as its URL keeps it, so a link reproduces it. */
export interface OverviewView {
  range: Range;
  /** Re-read every section on a timer; on unless the URL says `refresh=off`. */
  autoRefresh: boolean;
}

export function viewOf(params: URLSearchParams): OverviewView {
  return { range: parseRange(params.get('range')), autoRefresh: params.get('refresh') !== 'off' };
}

/** The query string of a view; the default refresh is left out so links stay short. */
export function searchOf(view: OverviewView): string {
  const params = new URLSearchParams({ range: view.range });
  if (!view.autoRefresh) params.set('refresh', 'off');
  return `?${params}`;
}
