import { LOG_INGEST_LIMITS, LOG_LEVELS, LogLevel } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MaxBytes, WithinClock } from '../../../common/http/text-limits.decorator';

const ENTRY_CLOCK_WINDOW = {
  pastMs: LOG_INGEST_LIMITS.maxAgeDays * 86_400_000,
  futureMs: LOG_INGEST_LIMITS.clockToleranceMinutes * 60_000,
};

/** One log entry from a browser. */
export class BrowserLogEntryDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Made by the browser per entry: a retried entry with the same ID is stored once',
  })
  @IsUUID('all')
  clientId!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When the browser logged it: at most 7 days ago and an hour ahead',
  })
  @IsISO8601({ strict: true })
  @WithinClock(ENTRY_CLOCK_WINDOW)
  timestamp!: string;

  @ApiProperty({ enum: LOG_LEVELS })
  @IsIn(LOG_LEVELS)
  level!: LogLevel;

  @ApiProperty({ maxLength: LOG_INGEST_LIMITS.messageBytes, description: 'At most 64 KB' })
  @IsString()
  @MaxBytes(LOG_INGEST_LIMITS.messageBytes)
  message!: string;

  @ApiPropertyOptional({ example: 'TransactionsPage', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  module?: string;

  @ApiPropertyOptional({ description: 'Trace ID of the API request the entry is about' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,128}$/, { message: 'traceId must be 1–128 letters, digits, . _ -' })
  traceId?: string;

  @ApiPropertyOptional({ description: 'The browser session' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  sessionId?: string;

  @ApiPropertyOptional({ description: 'Page the entry was logged on' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ description: 'Stack trace of an error, at most 64 KB' })
  @IsOptional()
  @IsString()
  @MaxBytes(LOG_INGEST_LIMITS.messageBytes)
  stack?: string;

  @ApiPropertyOptional({ description: 'Version of the web app' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  release?: string;

  @ApiPropertyOptional({ example: 'GET', description: 'Method of the API request it is about' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  requestMethod?: string;

  @ApiPropertyOptional({ example: '/api/v1/transactions' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  requestPath?: string;

  @ApiPropertyOptional({ type: 'integer', example: 500 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(599)
  statusCode?: number;

  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  durationMs?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Structured context; secrets are redacted again on arrival',
  })
  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;
}

export class LogBatchDto {
  @ApiProperty({ type: [BrowserLogEntryDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LOG_INGEST_LIMITS.entriesPerBatch)
  @ValidateNested({ each: true })
  @Type(() => BrowserLogEntryDto)
  entries!: BrowserLogEntryDto[];
}

export class LogBatchResultDto {
  @ApiProperty({ description: 'Entries in the batch' })
  received!: number;

  @ApiProperty({ description: 'Entries stored now' })
  stored!: number;

  @ApiProperty({ description: 'Entries already stored by an earlier send of the same batch' })
  duplicates!: number;
}
