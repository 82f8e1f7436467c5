import {
  AUDIT_RESULTS,
  AUDIT_SEVERITIES,
  type AuditLogFilters,
  type AuditResult,
  type AuditSeverity,
} from '../api/types';
import { isIsoMoment } from './time';

/** The action log's filters as the URL keeps them (times as ISO moments, in UTC). */
export const AUDIT_FILTER_PARAMS = [
  'from',
  'to',
  'user',
  'action',
  'resourceType',
  'resourceId',
  'result',
  'severity',
  'q',
] as const;
export type AuditFilterParam = (typeof AUDIT_FILTER_PARAMS)[number];
export type AuditFilterValues = Record<AuditFilterParam, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const USER_ID_MESSAGE = 'Enter a user ID such as 0b6c…-…: the full ID from a row';

export function auditFilterValuesOf(params: URLSearchParams): AuditFilterValues {
  return Object.fromEntries(
    AUDIT_FILTER_PARAMS.map((name) => [name, params.get(name) ?? '']),
  ) as AuditFilterValues;
}

export const hasAuditFilters = (values: AuditFilterValues) =>
  AUDIT_FILTER_PARAMS.some((name) => values[name]);

const oneOf = <T extends string>(options: readonly T[], value: string): T | undefined =>
  (options as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The API's query from the URL's values. A value the API would refuse (a hand-edited URL, a
 * user ID mid-typing) is left out rather than sent; the form says why next to its field.
 */
export function auditApiFiltersOf(values: AuditFilterValues): AuditLogFilters {
  const filters: AuditLogFilters = {};
  if (isIsoMoment(values.from)) filters.from = values.from;
  if (isIsoMoment(values.to)) filters.to = values.to;
  if (UUID.test(values.user)) filters.userId = values.user;
  const text = {
    action: values.action.trim(),
    resourceType: values.resourceType.trim(),
    resourceId: values.resourceId.trim(),
    q: values.q.trim(),
  };
  for (const [name, value] of Object.entries(text)) {
    if (value) filters[name as keyof typeof text] = value;
  }
  const result = oneOf<AuditResult>(AUDIT_RESULTS, values.result);
  if (result) filters.result = result;
  const severity = oneOf<AuditSeverity>(AUDIT_SEVERITIES, values.severity);
  if (severity) filters.severity = severity;
  return filters;
}

/** The message for a user filter that cannot be a user ID. */
export const userErrorOf = (values: AuditFilterValues): string | undefined =>
  values.user && !UUID.test(values.user.trim()) ? USER_ID_MESSAGE : undefined;

/** A page number from the URL: 1 unless a whole number of at least 1. */
export function pageOf(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
