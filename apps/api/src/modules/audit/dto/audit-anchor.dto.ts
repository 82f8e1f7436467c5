import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One line of the anchors file: where the chain stood at a moment. */
export class AuditAnchorDto {
  @ApiProperty({ description: 'When the anchor was taken (ISO 8601)' })
  at: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The last row of the chain then (null: no row yet)',
  })
  lastChangeId: string | null;

  @ApiProperty({ description: 'The hash of that row: the chain head' })
  headHash: string;

  @ApiProperty({
    type: 'integer',
    description: 'Rows of the chain up to and including that row, archived ones counted',
  })
  rows: number;
}

/** The first anchor the stored chain disagrees with. */
export class AnchorMismatchDto {
  @ApiProperty({ type: 'integer', description: 'Line of the anchors file (from 1)' })
  line: number;

  @ApiProperty({ type: AuditAnchorDto })
  anchor: AuditAnchorDto;

  @ApiProperty({ description: 'The anchored row' })
  rowId: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Its hash as stored now (null: the row is gone)',
  })
  storedHash: string | null;

  @ApiProperty({ type: 'integer', description: 'Rows of the chain up to it, as stored now' })
  storedRows: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The row of the last anchor that still matched: the rewrite lies after it',
  })
  afterRowId: string | null;

  @ApiProperty()
  reason: string;
}

export class AnchorVerificationDto {
  @ApiProperty()
  ok: boolean;

  @ApiProperty({ type: 'integer', description: 'Anchors compared with the stored chain' })
  checked: number;

  @ApiProperty({
    type: 'integer',
    description: 'Anchors of archived months (before the newest archived boundary), not compared',
  })
  skipped: number;

  @ApiPropertyOptional({ type: AnchorMismatchDto })
  mismatch?: AnchorMismatchDto;
}
