import {
  AUDIT_EXPORT_FORMATS,
  AUDIT_RESULTS,
  AUDIT_SEVERITIES,
  AUDIT_SOURCES,
  AuditExportFormat,
  AuditResult,
  AuditSeverity,
  AuditSource,
} from '@ledgerlens/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PaginationQueryOf } from '../../../common/http/pagination.dto';
import { trim } from '../../../common/http/transforms';
import { OptionalDateTime } from '../../../common/http/optional-fields';

/** Filters of the action log, shared by the list, the error list and the export. */
export class AuditLogFilterDto {
  @OptionalDateTime('Occurred at or after')
  from?: string;

  @OptionalDateTime('Occurred before')
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The acting user' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({ example: 'transaction.update' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ example: 'transaction' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  resourceType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  resourceId?: string;

  @ApiPropertyOptional({ enum: AUDIT_RESULTS })
  @IsOptional()
  @IsIn(AUDIT_RESULTS)
  result?: AuditResult;

  @ApiPropertyOptional({ enum: AUDIT_SEVERITIES })
  @IsOptional()
  @IsIn(AUDIT_SEVERITIES)
  severity?: AuditSeverity;

  @ApiPropertyOptional({ enum: AUDIT_SOURCES })
  @IsOptional()
  @IsIn(AUDIT_SOURCES)
  source?: AuditSource;

  @ApiPropertyOptional({
    description: 'Text contained in the message or the IP (case-insensitive)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class AuditLogListQueryDto extends PaginationQueryOf(50, 200, AuditLogFilterDto) {}

export class AuditLogExportQueryDto extends AuditLogFilterDto {
  @ApiPropertyOptional({ enum: AUDIT_EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(AUDIT_EXPORT_FORMATS)
  format: AuditExportFormat = 'csv';
}
