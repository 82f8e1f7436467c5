import { AUDIT_CHANGE_ACTIONS, AuditChangeAction } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageOf, PaginationQueryOf } from '../../../common/http/pagination.dto';
import { trim } from '../../../common/http/transforms';
import { OptionalDateTime } from '../../../common/http/optional-fields';

export class AuditChangeFilterDto {
  @ApiPropertyOptional({ example: 'transactions' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(63)
  table?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  rowId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who made the change' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({ enum: AUDIT_CHANGE_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_CHANGE_ACTIONS)
  action?: AuditChangeAction;

  @OptionalDateTime('Changed at or after')
  from?: string;

  @OptionalDateTime('Changed before')
  to?: string;
}

export class AuditChangeListQueryDto extends PaginationQueryOf(50, 200, AuditChangeFilterDto) {}

export class AuditChangeDto {
  @ApiProperty({ description: 'Position in the hash chain (bigint as a string)' })
  id: string;

  @ApiProperty()
  tableName: string;

  @ApiProperty()
  rowId: string;

  @ApiProperty({ enum: AUDIT_CHANGE_ACTIONS })
  action: AuditChangeAction;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  oldData: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  newData: Record<string, unknown> | null;

  @ApiProperty({ type: [String] })
  changedColumns: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system' })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true })
  traceId: string | null;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;

  @ApiProperty()
  hash: string;
}

export class AuditChangePageDto extends PageOf(AuditChangeDto) {}

/** A column's value as JSON: any of these, arrays included (e.g. a budget's alertThresholds). */
const COLUMN_VALUE: ApiPropertyOptions = {
  nullable: true,
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

export class FieldChangeDto {
  @ApiProperty({ example: 'amountCents' })
  field: string;

  @ApiProperty({ ...COLUMN_VALUE, description: 'Value before (null when created)' })
  from: unknown;

  @ApiProperty({ ...COLUMN_VALUE, description: 'Value after (null when removed)' })
  to: unknown;
}

/** One change of a record as its owner sees it. */
export class RecordChangeDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: AUDIT_CHANGE_ACTIONS })
  action: AuditChangeAction;

  @ApiProperty({ description: 'true when this change soft-deleted the record' })
  deleted: boolean;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true })
  userEmail: string | null;

  @ApiProperty({ type: String, nullable: true })
  traceId: string | null;

  @ApiProperty({ type: [FieldChangeDto] })
  changes: FieldChangeDto[];
}

export class RecordHistoryDto {
  @ApiProperty({ type: [RecordChangeDto], description: 'Oldest first' })
  items: RecordChangeDto[];
}

export class ChainVerificationDto {
  @ApiProperty()
  ok: boolean;

  @ApiProperty({ type: 'integer', description: 'Rows whose hash was recomputed' })
  checked: number;

  @ApiPropertyOptional({ description: 'The first row whose hash does not match its content' })
  firstBrokenId?: string;

  @ApiPropertyOptional()
  reason?: string;
}
