import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Up to 18 digits: every positive bigint identity value a table will reach, kept as text. */
const SERIAL_ID = /^[1-9]\d{0,17}$/;

/**
 * A bigint identity path parameter (e.g. a history entry): kept as text, since such IDs can pass
 * 2^53; anything else is a 400 naming the parameter, like any field message.
 */
@Injectable()
export class SerialIdParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (SERIAL_ID.test(value)) return value;
    const name = metadata.data ?? 'id';
    throw new BadRequestException({
      message: 'Validation failed',
      details: { [name]: [`${name} must be a positive whole number`] },
    });
  }
}
