import {
  applyDecorators,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Type,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';
import { UuidParamPipe } from './uuid-param.pipe';

/** The `:id` path parameter of a resource, which must be a UUID (400 otherwise). */
export const IdParam = () => Param('id', UuidParamPipe);

const notFound = () =>
  ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such record of yours' });

/** `GET /:id` answering `type`, or 404. */
export const GetById = (type: Type<unknown>) =>
  applyDecorators(Get(':id'), ApiOkResponse({ type }), notFound());

/** `PATCH /:id` (partial update) answering `type`, or 404. */
export const PatchById = (type: Type<unknown>) =>
  applyDecorators(Patch(':id'), ApiOkResponse({ type }), notFound());

/** `DELETE /:id`: a soft delete answering 204, or 404. */
export const SoftDeleteById = () =>
  applyDecorators(
    Delete(':id'),
    HttpCode(HttpStatus.NO_CONTENT),
    ApiNoContentResponse({
      description: 'Soft-deleted: gone from lists and lookups, kept in the database',
    }),
    notFound(),
  );
