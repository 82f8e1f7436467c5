import { BUDGET_PERIODS, BUDGET_STATUSES, BudgetPeriod, BudgetStatus } from '@ledgerlens/contracts';
import { PageOf } from '../../../common/http/pagination.dto';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trimUpper } from '../../../common/http/transforms';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import { AmountInCents, AmountInCentsInput, ExactSum } from '../../../common/http/money-fields';
import { OptionalInteger } from '../../../common/http/optional-fields';

export class CreateBudgetDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Omit or null for an overall budget',
  })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a UUID' })
  categoryId?: string | null;

  @ApiProperty({ enum: BUDGET_PERIODS })
  @IsIn(BUDGET_PERIODS, { message: 'period must be weekly, monthly or yearly' })
  period: BudgetPeriod;

  @AmountInCentsInput({ description: 'Most to spend in a period', example: 40000 })
  limitCents: number;

  @ApiProperty({ example: 'EUR' })
  @Transform(trimUpper)
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ type: 'integer', isArray: true, default: [80, 100], example: [80, 100] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true, message: 'alertThresholds must hold whole percentages' })
  @Min(1, { each: true, message: 'each alert threshold must be at least 1 percent' })
  @Max(1000, { each: true, message: 'each alert threshold must be at most 1000 percent' })
  alertThresholds?: number[];
}

export class UpdateBudgetDto extends PartialType(
  OmitType(CreateBudgetDto, ['categoryId', 'currency'] as const),
) {}

export class BudgetDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;

  @ApiProperty({ enum: BUDGET_PERIODS })
  period: BudgetPeriod;

  @AmountInCents({ description: 'Most to spend in a period', example: 40000 })
  limitCents: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ type: 'integer', isArray: true })
  alertThresholds: number[];

  @ApiProperty({ format: 'date', description: 'First day of the current period' })
  periodStart: string;

  @ApiProperty({ format: 'date', description: 'Last day of the current period' })
  periodEnd: string;

  @ExactSum('Spent in the current period', '42000')
  spentCents: string;

  @ExactSum('Limit minus spent; negative when over', '-2000')
  remainingCents: string;

  @ApiProperty({ example: 42.5 })
  percentUsed: number;

  @ApiProperty({ enum: BUDGET_STATUSES })
  status: BudgetStatus;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class BudgetListDto extends PageOf(BudgetDto) {}

export class BudgetAlertDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  budgetId: string;

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ type: 'integer' })
  thresholdPercent: number;

  @ExactSum('Spent in the period when the threshold was reached', '32000')
  spentCents: string;

  @AmountInCents({ description: 'The limit at that moment', example: 40000 })
  limitCents: number;

  @ApiProperty()
  createdAt: Date;
}

export class BudgetAlertPageDto extends PageOf(BudgetAlertDto) {}

/** How many of a budget's latest periods to answer. */
export class BudgetPeriodsQueryDto {
  @OptionalInteger({
    min: 1,
    max: 24,
    default: 6,
    description: 'Periods to answer: the current one and those before it',
  })
  count = 6;
}

export class BudgetPeriodResultDto {
  @ApiProperty({ format: 'date', description: 'First day (the budget’s start date at the most)' })
  periodStart: string;

  @ApiProperty({ format: 'date', description: 'Last day' })
  periodEnd: string;

  @ApiProperty({ description: 'Whether this is the period today is in, still running' })
  current: boolean;

  @ExactSum('Spent in the period', '42000')
  spentCents: string;

  @ExactSum('Limit minus spent; negative when over', '-2000')
  remainingCents: string;

  @ApiProperty({ example: 105 })
  percentUsed: number;

  @ApiProperty({ description: 'Whether the spending reached the limit (100 % or more)' })
  over: boolean;
}

export class BudgetPeriodsDto {
  @ApiProperty({ format: 'uuid' })
  budgetId: string;

  @ApiProperty({ enum: BUDGET_PERIODS })
  period: BudgetPeriod;

  @ApiProperty()
  currency: string;

  @AmountInCents({
    description: 'The budget’s limit as it is now, which every period is measured by',
    example: 40000,
  })
  limitCents: number;

  @ApiProperty({
    type: [BudgetPeriodResultDto],
    description: 'The current period first, then those before it; none before the start date',
  })
  periods: BudgetPeriodResultDto[];
}
