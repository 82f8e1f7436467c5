import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, MaxLength, Min } from 'class-validator';

/** Room for nanoseconds and a UTC offset: `2026-11-22T10:00:00.123456789+05:30` is 35. */
const MAX_DATE_TIME_LENGTH = 40;

/** An optional ISO 8601 date-time (`2026-11-22T10:00:00Z`), checked strictly and documented. */
export function OptionalDateTime(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time', description }),
    IsOptional(),
    MaxLength(MAX_DATE_TIME_LENGTH),
    IsISO8601({ strict: true }),
  );
}

export interface IntegerRange {
  min: number;
  max?: number;
  /** What the DTO's initialiser sets, for the document. */
  default?: number;
  description?: string;
  example?: number;
}

/**
 * An optional whole number (in a query string, converted from its text): range-checked with
 * field messages and documented with its bounds.
 */
export function OptionalInteger({
  min,
  max,
  default: byDefault,
  description,
  example,
}: IntegerRange): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: min,
      ...(max === undefined ? {} : { maximum: max }),
      ...(byDefault === undefined ? {} : { default: byDefault }),
      ...(description === undefined ? {} : { description }),
      ...(example === undefined ? {} : { example }),
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );
}
