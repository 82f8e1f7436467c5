import {
  METRIC_PERIODS,
  METRIC_TYPES,
  MetricPeriod,
  MetricType,
  QUERY_KINDS,
  QueryKind,
  SLOW_SAMPLE_SORTS,
  SlowSampleSort,
} from '@ledgerlens/contracts';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PaginationQueryOf } from '../../../common/http/pagination.dto';
import { trim, trimUpper } from '../../../common/http/transforms';
import { TraceUserFilterDto } from '../../../common/http/trace-user-filter.dto';
import { OptionalDateTime, OptionalInteger } from '../../../common/http/optional-fields';

/** `from` defaults to an hour before `to`, `to` to now. */
export class TimeRangeQueryDto {
  @OptionalDateTime('Start (inclusive); default: 1 hour before `to`')
  from?: string;

  @OptionalDateTime('End (exclusive); default: now')
  to?: string;
}

export class MetricSeriesQueryDto extends TimeRangeQueryDto {
  @ApiPropertyOptional({ enum: METRIC_TYPES, default: 'http_request' })
  @IsOptional()
  @IsIn(METRIC_TYPES)
  metricType: MetricType = 'http_request';

  @ApiPropertyOptional({
    example: 'GET /api/v1/transactions/:id',
    description:
      'One series: an endpoint (method and route template) for http_request, a statement kind ' +
      '(SELECT, INSERT, …) for db_query. Omitted: every series of the type, merged.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(512)
  name?: string;

  @ApiPropertyOptional({
    enum: METRIC_PERIODS,
    description: 'Width of a point; omitted: the finest giving at most 400 points and still kept',
  })
  @IsOptional()
  @IsIn(METRIC_PERIODS)
  period?: MetricPeriod;
}

class SlowSampleFilterDto extends IntersectionType(TimeRangeQueryDto, TraceUserFilterDto) {
  @ApiPropertyOptional({ enum: SLOW_SAMPLE_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(SLOW_SAMPLE_SORTS)
  sort: SlowSampleSort = 'newest';

  @ApiPropertyOptional({ description: 'At least this many milliseconds' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minDurationMs?: number;
}

/** Slow requests are listed over any range: `from` and `to` are optional bounds, not a window. */
export class SlowRequestFilterDto extends SlowSampleFilterDto {
  @ApiPropertyOptional({ example: '/api/v1/transactions/:id', description: 'Route template' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(512)
  route?: string;

  @ApiPropertyOptional({ example: 'GET' })
  @IsOptional()
  @Transform(trimUpper)
  @IsIn(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
  method?: string;

  @OptionalInteger({ min: 100, max: 599, example: 500 })
  statusCode?: number;
}

export class SlowQueryFilterDto extends SlowSampleFilterDto {
  @ApiPropertyOptional({
    description: 'Text contained in the normalised statement (case-insensitive)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: QUERY_KINDS })
  @IsOptional()
  @IsIn(QUERY_KINDS)
  kind?: QueryKind;

  @ApiPropertyOptional({
    type: String,
    maxLength: 512,
    example: 'GET /api/v1/transactions',
    description: 'Only queries run by this endpoint (method and route template, exact match)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(512)
  endpoint?: string;
}

export class SlowRequestListQueryDto extends PaginationQueryOf(50, 200, SlowRequestFilterDto) {}

export class SlowQueryListQueryDto extends PaginationQueryOf(50, 200, SlowQueryFilterDto) {}
