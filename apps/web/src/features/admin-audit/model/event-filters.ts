import {
  AUDIT_RESULTS,
  AUDIT_SOURCES,
  type AuditEventsQuery,
  type AuditLogFilters,
  type AuditResult,
  type AuditSource,
} from '../api/types';
import { isIsoMoment } from './time';

/** The Events page's filters as the URL keeps them. No range means the last 7 days. */
export const EVENT_FILTER_PARAMS = ['from', 'to', 'operation', 'source', 'result'] as const;
export type EventFilterParam = (typeof EVENT_FILTER_PARAMS)[number];
export type EventFilterValues = Record<EventFilterParam, string>;

export const DEFAULT_RANGE_MS = 7 * 24 * 60 * 60 * 1000;

export function eventFilterValuesOf(params: URLSearchParams): EventFilterValues {
  return Object.fromEntries(
    EVENT_FILTER_PARAMS.map((name) => [name, params.get(name) ?? '']),
  ) as EventFilterValues;
}

export const hasEventFilters = (values: EventFilterValues) =>
  EVENT_FILTER_PARAMS.some((name) => values[name]);

/**
 * The Events contract's query. Without a range the API itself takes the 7 days before now, so
 * an auto-refresh keeps sliding the window instead of freezing the moment the page opened.
 */
export function eventsQueryOf(
  values: EventFilterValues,
  page: number,
  limit: number,
): AuditEventsQuery {
  const query: AuditEventsQuery = { limit, offset: (page - 1) * limit };
  if (isIsoMoment(values.from)) query.start_date = values.from;
  if (isIsoMoment(values.to)) query.end_date = values.to;
  const operation = values.operation.trim();
  if (operation) query.operation_type = operation;
  if ((AUDIT_SOURCES as readonly string[]).includes(values.source)) {
    query.source = values.source as AuditSource;
  }
  if ((AUDIT_RESULTS as readonly string[]).includes(values.result)) {
    query.result = values.result as AuditResult;
  }
  return query;
}

/**
 * The same events as the action log's export filters (the Events contract has no export of its
 * own): an open range is fixed to the last 7 days at the moment of export, as the page shows.
 */
export function eventsExportFiltersOf(values: EventFilterValues, now: Date): AuditLogFilters {
  const query = eventsQueryOf(values, 1, 1);
  const to = query.end_date ?? now.toISOString();
  const from =
    query.start_date ?? new Date(new Date(to).getTime() - DEFAULT_RANGE_MS).toISOString();
  const filters: AuditLogFilters = { from, to };
  if (query.operation_type) filters.action = query.operation_type;
  if (query.source) filters.source = query.source;
  if (query.result) filters.result = query.result;
  return filters;
}
