import { TRANSACTION_TYPES, TransactionType } from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';

export class TransactionSummaryQueryDto {
  @ApiProperty({ format: 'date', description: 'First day, inclusive', example: '2026-11-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', description: 'Last day, inclusive', example: '2026-11-30' })
  @IsCalendarDate()
  to: string;
}

export class CurrencyTotalsDto {
  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ description: 'Income in minor units' })
  incomeCents: number;

  @ApiProperty({ description: 'Spending (expenses) in minor units' })
  spendingCents: number;

  @ApiProperty({ description: 'Income minus spending; negative when more went out' })
  netCents: number;

  @ApiProperty({ description: 'Transactions in this currency' })
  count: number;

  @ApiProperty({ description: 'Expenses in this currency' })
  expenseCount: number;
}

export class CategoryTotalDto {
  @ApiProperty({ enum: TRANSACTION_TYPES })
  type: TransactionType;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: no category' })
  categoryId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Kept for deleted categories' })
  categoryName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '#22c55e' })
  color: string | null;

  @ApiProperty({ description: 'Sum in minor units' })
  cents: number;

  @ApiProperty()
  count: number;
}

export class TransactionSummaryDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({
    type: [CurrencyTotalsDto],
    description: 'One entry per currency used in the range, the most used first',
  })
  currencies: CurrencyTotalsDto[];

  @ApiProperty({
    type: [CategoryTotalDto],
    description:
      'Sums per type, currency and category (amounts in different currencies never add up), largest first',
  })
  categories: CategoryTotalDto[];
}
