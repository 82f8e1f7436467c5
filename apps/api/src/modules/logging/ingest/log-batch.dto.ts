import { ApiProperty } from '@nestjs/swagger';

// The request body is `LogBatch`, validated and documented from LOG_BATCH_SCHEMA in contracts.

export class LogBatchResultDto {
  @ApiProperty({ description: 'Entries in the batch' })
  received!: number;

  @ApiProperty({ description: 'Entries stored now' })
  stored!: number;

  @ApiProperty({ description: 'Entries already stored by an earlier send of the same batch' })
  duplicates!: number;
}
