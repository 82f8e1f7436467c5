import {
  EXCEPTION_LEVELS,
  EXCEPTION_STATUSES,
  ExceptionLevel,
  ExceptionStatus,
  LOG_SOURCES,
  LogSource,
} from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/http/pagination.dto';
import type { ExceptionGroupRow } from '../storage/exception-groups.store';

/** How many hours each group's sparkline covers. */
export const SPARKLINE_HOURS = 24;

const iso = (time: Date | null) => (time ? new Date(time).toISOString() : null);
const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

/** An exception group: one problem, however often it occurred. */
export class ExceptionGroupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'SHA-256 of what makes occurrences the same problem' })
  fingerprint: string;

  @ApiProperty({ example: "TypeError: Cannot read properties of undefined (reading '<str>')" })
  title: string;

  @ApiProperty({ example: 'TypeError' })
  type: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The innermost in-app stack frame',
    example: 'BudgetsService.spent (apps/api/src/modules/budgets/budgets.service.ts)',
  })
  culprit: string | null;

  @ApiProperty({ enum: EXCEPTION_LEVELS, description: 'The gravest level seen' })
  level: ExceptionLevel;

  @ApiProperty({ enum: LOG_SOURCES })
  source: LogSource;

  @ApiProperty({ enum: EXCEPTION_STATUSES })
  status: ExceptionStatus;

  @ApiProperty({
    description: 'Occurred again after it was resolved (cleared when resolved again)',
  })
  regressed: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last regression',
  })
  regressedAt: string | null;

  @ApiProperty({ description: 'Every occurrence, sampled out or not' })
  count: number;

  @ApiProperty({ format: 'date-time' })
  firstSeen: string;

  @ApiProperty({ format: 'date-time' })
  lastSeen: string;

  @ApiProperty({ description: 'Distinct signed-in users it happened to' })
  affectedUsers: number;

  @ApiProperty({ type: String, nullable: true, description: 'Notes of the last resolution' })
  resolutionNotes: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who resolved it last',
  })
  resolvedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Ignored until then',
  })
  ignoredUntil: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Ignored until it occurred this many more times (counted from the ignore)',
  })
  ignoreUntilCount: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Occurrences left before an ignore by count ends',
  })
  ignoreRemaining: number | null;

  @ApiProperty({ format: 'date-time', description: 'When the status last changed' })
  statusChangedAt: string;

  @ApiProperty({
    type: 'integer',
    isArray: true,
    minItems: SPARKLINE_HOURS,
    maxItems: SPARKLINE_HOURS,
    description:
      'Occurrences in each of the last 24 clock hours (UTC), oldest first; the last is the hour ' +
      'now falls in, so far. Every occurrence, sampled out or not.',
  })
  sparkline: number[];

  static from(row: ExceptionGroupRow, sparkline: number[]): ExceptionGroupDto {
    return {
      id: row.id,
      fingerprint: row.fingerprint,
      title: row.title,
      type: row.type,
      culprit: row.culprit,
      level: row.level,
      source: row.source,
      status: row.status,
      regressed: row.regressed,
      regressedAt: iso(row.regressed_at),
      count: Number(row.count),
      firstSeen: new Date(row.first_seen).toISOString(),
      lastSeen: new Date(row.last_seen).toISOString(),
      affectedUsers: Number(row.affected_users),
      resolutionNotes: row.resolution_notes,
      resolvedBy: row.resolved_by,
      resolvedAt: iso(row.resolved_at),
      ignoredUntil: iso(row.ignored_until),
      ignoreUntilCount: numberOrNull(row.ignore_until_count),
      ignoreRemaining: numberOrNull(row.ignore_remaining),
      statusChangedAt: new Date(row.status_changed_at).toISOString(),
      sparkline,
    };
  }
}

export class ExceptionGroupPageDto extends PageOf(ExceptionGroupDto) {}
