import {
  AUDIT_CATEGORIES,
  AUDIT_RESULTS,
  AUDIT_SEVERITIES,
  AUDIT_SOURCES,
  AuditCategory,
  AuditResult,
  AuditSeverity,
  AuditSource,
} from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/http/pagination.dto';
import { AuditEvent } from '../audit-event.entity';

export class AuditLogDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true })
  actorEmail: string | null;

  @ApiProperty({ enum: AUDIT_SOURCES })
  source: AuditSource;

  @ApiProperty({ example: 'transaction.update' })
  action: string;

  @ApiProperty({ enum: AUDIT_CATEGORIES })
  category: AuditCategory;

  @ApiProperty({ type: String, nullable: true })
  resourceType: string | null;

  @ApiProperty({ type: String, nullable: true })
  resourceId: string | null;

  @ApiProperty({ enum: AUDIT_RESULTS })
  result: AuditResult;

  @ApiProperty({ enum: AUDIT_SEVERITIES })
  severity: AuditSeverity;

  @ApiProperty()
  message: string;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;

  @ApiProperty({ type: String, nullable: true })
  traceId: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  durationMs: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Redacted context: request method, path, body, status; stack of server errors',
  })
  metadata: Record<string, unknown>;

  static from(event: AuditEvent): AuditLogDto {
    return { ...event, occurredAt: event.occurredAt.toISOString() };
  }
}

export class AuditLogPageDto extends PageOf(AuditLogDto) {}
