import { TRANSACTION_TYPES, TransactionType } from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import { ExactSum } from '../../../common/http/money-fields';

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

  @ExactSum('Income', '250000')
  incomeCents: string;

  @ExactSum('Spending (expenses)', '16475')
  spendingCents: string;

  @ExactSum('Income minus spending; negative when more went out', '233525')
  netCents: string;

  @ApiProperty({ type: 'integer', description: 'Transactions in this currency' })
  count: number;

  @ApiProperty({ type: 'integer', description: 'Expenses in this currency' })
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

  @ExactSum('Sum of the amounts', '5775')
  cents: string;

  @ApiProperty({ type: 'integer' })
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

export class TransactionTotalsDto {
  @ApiProperty({
    type: [CurrencyTotalsDto],
    description:
      'One entry per currency of the matching transactions, the most used first (amounts in different currencies never add up)',
  })
  currencies: CurrencyTotalsDto[];
}
