import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExportResponses } from '../../common/export/export-responses';
import { JobsModule } from '../../common/jobs/jobs.module';
import { AuditChainVerifier } from './audit-chain.verifier';
import { AuditChange } from './audit-change.entity';
import { AuditChangesService } from './audit-changes.service';
import { AuditEvent } from './audit-event.entity';
import { AuditEventsStore } from './audit-events.store';
import { AuditLogsController } from './audit-logs.controller';
import { AuditLogsService } from './audit-logs.service';
import { AuditRecorder } from './audit-recorder';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './http/audit.interceptor';
import { HttpAudit } from './http/http-audit';
import { AuditAnchors } from './retention/audit-anchors';
import { AuditMonthArchiver } from './retention/audit-month-archiver';
import { AuditRetentionService } from './retention/audit-retention.service';

/**
 * The audit trail: the action log (recorder, HTTP capture, queries, export) and the row history
 * written by the database (queries, owner history, chain verification). A module that records
 * actions or serves record history imports it; failed requests come from the exception filter
 * as `InternalEvent.RequestFailed`. Retention keeps monthly partitions ahead, archives expired
 * months (AUDIT_RETENTION_MONTHS) and anchors the chain daily.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditChange]), JobsModule],
  controllers: [AuditLogsController, AuditController],
  providers: [
    AuditEventsStore,
    AuditRecorder,
    HttpAudit,
    AuditLogsService,
    AuditChangesService,
    AuditChainVerifier,
    ExportResponses,
    AuditMonthArchiver,
    AuditRetentionService,
    AuditAnchors,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditRecorder, HttpAudit, AuditChangesService],
})
export class AuditModule {}
