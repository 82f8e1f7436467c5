import { ApiProperty } from '@nestjs/swagger';
import { ExactSum } from '../../../common/http/money-fields';

export class CategoryMonthDto {
  @ApiProperty({ example: '2026-11', description: 'The month, `YYYY-MM`' })
  month: string;

  @ExactSum('Spent in the month', '5775')
  cents: string;

  @ApiProperty({ type: 'integer', description: 'Expenses in the month' })
  count: number;
}

export class CategoryMonthsDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: no category' })
  categoryId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Kept for deleted categories' })
  categoryName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '#22c55e' })
  color: string | null;

  @ExactSum('Spent in the whole range', '48210')
  totalCents: string;

  @ApiProperty({
    type: [CategoryMonthDto],
    description: 'Every month of the range, oldest first; zero for a month without any',
  })
  months: CategoryMonthDto[];
}

export class CurrencyCategoriesDto {
  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({
    type: [CategoryMonthsDto],
    description: 'The categories spent in, the largest total first',
  })
  categories: CategoryMonthsDto[];
}

export class CategorySpendingDto {
  @ApiProperty({ example: '2025-12', description: 'First month of the range, `YYYY-MM`' })
  from: string;

  @ApiProperty({ example: '2026-11', description: 'Last month of the range, `YYYY-MM`' })
  to: string;

  @ApiProperty({
    type: [CurrencyCategoriesDto],
    description:
      'Spending per category and month, one entry per currency spent in (amounts in different currencies never add up), the most expenses first',
  })
  currencies: CurrencyCategoriesDto[];
}
