import { ApiProperty } from '@nestjs/swagger';

// The request body is `LogBatch`, validated and documented from LOG_BATCH_SCHEMA in contracts.

export class LogBatchResultDto {
  @ApiProperty({ type: 'integer', description: 'Entries in the batch' })
  received!: number;

  @ApiProperty({ type: 'integer', description: 'Entries stored now' })
  stored!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Entries already stored by an earlier send of the same batch',
  })
  duplicates!: number;
}
