import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** The optional `accountId` of what books entries (a transaction, a recurring rule). */
export function EntryAccountId(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      format: 'uuid',
      description:
        'The account entries are booked to, in the entry\'s currency. Default: the user\'s oldest open account in that currency, created as "Main account" when there is none',
    }),
    IsOptional(),
    IsUUID('all', { message: 'accountId must be a UUID' }),
  );
}
