import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';
import type { AuditEventsQuery, AuditLogFilters } from './types';

/** Rows per page of the action log (the API's default and at most 200). */
export const AUDIT_PAGE_SIZE = 50;
/** Rows of the row history loaded for one resource: the API's largest page. */
export const HISTORY_LIMIT = 200;

/** One page of the action log, or of its failures only (the errors tab). */
export function useAuditLogs(view: 'all' | 'errors', filters: AuditLogFilters, page: number) {
  const query = { ...filters, page, limit: AUDIT_PAGE_SIZE };
  return useQuery({
    queryKey: auditKeys.logs(view, query),
    queryFn: () =>
      unwrap(
        view === 'errors'
          ? api.GET('/api/v1/audit-logs/errors', { params: { query } })
          : api.GET('/api/v1/audit-logs', { params: { query } }),
      ),
    // Paging and filtering keep the table in place while the next page loads.
    placeholderData: keepPreviousData,
  });
}

/** One event of the action log in full (the Events contract leaves out its duration and agent). */
export function useAuditLog(id: string | null) {
  return useQuery({
    queryKey: auditKeys.log(id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/audit-logs/{id}', { params: { path: { id: id as string } } })),
    enabled: id !== null,
  });
}

/** The Events contract's page; `refreshMs` re-reads it on a timer (false: never). */
export function useAuditEvents(query: AuditEventsQuery, refreshMs: number | false) {
  return useQuery({
    queryKey: auditKeys.events(query),
    queryFn: () => unwrap(api.GET('/api/v1/audit/events', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
    // An admin watching events in another tab still wants them current on return.
    refetchIntervalInBackground: false,
  });
}

/** Every recorded change of one row, newest first. */
export function useRowHistory(table: string, rowId: string) {
  return useQuery({
    queryKey: auditKeys.changes(table, rowId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/audit/changes', {
          params: { query: { table, rowId, limit: HISTORY_LIMIT } },
        }),
      ),
  });
}

/**
 * The hash chain's verification. It walks the whole row history, so it runs when asked (and
 * once on opening), never on a timer; `dataUpdatedAt` says when it last ran.
 */
export function useChainVerification() {
  return useQuery({
    queryKey: auditKeys.verification(),
    queryFn: () => unwrap(api.GET('/api/v1/audit/verify')),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
