/** The audit module's public entry: what code outside the module uses of it. */
export { AuditModule } from './audit.module';
export { AuditChange } from './audit-change.entity';
export { AuditChangesService } from './audit-changes.service';
export type { AuditEventRecord } from './audit-event-input';
export { AuditEvent } from './audit-event.entity';
export { AuditRecorder } from './audit-recorder';
export { RecordHistoryDto } from './dto/audit-change.dto';
export { Audit } from './http/audit.decorator';
export { AuditRouteGuard } from './http/audit-route.guard';
export { GetHistoryById } from './http/history-route';
