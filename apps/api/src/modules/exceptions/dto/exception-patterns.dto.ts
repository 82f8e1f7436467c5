import { EXCEPTION_STATUSES, ExceptionStatus, LOG_SOURCES, LogSource } from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** Occurrences in the window, in the previous window of the same length, and the change. */
export class TrendDto {
  @ApiProperty({ description: 'Occurrences in [from, to)' })
  count: number;

  @ApiProperty({ description: 'Occurrences in the window of the same length just before' })
  previousCount: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Change in percent, one decimal; null when the previous window had none',
    example: 25.5,
  })
  changePercent: number | null;
}

export class TypeFrequencyDto extends TrendDto {
  @ApiProperty({ example: 'TypeError' })
  type: string;

  @ApiProperty({ type: [Number], description: 'Occurrences per bucket, aligned with bucketStarts' })
  buckets: number[];
}

export class GroupFrequencyDto extends TrendDto {
  @ApiProperty({ format: 'uuid' })
  groupId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  type: string;

  @ApiProperty({ enum: LOG_SOURCES })
  source: LogSource;

  @ApiProperty({ enum: EXCEPTION_STATUSES })
  status: ExceptionStatus;

  @ApiProperty({ type: [Number], description: 'Occurrences per bucket, aligned with bucketStarts' })
  buckets: number[];
}

export class ExceptionPatternsDto {
  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty({ description: 'Width of each bucket, chosen from the range (1 minute to 7 days)' })
  bucketSeconds: number;

  @ApiProperty({ type: [String], description: 'Start of each bucket (ISO 8601)' })
  bucketStarts: string[];

  @ApiProperty({ type: [Number], description: 'All occurrences per bucket' })
  buckets: number[];

  @ApiProperty({ type: TrendDto, description: 'All occurrences against the previous window' })
  trend: TrendDto;

  @ApiProperty({ description: 'Groups first seen in the window' })
  newGroups: number;

  @ApiProperty({
    type: [TypeFrequencyDto],
    description: 'The 20 most frequent types, most frequent first',
  })
  byType: TypeFrequencyDto[];

  @ApiProperty({
    type: [GroupFrequencyDto],
    description: 'The 10 most frequent groups of the window, most frequent first',
  })
  topGroups: GroupFrequencyDto[];
}
