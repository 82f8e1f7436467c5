import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../../../common/errors/domain-errors';

const LOG_ID = /^[1-9]\d{0,18}$/;

/** A log line's ID is a positive bigint: anything else cannot name a line, so it is a 404. */
@Injectable()
export class ParseLogIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!LOG_ID.test(value) || BigInt(value) > 2n ** 63n - 1n) {
      throw new NotFoundError('No log line with this ID');
    }
    return value;
  }
}

/** The documentation of the `:id` this pipe reads. */
export const LOG_ID_PARAM = {
  name: 'id',
  description: 'A log line ID: a positive bigint',
  schema: { type: 'string', pattern: LOG_ID.source, maxLength: 19 },
} as const;
