import { METRIC_PERIODS, MetricPeriod } from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';

export const ERROR_RATE_TRENDS = ['rising', 'falling', 'steady', 'new'] as const;
export type ErrorRateTrend = (typeof ERROR_RATE_TRENDS)[number];

export class EndpointErrorRateDto {
  @ApiProperty({ example: 'GET /api/v1/transactions/:id' })
  endpoint!: string;

  @ApiProperty()
  requests!: number;

  @ApiProperty({ description: 'Answers with a 4xx status' })
  clientErrors!: number;

  @ApiProperty({ description: 'Answers with a 5xx status' })
  serverErrors!: number;

  @ApiProperty({ description: '(4xx + 5xx) / requests' })
  errorRate!: number;

  @ApiProperty({ description: '5xx / requests' })
  serverErrorRate!: number;

  @ApiProperty({ type: Number, nullable: true })
  p95Ms!: number | null;

  @ApiProperty({ description: 'Requests in the previous window of the same length' })
  previousRequests!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'null without previous requests' })
  previousErrorRate!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'errorRate − previousErrorRate',
  })
  errorRateChange!: number | null;

  @ApiProperty({
    enum: ERROR_RATE_TRENDS,
    description:
      'Against the previous window: steady within half a percentage point; new without previous requests',
  })
  trend!: ErrorRateTrend;
}

export class ErrorRatesDto {
  @ApiProperty({
    format: 'date-time',
    description: 'Start of the window (rounded down to its period)',
  })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ format: 'date-time', description: 'Start of the previous window' })
  previousFrom!: string;

  @ApiProperty({ enum: METRIC_PERIODS, description: 'Rows the figures were added up from' })
  period!: MetricPeriod;

  @ApiProperty({
    type: [EndpointErrorRateDto],
    description: 'Endpoints with requests in the window; most errors first',
  })
  items!: EndpointErrorRateDto[];
}
