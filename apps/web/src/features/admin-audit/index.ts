export { AuditLogsPage } from './AuditLogsPage';
export { EventsPage } from './EventsPage';
