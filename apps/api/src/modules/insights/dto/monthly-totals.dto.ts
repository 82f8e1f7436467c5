import { ApiProperty } from '@nestjs/swagger';
import { ExactSum } from '../../../common/http/money-fields';

export class MonthTotalsDto {
  @ApiProperty({ example: '2026-11', description: 'The month, `YYYY-MM`' })
  month: string;

  @ExactSum('Income', '320000')
  incomeCents: string;

  @ExactSum('Spending (expenses)', '16475')
  spendingCents: string;

  @ExactSum('Income minus spending; negative when more went out', '303525')
  netCents: string;

  @ApiProperty({ type: 'integer', description: 'Income transactions in the month' })
  incomeCount: number;

  @ApiProperty({ type: 'integer', description: 'Expenses in the month' })
  expenseCount: number;
}

export class CurrencyMonthsDto {
  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({
    type: [MonthTotalsDto],
    description: 'Every month of the range, oldest first; zero for a month without any',
  })
  months: MonthTotalsDto[];
}

export class MonthlyTotalsDto {
  @ApiProperty({ example: '2025-12', description: 'First month of the range, `YYYY-MM`' })
  from: string;

  @ApiProperty({ example: '2026-11', description: 'Last month of the range, `YYYY-MM`' })
  to: string;

  @ApiProperty({
    type: [CurrencyMonthsDto],
    description:
      'One entry per currency used in the range, the most used first; amounts in different currencies never add up. Transfers between accounts count as neither income nor spending',
  })
  currencies: CurrencyMonthsDto[];
}
