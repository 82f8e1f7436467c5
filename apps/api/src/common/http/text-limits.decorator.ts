import { ValidateBy, ValidationOptions } from 'class-validator';

/** Text of at most `limit` bytes in UTF-8 (what storage and the wire count, unlike `MaxLength`). */
export function MaxBytes(limit: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxBytes',
      constraints: [limit],
      validator: {
        validate: (value) => typeof value === 'string' && Buffer.byteLength(value) <= limit,
        defaultMessage: (args) => `${args?.property} must be at most ${limit} bytes (UTF-8)`,
      },
    },
    options,
  );
}

/** An ISO 8601 time not further than `toleranceMs` ahead of the server's clock. */
export function NotInFuture(toleranceMs: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notInFuture',
      constraints: [toleranceMs],
      validator: {
        validate: (value) =>
          typeof value === 'string' && Date.parse(value) <= Date.now() + toleranceMs,
        defaultMessage: (args) =>
          `${args?.property} is more than ${Math.round(toleranceMs / 60000)} minutes in the future (check the device clock)`,
      },
    },
    options,
  );
}
