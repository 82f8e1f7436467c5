import { QUERY_KINDS, QueryKind } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../../common/http/pagination.dto';

class SlowSampleDto {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ example: '2026-11-21T10:15:30.123456Z', description: 'When it started (UTC)' })
  startedAt!: string;

  @ApiProperty()
  durationMs!: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  traceId!: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiProperty({ description: 'The API instance that served it' })
  instance!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '/api/v1/logging/logs?traceId=4bf92f3577b34da6a3ce929d0e0e4736',
    description: 'Every stored log line of its trace',
  })
  logsUrl!: string | null;
}

export class SlowRequestDto extends SlowSampleDto {
  @ApiProperty({ example: 'GET' })
  method!: string;

  @ApiProperty({ example: '/api/v1/transactions/:id', description: 'Route template' })
  route!: string;

  @ApiProperty({ example: 200 })
  statusCode!: number;
}

export class SlowQueryDto extends SlowSampleDto {
  @ApiProperty({ enum: QUERY_KINDS })
  kind!: QueryKind;

  @ApiProperty({
    example: 'SELECT * FROM "transactions" WHERE "id" = $1 AND "amount_cents" > ?',
    description: 'Literals replaced by ?, parameters as $n',
  })
  statement!: string;

  @ApiPropertyOptional({
    type: 'array',
    items: {},
    nullable: true,
    description: 'Redacted, long strings shortened',
  })
  params!: unknown[] | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'GET /api/v1/transactions',
    description: 'The endpoint of the request that ran it; null outside requests (jobs)',
  })
  endpoint!: string | null;
}

export class SlowRequestPageDto extends PageOf(SlowRequestDto) {}

export class SlowQueryPageDto extends PageOf(SlowQueryDto) {}
