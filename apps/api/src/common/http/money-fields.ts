import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Largest single amount (a transaction, a budget limit): 10^14 minor units, a trillion in major
 * units. Far inside bigint and exact as a JS number; sums of such amounts are not (see ExactSum).
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000_000;

/** A whole number, optionally signed, written in decimal: how the API writes every sum. */
export const EXACT_SUM_PATTERN = '^-?[0-9]+$';

export interface AmountDocs {
  description: string;
  example: number;
  /** May be left out (documented as not required); validated when given. */
  optional?: boolean;
}

/** One positive amount in minor units as the API answers it: a JSON integer, capped. */
export function AmountInCents({ description, example, optional }: AmountDocs): PropertyDecorator {
  return ApiProperty({
    required: !optional,
    type: 'integer',
    minimum: 1,
    maximum: MAX_AMOUNT_CENTS,
    description: `${description}, in minor units (at most 10^14)`,
    example,
  });
}

/** One positive amount in minor units sent to the API: validated with field messages, documented. */
export function AmountInCentsInput(docs: AmountDocs): PropertyDecorator {
  return applyDecorators(
    AmountInCents(docs),
    ...(docs.optional ? [IsOptional()] : []),
    IsInt({ message: '$property must be a whole number of cents' }),
    Min(1, { message: '$property must be positive' }),
    Max(MAX_AMOUNT_CENTS, { message: '$property must be at most $constraint1' }),
  );
}

/**
 * A sum of amounts in minor units. Written as a decimal string because a sum can pass 2^53, beyond
 * which a JSON number read into JavaScript (or any double) loses cents; add such sums with BigInt.
 */
export function ExactSum(description: string, example: string): PropertyDecorator {
  return ApiProperty({
    type: 'string',
    pattern: EXACT_SUM_PATTERN,
    description: `${description}: exact sum in minor units, as a decimal string, since sums can exceed 2^53`,
    example,
  });
}

/** One amount in minor units that may be negative (a balance: a credit card's, a loan's). */
export function SignedAmountInCents({
  description,
  example,
  optional,
}: AmountDocs): PropertyDecorator {
  return ApiProperty({
    required: !optional,
    type: 'integer',
    minimum: -MAX_AMOUNT_CENTS,
    maximum: MAX_AMOUNT_CENTS,
    description: `${description}, in minor units, negative for money owed (at most 10^14 either way)`,
    example,
  });
}

/** One signed amount in minor units sent to the API: validated with field messages, documented. */
export function SignedAmountInCentsInput(docs: AmountDocs): PropertyDecorator {
  return applyDecorators(
    SignedAmountInCents(docs),
    ...(docs.optional ? [IsOptional()] : []),
    IsInt({ message: '$property must be a whole number of cents' }),
    Min(-MAX_AMOUNT_CENTS, { message: '$property must be at least $constraint1' }),
    Max(MAX_AMOUNT_CENTS, { message: '$property must be at most $constraint1' }),
  );
}
