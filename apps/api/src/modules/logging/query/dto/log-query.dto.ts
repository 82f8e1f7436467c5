import {
  LOG_EXPORT_FORMATS,
  LOG_LEVELS,
  LOG_SOURCES,
  LogExportFormat,
  LogLevel,
  LogSource,
} from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { trim } from '../../../../common/http/transforms';
import { TraceUserFilterDto } from '../../../../common/http/trace-user-filter.dto';
import { decodeCursor } from '../log-cursor';
import { OptionalDateTime, OptionalInteger } from '../../../../common/http/optional-fields';

/** `level=error,warn` and `level=error&level=warn` both give ['error', 'warn']. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.flatMap((item) => String(item).split(','))
      : value;

/** Filters of stored logs, shared by the list, the export and (in part) the statistics. */
export class LogFilterDto extends TraceUserFilterDto {
  @ApiPropertyOptional({
    description:
      'A trace ID, or its first 8 to 31 hex digits (the reference an error shows in the SPA): ' +
      'every trace it starts',
    example: '4bf92f35',
  })
  declare traceId?: string;

  @ApiPropertyOptional({ enum: LOG_SOURCES })
  @IsOptional()
  @IsIn(LOG_SOURCES)
  source?: LogSource;

  @ApiPropertyOptional({
    enum: LOG_LEVELS,
    isArray: true,
    description: 'One level or several (comma-separated or repeated)',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(LOG_LEVELS.length)
  @IsIn(LOG_LEVELS, { each: true })
  level?: LogLevel[];

  @ApiPropertyOptional({ enum: LOG_LEVELS, description: 'This level and every graver one' })
  @IsOptional()
  @IsIn(LOG_LEVELS)
  minLevel?: LogLevel;

  @OptionalDateTime('Logged at or after')
  from?: string;

  @OptionalDateTime('Logged before')
  to?: string;

  @ApiPropertyOptional({ example: 'http' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  module?: string;

  @ApiPropertyOptional({ example: '/api/v1/transactions', description: 'Exact request path' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  requestPath?: string;

  @ApiPropertyOptional({ description: 'Text contained in the message (case-insensitive)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class LogListQueryDto extends LogFilterDto {
  @OptionalInteger({ min: 1, max: 1000, default: 100 })
  limit = 100;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @MaxLength(256)
  @ValidateBy({
    name: 'isLogCursor',
    validator: {
      validate: (value) => typeof value === 'string' && decodeCursor(value) !== undefined,
      defaultMessage: () => 'cursor is not a cursor this API gave out',
    },
  })
  cursor?: string;
}

export class LogExportDto extends LogFilterDto {
  @ApiProperty({ enum: LOG_EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(LOG_EXPORT_FORMATS)
  format: LogExportFormat = 'json';
}

export class LogContextQueryDto {
  @OptionalInteger({ min: 0, max: 200, default: 20 })
  before = 20;

  @OptionalInteger({ min: 0, max: 200, default: 20 })
  after = 20;
}

/** `from` defaults to 24 hours before `to`, `to` to now. */
export class LogStatisticsQueryDto extends PickType(LogFilterDto, ['from', 'to', 'source']) {}
