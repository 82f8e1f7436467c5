import { BadRequestException } from '@nestjs/common';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FieldErrors } from '../errors/domain-errors';

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'a UUID',
  'date-time': 'an ISO 8601 date-time with a time zone',
};

/** `/entries/1/clientId` → `entries.1.clientId` (JSON Pointer to the API's field names). */
function fieldOf(pointer: string, child?: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [...segments, ...(child === undefined ? [] : [child])].join('.');
}

/** Where an error belongs and what to say, in class-validator's words (one style for all 400s). */
function describe(error: ErrorObject): [field: string, message: string] {
  // ajv types every keyword's parameters as `any`; read them as the plain values they are.
  const params = error.params as Record<string, unknown>;
  const text = (name: string) => String(params[name]);
  const field = fieldOf(
    error.instancePath,
    error.keyword === 'required'
      ? text('missingProperty')
      : error.keyword === 'additionalProperties'
        ? text('additionalProperty')
        : undefined,
  );
  const name = field.split('.').pop() || 'body';
  switch (error.keyword) {
    case 'required':
      return [field, `${name} is required`];
    case 'additionalProperties':
      return [field, `property ${name} should not exist`];
    case 'format':
      return [field, `${name} must be ${FORMAT_NAMES[text('format')] ?? text('format')}`];
    case 'enum':
      return [
        field,
        `${name} must be one of the following values: ${(params.allowedValues as unknown[]).join(', ')}`,
      ];
    case 'maxItems':
      return [field, `${name} must contain no more than ${text('limit')} elements`];
    case 'minItems':
      return [field, `${name} must contain at least ${text('limit')} elements`];
    case 'maxLength':
      return [field, `${name} must be shorter than or equal to ${text('limit')} characters`];
    case 'minimum':
      return [field, `${name} must not be less than ${text('limit')}`];
    case 'maximum':
      return [field, `${name} must not be greater than ${text('limit')}`];
    case 'type':
      return [
        field,
        `${name} must be ${/^[aeiou]/.test(text('type')) ? 'an' : 'a'} ${text('type')}`,
      ];
    case 'pattern':
      return [field, `${name} must match ${text('pattern')}`];
    default:
      return [field, `${name} ${error.message ?? 'is invalid'}`];
  }
}

/** Field-level messages from ajv's errors, in the API's `details` shape. */
export function fieldErrorsOfSchema(errors: readonly ErrorObject[]): FieldErrors {
  const details: FieldErrors = {};
  for (const error of errors) {
    const [field, message] = describe(error);
    const messages = (details[field || 'body'] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return details;
}

/**
 * `body` as `T` when it matches the compiled schema and `moreErrors` (what a schema cannot say)
 * finds nothing; else a 400 with every field's messages.
 */
export function validBySchema<T>(
  validate: ValidateFunction<T>,
  body: unknown,
  moreErrors: (valid: T) => FieldErrors,
): T {
  const details = validate(body) ? moreErrors(body) : fieldErrorsOfSchema(validate.errors ?? []);
  if (Object.keys(details).length > 0) {
    throw new BadRequestException({ message: 'Validation failed', details });
  }
  return body as T;
}
