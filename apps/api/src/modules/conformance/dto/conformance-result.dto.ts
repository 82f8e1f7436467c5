import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const FAILURES = [
  'invalid url',
  'destination not allowed',
  'timed out',
  'connection failed',
  'response too large',
];

export class ConformanceCallResultDto {
  @ApiProperty({ example: 'http://127.0.0.1:7777/test/1' })
  url!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The status the url answered with' })
  status?: number;

  @ApiPropertyOptional({ enum: FAILURES, description: 'Why the call got no answer' })
  error?: string;
}

export class ConformanceResultDto {
  @ApiProperty({ type: [ConformanceCallResultDto], description: 'One per call, in order' })
  calls!: ConformanceCallResultDto[];
}
