import { LOG_LEVELS, LOG_SOURCES, type LogLevel, type LogSource } from '@ledgerlens/contracts';

/** Time ranges counted back from now, by their URL value. */
export const RANGE_PRESETS = {
  '15m': { label: 'Last 15 minutes', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', ms: 60 * 60_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 60 * 60_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 60 * 60_000 },
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

/**
 * `any` (the default) restricts nothing, so a link with only a trace ID finds its lines however
 * old they are; `custom` reads `from` and `to`.
 */
export type RangeChoice = 'any' | RangePreset | 'custom';

/** The filters as the URL keeps them. */
export interface LogFilterValues {
  source: LogSource | '';
  /** One level or several; empty when `minLevel` (or nothing) applies. */
  levels: LogLevel[];
  minLevel: LogLevel | '';
  range: RangeChoice;
  /** ISO instants, for the custom range only. */
  from: string;
  to: string;
  traceId: string;
  userId: string;
  module: string;
  path: string;
  q: string;
}

/** What the list, the export and the live tail send: the API's filter fields. */
export interface LogQuery {
  source?: LogSource;
  level?: LogLevel[];
  minLevel?: LogLevel;
  from?: string;
  to?: string;
  traceId?: string;
  userId?: string;
  module?: string;
  requestPath?: string;
  q?: string;
}

/** URL parameters of the filters (not of the open line or tab). */
export const FILTER_PARAMS = [
  'source',
  'level',
  'minLevel',
  'range',
  'from',
  'to',
  'traceId',
  'userId',
  'module',
  'path',
  'q',
] as const;

export const EMPTY_FILTERS: LogFilterValues = {
  source: '',
  levels: [],
  minLevel: '',
  range: 'any',
  from: '',
  to: '',
  traceId: '',
  userId: '',
  module: '',
  path: '',
  q: '',
};

const isLevel = (value: string): value is LogLevel =>
  (LOG_LEVELS as readonly string[]).includes(value);
const isSource = (value: string): value is LogSource =>
  (LOG_SOURCES as readonly string[]).includes(value);
const isPreset = (value: string): value is RangePreset => value in RANGE_PRESETS;
const isInstant = (value: string) => value !== '' && !Number.isNaN(Date.parse(value));

function rangeOf(params: URLSearchParams): RangeChoice {
  const range = params.get('range') ?? '';
  if (isPreset(range) || range === 'custom') return range;
  // A link with only `from`/`to` (from another page) means that range.
  return params.has('from') || params.has('to') ? 'custom' : 'any';
}

/**
 * The filters of a URL. Values that cannot be one (a hand-edited link) are dropped: unknown
 * levels or sources, an invalid instant. `level=error,warn` and repeated `level` both work;
 * levels win over `minLevel` when a link has both, as the form offers one or the other.
 */
export function filterValuesOf(params: URLSearchParams): LogFilterValues {
  const levels = [
    ...new Set(params.getAll('level').flatMap((value) => value.split(',').map((v) => v.trim()))),
  ].filter(isLevel);
  const minLevel = params.get('minLevel') ?? '';
  const source = params.get('source') ?? '';
  const range = rangeOf(params);
  const instant = (name: 'from' | 'to') => {
    const value = params.get(name) ?? '';
    return range === 'custom' && isInstant(value) ? new Date(value).toISOString() : '';
  };
  const text = (name: string) => (params.get(name) ?? '').trim();
  return {
    source: isSource(source) ? source : '',
    levels: LOG_LEVELS.filter((level) => levels.includes(level)),
    minLevel: levels.length === 0 && isLevel(minLevel) ? minLevel : '',
    range,
    from: instant('from'),
    to: instant('to'),
    traceId: text('traceId'),
    userId: text('userId'),
    module: text('module'),
    path: text('path'),
    q: text('q'),
  };
}

/**
 * `current` with the filters replaced by `values`: empty values leave no parameter behind, and
 * parameters that are not filters (the open line) are kept.
 */
export function withFilters(current: URLSearchParams, values: LogFilterValues): URLSearchParams {
  const next = new URLSearchParams(current);
  FILTER_PARAMS.forEach((name) => next.delete(name));
  const set = (name: string, value: string) => value && next.set(name, value);
  set('source', values.source);
  if (values.levels.length > 0) next.set('level', values.levels.join(','));
  else set('minLevel', values.minLevel);
  if (values.range !== 'any') next.set('range', values.range);
  if (values.range === 'custom') {
    set('from', values.from);
    set('to', values.to);
  }
  set('traceId', values.traceId);
  set('userId', values.userId);
  set('module', values.module);
  set('path', values.path);
  set('q', values.q);
  return next;
}

export const hasFilters = (values: LogFilterValues): boolean =>
  withFilters(new URLSearchParams(), values).toString() !== '';

/**
 * The API's query for the filters at `now` (ms): a preset range becomes `from = now − length`,
 * so the caller fixes `now` once per view and every page of it reads the same lines.
 */
export function logQueryOf(values: LogFilterValues, now: number): LogQuery {
  const query: LogQuery = {};
  if (values.source) query.source = values.source;
  if (values.levels.length > 0) query.level = values.levels;
  else if (values.minLevel) query.minLevel = values.minLevel;
  if (isPreset(values.range)) {
    query.from = new Date(now - RANGE_PRESETS[values.range].ms).toISOString();
  } else if (values.range === 'custom') {
    if (values.from) query.from = values.from;
    if (values.to) query.to = values.to;
  }
  if (values.traceId) query.traceId = values.traceId;
  if (values.userId) query.userId = values.userId;
  if (values.module) query.module = values.module;
  if (values.path) query.requestPath = values.path;
  if (values.q) query.q = values.q;
  return query;
}

/** The link to the lines of one trace, as other pages build it. */
export const traceLink = (traceId: string): string =>
  `/admin/logs?${new URLSearchParams({ traceId }).toString()}`;
