import { FORMAT_LOCALES, FormatLocale, WEEKDAYS, Weekday } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO4217CurrencyCode,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { trim, trimUpper } from '../../../common/http/transforms';

/** Whether `value` names a time zone of the IANA database (as `Intl` knows it). */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function IsTimeZone(options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isTimeZone', validator: { validate: isTimeZone } }, options);
}

/** Left out keeps the value; null is refused like any other wrong value. */
const givenOnly = ValidateIf((_, value) => value !== undefined);

/** The signed-in user's preferences. */
export class UserPreferencesDto {
  @ApiProperty({ description: 'Budget threshold crossings are also sent by email' })
  budgetAlertEmails: boolean;

  @ApiProperty({ description: 'The currency new amounts start in', example: 'EUR' })
  defaultCurrency: string;

  @ApiProperty({
    description: 'IANA time zone; budget periods follow it',
    example: 'Europe/Berlin',
  })
  timeZone: string;

  @ApiProperty({
    enum: WEEKDAYS,
    description: 'Day weekly budgets start on (ISO: 1 Monday … 7 Sunday)',
  })
  firstDayOfWeek: Weekday;

  @ApiProperty({ enum: FORMAT_LOCALES, description: 'Locale numbers are formatted in' })
  numberFormat: FormatLocale;

  @ApiProperty({ enum: FORMAT_LOCALES, description: 'Locale dates are formatted in' })
  dateFormat: FormatLocale;
}

/** Preferences to change; those left out keep their value. */
export class UpdateUserPreferencesDto {
  @ApiPropertyOptional({
    description: 'Send budget threshold crossings by email too',
    example: true,
  })
  @givenOnly
  @IsBoolean({ message: 'budgetAlertEmails must be true or false' })
  budgetAlertEmails?: boolean;

  @ApiPropertyOptional({ example: 'EUR' })
  @Transform(trimUpper)
  @givenOnly
  @IsISO4217CurrencyCode({ message: 'defaultCurrency must be an ISO 4217 code such as EUR' })
  defaultCurrency?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', maxLength: 64 })
  @Transform(trim)
  @givenOnly
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;

  @ApiPropertyOptional({ enum: WEEKDAYS })
  @givenOnly
  @IsIn(WEEKDAYS, { message: 'firstDayOfWeek must be a weekday from 1 (Monday) to 7 (Sunday)' })
  firstDayOfWeek?: Weekday;

  @ApiPropertyOptional({ enum: FORMAT_LOCALES })
  @givenOnly
  @IsIn(FORMAT_LOCALES, { message: `numberFormat must be one of ${FORMAT_LOCALES.join(', ')}` })
  numberFormat?: FormatLocale;

  @ApiPropertyOptional({ enum: FORMAT_LOCALES })
  @givenOnly
  @IsIn(FORMAT_LOCALES, { message: `dateFormat must be one of ${FORMAT_LOCALES.join(', ')}` })
  dateFormat?: FormatLocale;
}
