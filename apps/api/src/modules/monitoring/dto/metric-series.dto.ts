import { METRIC_PERIODS, METRIC_TYPES, MetricPeriod, MetricType } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Latency figures of a set of requests or queries, in milliseconds; null when there were none. */
export class LatencyDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Mean duration' })
  meanMs!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'From merged bucket counts: the upper bound of the bucket holding the 50th percentile',
  })
  p50Ms!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p95Ms!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p99Ms!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Exact' })
  maxMs!: number | null;
}

export class MetricPointDto extends LatencyDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the period' })
  start!: string;

  @ApiProperty({ description: 'Requests (or queries) in the period, every instance' })
  count!: number;

  @ApiProperty({ description: 'Answers with a 4xx status' })
  clientErrors!: number;

  @ApiProperty({ description: 'Answers with a 5xx status' })
  serverErrors!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(4xx + 5xx) / count; null without requests',
  })
  errorRate!: number | null;
}

export class MetricSeriesDto {
  @ApiProperty({ enum: METRIC_TYPES })
  metricType!: MetricType;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: every series merged' })
  name!: string | null;

  @ApiProperty({ enum: METRIC_PERIODS })
  period!: MetricPeriod;

  @ApiProperty({ format: 'date-time', description: 'Start of the first period' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({
    type: [MetricPointDto],
    description: 'Oldest first; every period, empty ones too',
  })
  points!: MetricPointDto[];
}
