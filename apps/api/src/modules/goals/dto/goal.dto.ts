import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import {
  AmountInCents,
  AmountInCentsInput,
  EXACT_SUM_PATTERN,
  ExactSum,
} from '../../../common/http/money-fields';
import { PageOf } from '../../../common/http/pagination.dto';
import { trim, trimUpper } from '../../../common/http/transforms';

export class CreateGoalDto {
  @ApiProperty({ example: 'Holiday', maxLength: 100 })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name: string;

  @AmountInCentsInput({ description: 'The amount to save', example: 150_000 })
  targetCents: number;

  @ApiProperty({
    description: "ISO 4217 code; a linked goal's is its account's",
    example: 'EUR',
  })
  @Transform(trimUpper)
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The day to reach the target by; null for none',
  })
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      "Linked: progress is this account's balance. Null (manual): progress is the sum of the goal's contributions",
  })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string | null;
}

/**
 * A changed target, or a change between linked and manual, clears `reachedOn`: the goal is
 * measured afresh. An account can be linked only while the goal has no contributions.
 */
export class UpdateGoalDto extends PartialType(CreateGoalDto) {}

/** Where a goal stands; every figure in the goal's currency. */
export class GoalProgressDto {
  @ExactSum("Saved as of today: the linked account's balance, or the contributions' sum", '30000')
  savedCents: string;

  @ExactSum('Target minus saved, zero once saved reaches the target', '120000')
  remainingCents: string;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 20,
    description: 'Saved as a share of the target, 0–100, rounded down to two decimals',
  })
  percent: number;

  @ApiProperty({
    type: 'string',
    nullable: true,
    pattern: EXACT_SUM_PATTERN,
    example: '17143',
    description:
      'To save each month to reach the target by its date: the remainder spread over the whole months left (a part month counts as one), rounded up; the whole remainder once the date has come. Null without a target date. Exact decimal string',
  })
  neededPerMonthCents: string | null;

  @ExactSum(
    'Average monthly change of the savings over the last three full months and the current month so far (change since the end of the month four months back, divided by 3 + the elapsed share of this month), rounded down',
    '10000',
  )
  paceCents: string;

  @ApiProperty({
    type: 'string',
    nullable: true,
    pattern: '^[0-9]{4}-[0-9]{2}$',
    example: '2027-06',
    description:
      'The month (YYYY-MM) the target is reached at that pace: the first month n months from now with saved + pace × n ≥ target. Null once reached, when the pace is not positive, or more than 100 years away',
  })
  projectedMonth: string | null;

  @ApiProperty({ description: 'Reached: `reachedOn` is set' })
  reached: boolean;
}

export class GoalDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @AmountInCents({ description: 'The amount to save', example: 150_000 })
  targetCents: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  targetDate: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The linked account; null for a goal fed by contributions',
  })
  accountId: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      "The day (in the user's time zone) the goal was first seen reached; kept when savings are spent afterwards",
  })
  reachedOn: string | null;

  @ApiProperty({ type: GoalProgressDto })
  progress: GoalProgressDto;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class GoalListDto extends PageOf(GoalDto) {}
