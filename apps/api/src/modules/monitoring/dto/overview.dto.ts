import { METRIC_PERIODS, MetricPeriod } from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { LatencyDto } from './metric-series.dto';

export class RequestOverviewDto extends LatencyDto {
  @ApiProperty()
  total!: number;

  @ApiProperty({ description: 'Requests per minute over the window' })
  perMinute!: number;

  @ApiProperty()
  clientErrors!: number;

  @ApiProperty()
  serverErrors!: number;

  @ApiProperty({ type: Number, nullable: true, description: '(4xx + 5xx) / total' })
  errorRate!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '5xx / total' })
  serverErrorRate!: number | null;

  @ApiProperty({ description: 'Endpoints that had requests' })
  endpoints!: number;
}

export class QueryOverviewDto extends LatencyDto {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  perMinute!: number;
}

export class EndpointFigureDto {
  @ApiProperty({ example: 'GET /api/v1/transactions' })
  endpoint!: string;

  @ApiProperty()
  requests!: number;

  @ApiProperty({ type: Number, nullable: true })
  p95Ms!: number | null;

  @ApiProperty({ description: 'Answers with a 4xx or 5xx status' })
  errors!: number;

  @ApiProperty()
  errorRate!: number;
}

export class MonitoringOverviewDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ enum: METRIC_PERIODS })
  period!: MetricPeriod;

  @ApiProperty({ type: RequestOverviewDto })
  requests!: RequestOverviewDto;

  @ApiProperty({ type: QueryOverviewDto })
  queries!: QueryOverviewDto;

  @ApiProperty({ description: 'Requests at or over SLOW_REQUEST_MS in the window' })
  slowRequests!: number;

  @ApiProperty({ description: 'Queries at or over SLOW_QUERY_MS in the window' })
  slowQueries!: number;

  @ApiProperty({ description: 'SLOW_REQUEST_MS' })
  slowRequestMs!: number;

  @ApiProperty({ description: 'SLOW_QUERY_MS' })
  slowQueryMs!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'API instances that reported minute figures in the window; null past minute retention',
  })
  instances!: number | null;

  @ApiProperty({ type: EndpointFigureDto, nullable: true, description: 'Highest p95' })
  slowestEndpoint!: EndpointFigureDto | null;

  @ApiProperty({ type: EndpointFigureDto, nullable: true, description: 'Most 4xx + 5xx answers' })
  mostFailingEndpoint!: EndpointFigureDto | null;

  @ApiProperty({ type: EndpointFigureDto, nullable: true, description: 'Most requests' })
  busiestEndpoint!: EndpointFigureDto | null;
}
