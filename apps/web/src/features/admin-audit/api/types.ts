import type { components, operations } from '@ledgerlens/contracts';

export {
  AUDIT_RESULTS,
  AUDIT_SEVERITIES,
  AUDIT_SOURCES,
  type AuditResult,
  type AuditSeverity,
  type AuditSource,
} from '@ledgerlens/contracts';

export type AuditLog = components['schemas']['AuditLogDto'];
export type AuditLogPage = components['schemas']['AuditLogPageDto'];
export type AuditEvent = components['schemas']['AuditEventContractDto'];
export type AuditEventList = components['schemas']['AuditEventListDto'];
export type AuditChange = components['schemas']['AuditChangeDto'];
export type AuditChangePage = components['schemas']['AuditChangePageDto'];
export type ChainVerification = components['schemas']['ChainVerificationDto'];

type QueryOf<Operation extends keyof operations> = NonNullable<
  operations[Operation]['parameters']['query']
>;

/** Filters of the action log (list, errors and export), without paging. */
export type AuditLogFilters = Omit<QueryOf<'AuditLogsController_list_v1'>, 'page' | 'limit'>;
export type AuditEventsQuery = QueryOf<'AuditController_events_v1'>;
export type ExportFormat = NonNullable<QueryOf<'AuditLogsController_export_v1'>['format']>;
