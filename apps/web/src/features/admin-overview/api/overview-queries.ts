import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { hourWindows } from '../overview-figures';

/** Failures the action-log card lists. */
export const AUDIT_FAILURES_SHOWN = 5;
/** The API's largest page of exception groups: regressed ones are counted among them. */
const UNRESOLVED_READ = 200;

/** Each card's source has its own entry, so one failing leaves the others on screen. */
export const overviewKeys = {
  all: ['admin-overview'] as const,
  alerts: () => [...overviewKeys.all, 'alerts'] as const,
  exceptions: () => [...overviewKeys.all, 'unresolved-exceptions'] as const,
  requests: () => [...overviewKeys.all, 'requests'] as const,
  logErrors: () => [...overviewKeys.all, 'log-errors'] as const,
  auditFailures: () => [...overviewKeys.all, 'audit-failures'] as const,
};

export const useAlertRules = () =>
  useQuery({
    queryKey: overviewKeys.alerts(),
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/alerts')),
  });

export const useUnresolvedExceptions = () =>
  useQuery({
    queryKey: overviewKeys.exceptions(),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/logging/exceptions', {
          params: { query: { status: 'unresolved', limit: UNRESOLVED_READ } },
        }),
      ),
  });

/** The API's request figures for the last hour and for the hour before, read together. */
export const useHourComparison = () =>
  useQuery({
    queryKey: overviewKeys.requests(),
    queryFn: async () => {
      const { current, previous } = hourWindows(Date.now());
      const read = (query: typeof current) =>
        unwrap(api.GET('/api/v1/monitoring/overview', { params: { query } }));
      const [now, before] = await Promise.all([read(current), read(previous)]);
      return { current: now, previous: before };
    },
  });

/** Log statistics of the last hour (its counts by level). */
export const useLastHourLogs = () =>
  useQuery({
    queryKey: overviewKeys.logErrors(),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/logging/logs/statistics', {
          params: { query: hourWindows(Date.now()).current },
        }),
      ),
  });

/** The newest failed or warning actions of the action log, with how many there are. */
export const useAuditFailures = () =>
  useQuery({
    queryKey: overviewKeys.auditFailures(),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/audit-logs/errors', {
          params: { query: { page: 1, limit: AUDIT_FAILURES_SHOWN } },
        }),
      ),
  });
