import { LOG_LEVELS, LOG_SOURCES, LogLevel, LogSource } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One stored log line. */
export class LogEntryDto {
  @ApiProperty({ example: '1024' })
  id!: string;

  @ApiProperty({ example: '2026-11-21T10:15:30.123456Z', description: 'UTC, microseconds' })
  timestamp!: string;

  @ApiProperty({ enum: LOG_LEVELS })
  level!: LogLevel;

  @ApiProperty({ type: 'integer', description: 'OpenTelemetry severity number', example: 9 })
  severityNumber!: number;

  @ApiProperty({ enum: LOG_SOURCES })
  source!: LogSource;

  @ApiPropertyOptional({ type: String, nullable: true })
  module!: string | null;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  traceId!: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  requestMethod!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  requestPath!: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  statusCode!: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  durationMs!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  extra!: Record<string, unknown>;
}

export class LogPageDto {
  @ApiProperty({ type: [LogEntryDto], description: 'Newest first' })
  items!: LogEntryDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page',
  })
  nextCursor!: string | null;
}

export class LogContextDto {
  @ApiProperty({ type: LogEntryDto })
  entry!: LogEntryDto;

  @ApiProperty({ type: [LogEntryDto], description: 'Lines just before it, oldest first' })
  before!: LogEntryDto[];

  @ApiProperty({ type: [LogEntryDto], description: 'Lines just after it, oldest first' })
  after!: LogEntryDto[];

  @ApiProperty({
    type: [LogEntryDto],
    description: 'Every line of its trace (up to 1000), oldest first',
  })
  trace!: LogEntryDto[];
}

export class LevelCountsDto {
  @ApiProperty({ type: 'integer' }) trace!: number;
  @ApiProperty({ type: 'integer' }) debug!: number;
  @ApiProperty({ type: 'integer' }) info!: number;
  @ApiProperty({ type: 'integer' }) warn!: number;
  @ApiProperty({ type: 'integer' }) error!: number;
  @ApiProperty({ type: 'integer' }) fatal!: number;
}

export class LogVolumeBucketDto {
  @ApiProperty({ format: 'date-time' })
  start!: string;

  @ApiProperty({ type: LevelCountsDto })
  counts!: LevelCountsDto;
}

export class TopErrorDto {
  @ApiProperty({
    example: 'Payment <n> failed for user <uuid>',
    description: 'The message with numbers, IDs, emails and quoted values replaced',
  })
  pattern!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;

  @ApiProperty({ description: 'One message of the group, as logged' })
  example!: string;

  @ApiProperty({ format: 'date-time' })
  lastSeen!: string;
}

export class LogStatisticsDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: 'integer' }) total!: number;

  @ApiProperty({ type: LevelCountsDto })
  byLevel!: LevelCountsDto;

  @ApiProperty({
    example: { backend: 120, frontend: 8 },
    type: 'object',
    properties: { backend: { type: 'integer' }, frontend: { type: 'integer' } },
    required: ['backend', 'frontend'],
  })
  bySource!: Record<LogSource, number>;

  @ApiProperty({
    type: 'integer',
    example: 3600,
    description: 'Width of a volume bucket, in seconds',
  })
  bucketSeconds!: number;

  @ApiProperty({ type: [LogVolumeBucketDto], description: 'Oldest first; empty buckets included' })
  volume!: LogVolumeBucketDto[];

  @ApiProperty({ type: [TopErrorDto], description: 'Errors and fatals, most frequent first' })
  topErrors!: TopErrorDto[];
}
