import {
  EXCEPTION_SORTS,
  EXCEPTION_STATUSES,
  ExceptionSort,
  ExceptionStatus,
  LOG_SOURCES,
  LogSource,
} from '@ledgerlens/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryOf } from '../../../common/http/pagination.dto';
import { trim } from '../../../common/http/transforms';
import { OptionalDateTime, OptionalInteger } from '../../../common/http/optional-fields';

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A time range; both ends optional (each route says what they default to). */
export class ExceptionRangeDto {
  @OptionalDateTime('From this time (inclusive)')
  from?: string;

  @OptionalDateTime('Before this time')
  to?: string;
}

/** Filters of the exception group list. */
export class ExceptionFilterDto extends ExceptionRangeDto {
  @ApiPropertyOptional({ enum: LOG_SOURCES })
  @IsOptional()
  @IsIn(LOG_SOURCES)
  source?: LogSource;

  @ApiPropertyOptional({ example: 'TypeError', description: 'Exact type' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  type?: string;

  @ApiPropertyOptional({ enum: EXCEPTION_STATUSES })
  @IsOptional()
  @IsIn(EXCEPTION_STATUSES)
  status?: ExceptionStatus;

  @ApiPropertyOptional({ description: 'Text in the title, type or culprit (case-insensitive)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: EXCEPTION_SORTS, default: 'lastSeen' })
  @IsOptional()
  @IsIn(EXCEPTION_SORTS)
  sort: ExceptionSort = 'lastSeen';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order: SortOrder = 'desc';
}

/**
 * `from`/`to` keep the groups that occurred in the range (to the minute: counts are kept per
 * minute); the other filters match the group.
 */
export class ExceptionListQueryDto extends PaginationQueryOf(50, 200, ExceptionFilterDto) {}

export class ExceptionGroupQueryDto extends ExceptionRangeDto {
  @OptionalInteger({ min: 1, max: 100, default: 20 })
  recent = 20;
}
