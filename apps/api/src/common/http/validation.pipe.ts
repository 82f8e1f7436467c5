import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldErrors } from '../errors/domain-errors';

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/** Field-level messages for every invalid or unknown property. */
export function fieldErrorsOf(errors: ValidationError[]): FieldErrors {
  return collect(errors, '', {});
}

/** Strict input: unknown properties are refused, values are converted to their declared types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'Validation failed', details: fieldErrorsOf(errors) }),
  });
}
