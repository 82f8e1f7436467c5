import {
  DEFAULT_INSIGHT_MONTHS,
  MAX_INSIGHT_MONTHS,
  MONTH_KEY_PATTERN,
} from '@ledgerlens/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

function OptionalMonth(description: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      pattern: MONTH_KEY_PATTERN,
      maxLength: example.length,
      description,
      example,
    }),
    IsOptional(),
    Matches(new RegExp(MONTH_KEY_PATTERN), {
      message: '$property must be a month written YYYY-MM, such as 2026-11',
    }),
  );
}

/** A range of whole months; by default the year ending with this month in the user's time zone. */
export class MonthRangeQueryDto {
  @OptionalMonth(
    `First month, included; by default ${DEFAULT_INSIGHT_MONTHS - 1} months before \`to\`. ` +
      `At most ${MAX_INSIGHT_MONTHS} months in all`,
    '2025-12',
  )
  from?: string;

  @OptionalMonth(
    "Last month, included; by default the current month in the user's time zone",
    '2026-11',
  )
  to?: string;
}
