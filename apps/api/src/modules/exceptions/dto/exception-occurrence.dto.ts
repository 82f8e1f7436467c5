import { EXCEPTION_LEVELS, ExceptionLevel, LOG_SOURCES, LogSource } from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import type {
  ExceptionOccurrenceDetailRow,
  ExceptionOccurrenceRow,
} from '../storage/exception-occurrences.store';

/** One stored occurrence of a group (secrets redacted). */
export class ExceptionOccurrenceDto {
  @ApiProperty({ example: '1042' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ enum: EXCEPTION_LEVELS })
  level: ExceptionLevel;

  @ApiProperty({ example: 'TypeError' })
  type: string;

  @ApiProperty({ description: 'The message as it was (parameters included), redacted' })
  message: string;

  @ApiProperty({ enum: LOG_SOURCES })
  source: LogSource;

  @ApiProperty({ type: String, nullable: true, description: 'Find its logs and audit events' })
  traceId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'POST' })
  requestMethod: string | null;

  @ApiProperty({ type: String, nullable: true, example: '/api/v1/transactions' })
  requestPath: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Version of the API or web app' })
  release: string | null;

  static from(row: ExceptionOccurrenceRow): ExceptionOccurrenceDto {
    return {
      id: row.id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      level: row.level,
      type: row.type,
      message: row.message,
      source: row.source,
      traceId: row.trace_id,
      userId: row.user_id,
      requestMethod: row.request_method,
      requestPath: row.request_path,
      release: row.release,
    };
  }
}

/** An occurrence with its stack trace and context. */
export class ExceptionOccurrenceDetailDto extends ExceptionOccurrenceDto {
  @ApiProperty({ type: String, nullable: true })
  stack: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Where it was caught (`origin`) and other facts, redacted',
  })
  context: Record<string, unknown>;

  static override from(row: ExceptionOccurrenceDetailRow): ExceptionOccurrenceDetailDto {
    return {
      ...ExceptionOccurrenceDto.from(row),
      stack: row.stack,
      context: row.context,
    };
  }
}
