import { applyDecorators, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import { RecordHistoryDto } from '../dto/audit-change.dto';

/** `GET /:id/history`: the change history of one of the caller's records, or 404. */
export const GetHistoryById = () =>
  applyDecorators(
    Get(':id/history'),
    ApiOkResponse({
      type: RecordHistoryDto,
      description: 'Every change, oldest first: who, when, in which request, field by field',
    }),
    ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such record of yours' }),
  );
