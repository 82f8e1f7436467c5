import { ApiProperty } from '@nestjs/swagger';
import { ExceptionGroupDto } from './exception-group.dto';
import { ExceptionOccurrenceDetailDto, ExceptionOccurrenceDto } from './exception-occurrence.dto';

export class CountBucketDto {
  @ApiProperty({ format: 'date-time' })
  start: string;

  @ApiProperty()
  count: number;
}

export class HourlyOccurrencesDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the hour `from` falls in' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty({ description: 'Occurrences in the range (exact, sampled out or not)' })
  total: number;

  @ApiProperty({ type: [CountBucketDto], description: 'One bucket per hour of the range' })
  buckets: CountBucketDto[];
}

export class ExceptionGroupDetailDto {
  @ApiProperty({ type: ExceptionGroupDto })
  group: ExceptionGroupDto;

  @ApiProperty({ type: ExceptionOccurrenceDetailDto, nullable: true })
  latestOccurrence: ExceptionOccurrenceDetailDto | null;

  @ApiProperty({ type: [ExceptionOccurrenceDto], description: 'Newest first' })
  recentOccurrences: ExceptionOccurrenceDto[];

  @ApiProperty({
    description: 'Occurrences stored with their details (the rest were sampled out or expired)',
  })
  storedOccurrences: number;

  @ApiProperty({ type: HourlyOccurrencesDto })
  hourly: HourlyOccurrencesDto;
}
