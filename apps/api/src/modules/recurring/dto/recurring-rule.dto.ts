import { TRANSACTION_TYPES, TransactionType } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import { AmountInCents, AmountInCentsInput } from '../../../common/http/money-fields';
import { OptionalInteger } from '../../../common/http/optional-fields';
import { PageOf } from '../../../common/http/pagination.dto';
import { trim, trimUpper } from '../../../common/http/transforms';
import { EntryAccountId } from '../../accounts';
import { FREQUENCIES, Frequency } from '../recurrence';

/** The most days `GET /recurring/upcoming` looks ahead. */
export const MAX_UPCOMING_DAYS = 366;

export class CreateRecurringRuleDto {
  @EntryAccountId()
  accountId?: string;

  @ApiProperty({ example: 'Rent', maxLength: 100 })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 255,
    description: "The booked transactions' description; the name when omitted",
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'description must be text' })
  @MaxLength(255, { message: 'description must be at most 255 characters' })
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The type follows the category kind; null for none',
  })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a UUID' })
  categoryId?: string | null;

  @ApiPropertyOptional({ enum: TRANSACTION_TYPES, description: 'Required without a category' })
  @IsOptional()
  @IsIn(TRANSACTION_TYPES, { message: 'type must be expense or income' })
  type?: TransactionType;

  @AmountInCentsInput({ description: 'Amount of each transaction', example: 95000 })
  amountCents: number;

  @ApiProperty({ description: 'ISO 4217 code', example: 'EUR' })
  @Transform(trimUpper)
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiProperty({ enum: FREQUENCIES })
  @IsIn(FREQUENCIES, { message: 'frequency must be daily, weekly, monthly or yearly' })
  frequency: Frequency;

  @OptionalInteger({
    min: 1,
    max: 999,
    default: 1,
    description: 'Every this many days, weeks, months or years',
  })
  interval?: number;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 28,
    description: 'Monthly rules: the day of the month (or set lastDayOfMonth)',
  })
  @IsOptional()
  @IsInt({ message: 'dayOfMonth must be a whole number from 1 to 28' })
  @Min(1, { message: 'dayOfMonth must be a whole number from 1 to 28' })
  @Max(28, { message: 'dayOfMonth must be a whole number from 1 to 28' })
  dayOfMonth?: number | null;

  @ApiPropertyOptional({ description: "Monthly rules: on each month's last day" })
  @IsOptional()
  @IsBoolean({ message: 'lastDayOfMonth must be true or false' })
  lastDayOfMonth?: boolean;

  @ApiProperty({
    format: 'date',
    example: '2026-12-01',
    description: 'First possible day; weekly and yearly rules repeat its weekday or date',
  })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last possible day',
  })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'How many occurrences in all (instead of an end date)',
  })
  @IsOptional()
  @IsInt({ message: 'occurrenceCount must be a whole number of at least 1' })
  @Min(1, { message: 'occurrenceCount must be a whole number of at least 1' })
  @Max(100_000, { message: 'occurrenceCount must be at most 100000' })
  occurrenceCount?: number | null;
}

/** Changes apply to occurrences from today on; transactions already booked stay as they are. */
export class UpdateRecurringRuleDto extends PartialType(CreateRecurringRuleDto) {}

export class SkipOccurrenceDto {
  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'The occurrence to skip' })
  @IsCalendarDate()
  occursOn: string;
}

export class UpcomingQueryDto {
  @OptionalInteger({
    min: 1,
    max: MAX_UPCOMING_DAYS,
    default: 30,
    description: 'Days ahead, today included',
  })
  days = 30;
}

export class RecurringRuleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The account its transactions are booked to' })
  accountId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;

  @ApiProperty({ enum: TRANSACTION_TYPES })
  type: TransactionType;

  @AmountInCents({ description: 'Amount of each transaction', example: 95000 })
  amountCents: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ enum: FREQUENCIES })
  frequency: Frequency;

  @ApiProperty({ type: 'integer' })
  interval: number;

  @ApiProperty({ type: 'integer', nullable: true })
  dayOfMonth: number | null;

  @ApiProperty()
  lastDayOfMonth: boolean;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  occurrenceCount: number | null;

  @ApiProperty()
  paused: boolean;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The first occurrence not booked yet; null once the rule has ended',
  })
  nextDueOn: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class RecurringRuleListDto extends PageOf(RecurringRuleDto) {}

export class UpcomingOccurrenceDto {
  @ApiProperty({ format: 'uuid' })
  ruleId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'date' })
  occursOn: string;

  @ApiProperty({ enum: TRANSACTION_TYPES })
  type: TransactionType;

  @AmountInCents({ description: 'Amount of the transaction', example: 95000 })
  amountCents: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;

  @ApiProperty({ description: 'Skipped: no transaction will be booked for it' })
  skipped: boolean;
}

export class UpcomingListDto {
  @ApiProperty({ type: UpcomingOccurrenceDto, isArray: true })
  items: UpcomingOccurrenceDto[];
}

export class SkippedOccurrenceDto {
  @ApiProperty({ format: 'uuid' })
  ruleId: string;

  @ApiProperty({ format: 'date' })
  occursOn: string;
}
