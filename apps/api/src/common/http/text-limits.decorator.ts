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

/** How far an ISO 8601 time may lie from the server's clock, either way. */
export interface ClockWindow {
  pastMs: number;
  futureMs: number;
}

function describeSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes % 1440 === 0 ? `${minutes / 1440} days` : `${minutes} minutes`;
}

/** An ISO 8601 time at most `pastMs` before and `futureMs` after the server's clock. */
export function WithinClock(window: ClockWindow, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'withinClock',
      constraints: [window],
      validator: {
        validate: (value) => {
          const offset = typeof value === 'string' ? Date.parse(value) - Date.now() : NaN;
          return offset <= window.futureMs && offset >= -window.pastMs;
        },
        defaultMessage: (args) => {
          const offset = Date.parse(String(args?.value)) - Date.now();
          return offset > 0
            ? `${args?.property} is more than ${describeSpan(window.futureMs)} in the future (check the device clock)`
            : `${args?.property} is more than ${describeSpan(window.pastMs)} old`;
        },
      },
    },
    options,
  );
}
