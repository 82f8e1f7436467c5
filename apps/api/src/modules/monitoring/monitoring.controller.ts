import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ErrorRatesDto } from './dto/error-rates.dto';
import { MetricSeriesDto } from './dto/metric-series.dto';
import {
  MetricSeriesQueryDto,
  SlowQueryListQueryDto,
  SlowRequestListQueryDto,
  TimeRangeQueryDto,
} from './dto/monitoring-query.dto';
import { MonitoringOverviewDto } from './dto/overview.dto';
import { SlowQueryPageDto, SlowRequestPageDto } from './dto/slow-sample.dto';
import { ErrorRatesService } from './query/error-rates.service';
import { MetricSeriesService } from './query/metric-series.service';
import { MonitoringOverviewService } from './query/overview.service';
import { SlowSamplesService } from './query/slow-samples.service';

@ApiTags('monitoring')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Controller('monitoring')
export class MonitoringController {
  constructor(
    private readonly series: MetricSeriesService,
    private readonly slowSamples: SlowSamplesService,
    private readonly errorRateService: ErrorRatesService,
    private readonly overviewService: MonitoringOverviewService,
  ) {}

  @Get('metrics')
  @ApiOperation({
    summary: 'A latency and error series for charts',
    description:
      'Per period: count, 4xx, 5xx, error rate, mean, p50/p95/p99 (from merged bucket counts) ' +
      'and max, every instance merged. The last hour by default; the period is the finest that ' +
      'gives at most 400 points and is still kept, unless given.',
  })
  @ApiOkResponse({ type: MetricSeriesDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  metrics(@Query() query: MetricSeriesQueryDto): Promise<MetricSeriesDto> {
    return this.series.series(query);
  }

  @Get('slow-requests')
  @ApiOperation({
    summary: 'Requests that took at least SLOW_REQUEST_MS, newest or slowest first',
    description: 'Each links to the stored logs of its trace (`logsUrl`).',
  })
  @ApiOkResponse({ type: SlowRequestPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  slowRequests(@Query() query: SlowRequestListQueryDto): Promise<SlowRequestPageDto> {
    const { page, limit, offset, ...filters } = query;
    return this.slowSamples.requests(filters, { page, limit, offset });
  }

  @Get('slow-queries')
  @ApiOperation({
    summary: 'Queries that took at least SLOW_QUERY_MS, newest or slowest first',
    description: 'Statements normalised (literals as ?), parameters redacted.',
  })
  @ApiOkResponse({ type: SlowQueryPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  slowQueries(@Query() query: SlowQueryListQueryDto): Promise<SlowQueryPageDto> {
    const { page, limit, offset, ...filters } = query;
    return this.slowSamples.queries(filters, { page, limit, offset });
  }

  @Get('error-rates')
  @ApiOperation({
    summary: 'Per endpoint: requests, 4xx, 5xx and error rate, with the trend',
    description:
      'The trend compares with the window of the same length just before. Default: the last hour.',
  })
  @ApiOkResponse({ type: ErrorRatesDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  errorRates(@Query() query: TimeRangeQueryDto): Promise<ErrorRatesDto> {
    return this.errorRateService.errorRates(query);
  }

  @Get('overview')
  @ApiOperation({
    summary: 'The numbers of a dashboard header for a range (default: the last hour)',
  })
  @ApiOkResponse({ type: MonitoringOverviewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  overview(@Query() query: TimeRangeQueryDto): Promise<MonitoringOverviewDto> {
    return this.overviewService.overview(query);
  }
}
