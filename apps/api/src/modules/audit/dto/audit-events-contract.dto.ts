import { AUDIT_RESULTS, AUDIT_SOURCES, AuditResult, AuditSource } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditLogDto } from './audit-log.dto';
import { OptionalDateTime, OptionalInteger } from '../../../common/http/optional-fields';

/** Query of `GET /audit/events`, the events contract (snake_case, offset paging). */
export class AuditEventsQueryDto {
  @OptionalDateTime('Default: 7 days before end_date')
  start_date?: string;

  @OptionalDateTime('Default: now')
  end_date?: string;

  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operation_type?: string;

  @ApiPropertyOptional({ enum: AUDIT_RESULTS })
  @IsOptional()
  @IsIn(AUDIT_RESULTS)
  result?: AuditResult;

  @ApiPropertyOptional({ enum: AUDIT_SOURCES })
  @IsOptional()
  @IsIn(AUDIT_SOURCES)
  source?: AuditSource;

  @OptionalInteger({ min: 1, max: 1000, default: 100 })
  limit = 100;

  // Past this, OFFSET only makes the database skip rows that are not there.
  @OptionalInteger({ min: 0, max: 100_000_000, default: 0 })
  offset = 0;
}

export class AuditEventContractDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  timestamp: string;

  @ApiProperty({ enum: AUDIT_SOURCES })
  source: AuditSource;

  @ApiProperty({ type: String, nullable: true, description: 'Email of who acted' })
  operator: string | null;

  @ApiProperty()
  operation_type: string;

  @ApiProperty({ enum: AUDIT_RESULTS })
  result: AuditResult;

  @ApiProperty()
  message: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  extra_info: Record<string, unknown>;

  static from(event: AuditLogDto): AuditEventContractDto {
    return {
      id: event.id,
      timestamp: event.occurredAt,
      source: event.source,
      operator: event.actorEmail,
      operation_type: event.action,
      result: event.result,
      message: event.message,
      extra_info: event.metadata,
    };
  }
}

export class AuditEventListDto {
  @ApiProperty({ type: [AuditEventContractDto] })
  events: AuditEventContractDto[];

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  limit: number;

  @ApiProperty({ type: 'integer' })
  offset: number;

  @ApiProperty({ format: 'date-time' })
  start_date: string;

  @ApiProperty({ format: 'date-time' })
  end_date: string;
}
