import {
  LEDGER_TYPES,
  LedgerType,
  TRANSACTION_TYPES,
  TransactionType,
} from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim, trimUpper } from '../../../common/http/transforms';
import {
  IsIn,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import { PageOf, PaginationQueryOf } from '../../../common/http/pagination.dto';
import { EntryAccountId } from '../../accounts';
import { CategoryDto } from '../../categories';
import { Transaction } from '../transaction.entity';
import { OptionalInteger } from '../../../common/http/optional-fields';
import {
  AmountInCents,
  AmountInCentsInput,
  MAX_AMOUNT_CENTS,
} from '../../../common/http/money-fields';

export class CreateTransactionDto {
  @EntryAccountId()
  accountId?: string;

  @AmountInCentsInput({ description: 'Positive amount', example: 1250 })
  amountCents: number;

  @ApiProperty({ description: 'ISO 4217 code', example: 'EUR' })
  @Transform(trimUpper)
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiProperty({ example: 'Weekly groceries', maxLength: 255 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'description is required' })
  @MaxLength(255)
  description: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The type follows the category kind; null for none',
  })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a UUID' })
  categoryId?: string | null;

  @ApiPropertyOptional({
    enum: TRANSACTION_TYPES,
    description: 'Required when there is no category',
  })
  @IsOptional()
  @IsIn(TRANSACTION_TYPES, { message: 'type must be expense or income' })
  type?: TransactionType;

  @ApiProperty({ format: 'date', example: '2026-11-03' })
  @IsCalendarDate()
  occurredOn: string;

  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class UpdateTransactionDto extends PartialType(CreateTransactionDto) {}

export const TRANSACTION_SORT_FIELDS = [
  'occurredOn',
  'amountCents',
  'createdAt',
  'description',
] as const;
export type TransactionSortField = (typeof TRANSACTION_SORT_FIELDS)[number];

/** What the list, and its totals, can be narrowed by. */
export class TransactionFiltersDto {
  @ApiPropertyOptional({ format: 'date', description: 'Occurred on or after' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Occurred on or before' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string;

  @ApiPropertyOptional({ enum: LEDGER_TYPES })
  @IsOptional()
  @IsIn(LEDGER_TYPES, { message: `type must be one of ${LEDGER_TYPES.join(', ')}` })
  type?: LedgerType;

  @OptionalInteger({ min: 1, max: MAX_AMOUNT_CENTS })
  minAmountCents?: number;

  @OptionalInteger({ min: 1, max: MAX_AMOUNT_CENTS })
  maxAmountCents?: number;

  @ApiPropertyOptional({
    description: 'Text contained in the description or the notes (case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ListTransactionsQueryDto extends PaginationQueryOf(20, 100, TransactionFiltersDto) {
  @ApiPropertyOptional({ enum: TRANSACTION_SORT_FIELDS, default: 'occurredOn' })
  @IsOptional()
  @IsIn(TRANSACTION_SORT_FIELDS)
  sort: TransactionSortField = 'occurredOn';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}

export class TransactionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Shared by the two sides of a transfer; null otherwise',
  })
  transferId: string | null;

  @ApiProperty({
    enum: LEDGER_TYPES,
    description:
      'expense and income are entered by the user; transfer_out and transfer_in are the sides of a transfer, adjustment_out and adjustment_in a reconciliation difference (none of these is income or spending)',
  })
  type: LedgerType;

  @AmountInCents({ description: 'Positive amount; the type says which way it went', example: 1250 })
  amountCents: number;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date' })
  occurredOn: string;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;

  @ApiProperty({ type: CategoryDto, nullable: true })
  category: CategoryDto | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(transaction: Transaction): TransactionDto {
    return {
      id: transaction.id,
      accountId: transaction.accountId,
      transferId: transaction.transferId,
      type: transaction.type,
      amountCents: transaction.amountCents,
      currency: transaction.currency,
      description: transaction.description,
      occurredOn: transaction.occurredOn,
      notes: transaction.notes,
      categoryId: transaction.categoryId,
      category: transaction.category ? CategoryDto.from(transaction.category) : null,
      createdAt: transaction.createdAt,
      updatedAt: transaction.updatedAt,
    };
  }
}

export class TransactionPageDto extends PageOf(TransactionDto) {}
